package content_test

import (
	"os"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/corpus"
)

// BenchmarkLoad reads and validates a corpus of 1,000 measures from disk
// (/dev/shm where there is one).
func BenchmarkLoad(b *testing.B) {
	fsys := os.DirFS(corpus.Temp(b, 1000))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := content.Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
}
