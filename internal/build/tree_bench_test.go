package build

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// BenchmarkTreeUpdate measures a Tree's rebuild after one measure's text
// changed, without the server around it, and, for comparison, a full build
// of the same sources.
//
//	go test -run '^$' -bench 'TreeUpdate|FullBuild' -benchtime 10x ./internal/build/
func BenchmarkTreeUpdate(b *testing.B) {
	for _, n := range []int{31, 10000} {
		b.Run(fmt.Sprintf("measures=%d", n), func(b *testing.B) {
			src := benchCorpus(b, n)
			tree, err := NewTree(Options{Source: src, Out: filepath.Join(srctest.ScratchDir(b), "site")})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := tree.Update(nil); err != nil {
				b.Fatal(err)
			}
			name := fmt.Sprintf("content/measures/%0*d.md", max(2, len(fmt.Sprint(n))), 3)
			file := filepath.Join(src, name)
			original, _ := os.ReadFile(file)
			i := 0
			for b.Loop() {
				i++
				os.WriteFile(file, fmt.Appendf(original, "\n第%d次修改。\n", i), 0o644)
				if _, err := tree.Update([]string{name}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFullBuild(b *testing.B) {
	for _, n := range []int{31, 10000} {
		b.Run(fmt.Sprintf("measures=%d", n), func(b *testing.B) {
			src := benchCorpus(b, n)
			out := srctest.ScratchDir(b)
			i := 0
			for b.Loop() {
				i++
				if _, err := Run(Options{Source: src, Out: filepath.Join(out, fmt.Sprint(i))}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchCorpus returns sources of n measures: the repository's own for 31,
// else a synthetic corpus in a scratch folder.
func benchCorpus(b *testing.B, n int) string {
	b.Helper()
	if n == 31 {
		return sourceTree(b, nil)
	}
	return srctest.Corpus(b, n)
}
