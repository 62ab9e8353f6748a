package zhconv

import (
	"os"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/content"
)

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		loadMu.Lock()
		clear(converter)
		loadMu.Unlock()
		if _, err := Load("t2s"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSiteText converts every measure's text once, as the zh-Hans
// edition does.
func BenchmarkSiteText(b *testing.B) {
	s, err := content.Load(os.DirFS("../.."))
	if err != nil {
		b.Fatal(err)
	}
	c, _ := Load("t2s")
	for b.Loop() {
		for _, m := range s.Measures {
			c.String(string(m.Body.Text))
		}
	}
}
