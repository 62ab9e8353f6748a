package search_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/search"
	"github.com/gzgov/nansha-microsite/internal/site"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// BenchmarkIndex builds and encodes the search index of a corpus of 1,000
// measures, as the build does for each edition (the folding table is read
// once per process, before the timer). The Markdown stands for the plain
// text the build passes, which is as long.
func BenchmarkIndex(b *testing.B) {
	s, err := content.Load(os.DirFS(srctest.Corpus(b, 1000)))
	if err != nil {
		b.Fatal(err)
	}
	text := func(m *site.Measure) string { return string(m.Body.Text) }
	if _, err := search.Dictionary(); err != nil {
		b.Fatal(err)
	}
	var size int
	b.ReportAllocs()
	for b.Loop() {
		idx, err := search.Build(s, text)
		if err != nil {
			b.Fatal(err)
		}
		var data bytes.Buffer
		if err := idx.WriteJSON(&data); err != nil {
			b.Fatal(err)
		}
		size = data.Len()
	}
	b.ReportMetric(float64(size), "bytes")
}
