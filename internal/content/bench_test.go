package content_test

import (
	"io/fs"
	"os"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// BenchmarkLoad reads and validates a corpus of 1,000 measures from disk
// (/dev/shm where there is one), through a content.Dir as the build reads
// it, and through os.DirFS, which lets links lead anywhere: the difference
// is what refusing them costs.
func BenchmarkLoad(b *testing.B) {
	dir := srctest.Corpus(b, 1000)
	src, err := content.OpenDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	for name, fsys := range map[string]fs.FS{"Dir": src, "DirFS": os.DirFS(dir)} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := content.Load(fsys); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
