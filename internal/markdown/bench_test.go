package markdown_test

import (
	"os"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/markdown"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// BenchmarkConvert converts the texts of a corpus of 1,000 measures and the
// notice, one after the other.
func BenchmarkConvert(b *testing.B) {
	s, err := content.Load(os.DirFS(srctest.Corpus(b, 1000)))
	if err != nil {
		b.Fatal(err)
	}
	sources := [][]byte{s.Notice.Body.Text}
	for _, m := range s.Measures {
		sources = append(sources, m.Body.Text)
	}
	c := markdown.New()
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range sources {
			if _, err := c.Convert(src, nil, nil, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}
