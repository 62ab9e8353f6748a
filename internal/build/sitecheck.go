package build

import (
	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
)

// CheckError is a built site that failed the site check (package check):
// its problems, each at its file of the site.
type CheckError struct {
	Problems diag.List
}

func (e *CheckError) Error() string {
	return l10n.Sprintf("the built site fails the check, %d problem(s):\n%s", len(e.Problems), e.Problems.Error())
}

// seal finishes a site written into dir: it writes SHA256SUMS over the final
// bytes of every file, then checks the site as a reader would get it, from
// what write parsed of each file. It returns the summary of the whole site.
func seal(dir string, w *written) (Summary, error) {
	n, err := writeChecksums(dir, w)
	if err != nil {
		return Summary{}, err
	}
	if r := w.check.Site(); len(r.Problems) > 0 {
		return Summary{}, &CheckError{Problems: r.Problems}
	}
	sum := Summary{Files: len(w.outputs) + 1, Bytes: n}
	for i, o := range w.outputs {
		sum.Bytes += w.sizes[i]
		if o.Page {
			sum.Pages++
		}
	}
	return sum, nil
}

// sitePaths lists every file of a site of these outputs, SHA256SUMS
// included, for the site check.
func sitePaths(outputs []Output) []string {
	paths := make([]string, 0, len(outputs)+1)
	for _, o := range outputs {
		paths = append(paths, o.Path)
	}
	return append(paths, sealedPaths()...)
}
