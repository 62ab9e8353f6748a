package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"github.com/gzgov/nansha-microsite/internal/parallel"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// SumsPath is the checksum file: one line per other file of the site, in
// the format of sha256sum, so that a recipient of a copy can verify it with
// "sha256sum -c SHA256SUMS".
const SumsPath = "SHA256SUMS"

// writeChecksums reads back every file under dir — the final bytes, whatever
// wrote them — and writes SumsPath, sorted by path. It returns the file's
// size.
func writeChecksums(dir string) (int64, error) {
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if strings.ContainsAny(name, "\\\n\r") {
			// sha256sum escapes such names; no file of the site needs one.
			return fmt.Errorf("%s: a backslash or line break in a file name", name)
		}
		names = append(names, name)
		return nil
	})
	if err != nil {
		return 0, err
	}
	slices.Sort(names)
	lines := make([]string, len(names))
	errs := make([]error, len(names))
	parallel.For(len(names), func(i int) {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(names[i])))
		if err != nil {
			errs[i] = err
			return
		}
		sum := sha256.Sum256(data)
		lines[i] = hex.EncodeToString(sum[:]) + "  " + names[i] + "\n"
	})
	for _, err := range errs {
		if err != nil {
			return 0, err
		}
	}
	data := []byte(strings.Join(lines, ""))
	return int64(len(data)), os.WriteFile(filepath.Join(dir, SumsPath), data, 0o644)
}
