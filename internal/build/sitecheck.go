package build

import (
	"fmt"
	"os"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/check"
)

// CheckError is a built site that failed the site check (package check).
type CheckError struct {
	Problems []check.Problem
}

func (e *CheckError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return fmt.Sprintf("the built site fails the check, %d problem(s):\n%s", len(e.Problems), strings.Join(lines, "\n"))
}

// seal finishes a site written into dir: it writes SHA256SUMS over the final
// bytes of every file, then checks the site as a reader would get it.
func seal(dir string, sum *Summary) error {
	n, err := writeChecksums(dir)
	if err != nil {
		return err
	}
	sum.Files++
	sum.Bytes += n
	r, err := check.Site(os.DirFS(dir))
	if err != nil {
		return err
	}
	if len(r.Problems) > 0 {
		return &CheckError{Problems: r.Problems}
	}
	return nil
}
