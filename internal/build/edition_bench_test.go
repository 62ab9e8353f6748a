package build

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// BenchmarkEditions builds the real site with the source edition only and
// with both editions, for the cost of the Simplified edition (issue: at most
// twice the single-edition build). Dictionaries load once per process, as in
// a real build: the first iteration pays for them.
func BenchmarkEditions(b *testing.B) {
	src := sourceTree(b, nil)
	both, err := os.ReadFile(filepath.Join(src, "site.toml"))
	if err != nil {
		b.Fatal(err)
	}
	i := bytes.Index(both, []byte("\n[[editions]]\nlanguage = \"zh-Hans\""))
	if i < 0 {
		b.Fatal("site.toml has no zh-Hans edition")
	}
	end := i + 1 + bytes.Index(both[i+1:], []byte("\n\n"))
	single := append(append([]byte{}, both[:i]...), both[end:]...)
	for _, bc := range []struct {
		name string
		toml []byte
	}{{"single", single}, {"both", both}} {
		b.Run(bc.name, func(b *testing.B) {
			os.WriteFile(filepath.Join(src, "site.toml"), bc.toml, 0o644)
			out := filepath.Join(srctest.ScratchDir(b), "public")
			for b.Loop() {
				if _, err := Run(Options{Source: src, Out: out}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
