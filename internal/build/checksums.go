package build

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// checksums returns the content of site.SumsPath for the files w wrote,
// from the checksums write computed over their final bytes, sorted by path:
// one line per file in the format of sha256sum, so that a recipient of a
// copy can verify it with "sha256sum -c SHA256SUMS".
func checksums(w *written) ([]byte, error) {
	lines := make([]string, len(w.outputs))
	for i, o := range w.outputs {
		if strings.ContainsAny(o.Path, "\\\n\r") {
			// sha256sum escapes such names; no file of the site needs one.
			return nil, l10n.Errorf("%s: a backslash or line break in a file name", o.Path)
		}
		lines[i] = hex.EncodeToString(w.sums[i][:]) + "  " + o.Path + "\n"
	}
	slices.SortFunc(lines, func(a, b string) int { return strings.Compare(a[2*sha256.Size+2:], b[2*sha256.Size+2:]) })
	return []byte(strings.Join(lines, "")), nil
}

// writeChecksums writes site.SumsPath into dir and returns its size.
func writeChecksums(dir string, w *written) (int64, error) {
	data, err := checksums(w)
	if err != nil {
		return 0, err
	}
	return int64(len(data)), os.WriteFile(filepath.Join(dir, site.SumsPath), data, 0o644)
}
