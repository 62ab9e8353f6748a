package content_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// TestParallelLoadReportsAlike breaks several measure files of a corpus and
// loads it on one goroutine and on many: the errors must be the same,
// whatever order the files were decoded in.
func TestParallelLoadReportsAlike(t *testing.T) {
	dir := srctest.Corpus(t, 200)
	breaks := map[string][2]string{ // file: old, new
		"020.md": {"scope = ", "scope = = "},
		"099.md": {"category = ", "category = \"nowhere\"\nunused = "},
		"150.md": {"number = 150", "number = 7"},
	}
	for name, edit := range breaks {
		p := filepath.Join(dir, "content", "measures", name)
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(src), edit[0], edit[1], 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	load := func(procs int) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		_, err := content.Load(os.DirFS(dir))
		var list diag.List
		if !errors.As(err, &list) {
			t.Fatalf("Load: got %v, want a diag.List", err)
		}
		return list.Error()
	}
	serial, concurrent := load(1), load(8)
	if serial != concurrent {
		t.Fatalf("errors differ:\non one goroutine:\n%s\non many:\n%s", serial, concurrent)
	}
	for name := range breaks {
		if !strings.Contains(serial, "content/measures/"+name+":") {
			t.Errorf("no error reported in %s:\n%s", name, serial)
		}
	}
}
