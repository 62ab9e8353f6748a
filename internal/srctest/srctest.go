// Package srctest gives tests a copy of the repository's sources to edit, so
// that no test ever touches the real content/, layouts/ or assets/.
package srctest

import (
	"testing"

	"github.com/gzgov/nansha-microsite/internal/corpus"
)

// Parts are the pieces of a source tree, as the build reads it.
var Parts = []string{"site.toml", "content", "layouts", "assets"}

// Copy copies the given parts (default: all of Parts) of the source tree at
// root into a new temporary folder, removed when the test ends, and returns
// the folder.
func Copy(t testing.TB, root string, parts ...string) string {
	t.Helper()
	if len(parts) == 0 {
		parts = Parts
	}
	dst := t.TempDir()
	if err := corpus.CopyParts(dst, root, parts...); err != nil {
		t.Fatal(err)
	}
	return dst
}
