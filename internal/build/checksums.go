package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// SumsPath is the checksum file: one line per other file of the site, in
// the format of sha256sum, so that a recipient of a copy can verify it with
// "sha256sum -c SHA256SUMS".
const SumsPath = "SHA256SUMS"

// checksums returns the content of SumsPath for the files w wrote, from the
// checksums write computed over their final bytes, sorted by path.
func checksums(w *written) ([]byte, error) {
	lines := make([]string, len(w.outputs))
	for i, o := range w.outputs {
		if strings.ContainsAny(o.Path, "\\\n\r") {
			// sha256sum escapes such names; no file of the site needs one.
			return nil, fmt.Errorf("%s: a backslash or line break in a file name", o.Path)
		}
		lines[i] = hex.EncodeToString(w.sums[i][:]) + "  " + o.Path + "\n"
	}
	slices.SortFunc(lines, func(a, b string) int { return strings.Compare(a[2*sha256.Size+2:], b[2*sha256.Size+2:]) })
	return []byte(strings.Join(lines, "")), nil
}

// writeChecksums writes SumsPath into dir and returns its size.
func writeChecksums(dir string, w *written) (int64, error) {
	data, err := checksums(w)
	if err != nil {
		return 0, err
	}
	return int64(len(data)), os.WriteFile(filepath.Join(dir, SumsPath), data, 0o644)
}
