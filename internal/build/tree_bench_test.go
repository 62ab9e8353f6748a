package build

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/corpus"
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
			tree, err := NewTree(Options{Source: src, Out: filepath.Join(benchDir(b), "site")})
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
			out := benchDir(b)
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

// benchCorpus writes a source tree of n measures (the real one for 31).
func benchCorpus(b *testing.B, n int) string {
	b.Helper()
	dir := benchDir(b)
	if n == 31 {
		for _, sub := range []string{"site.toml", "content", "layouts", "assets"} {
			if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join("../..", sub))); err != nil && sub != "site.toml" {
				b.Fatal(err)
			}
		}
		data, _ := os.ReadFile("../../site.toml")
		os.WriteFile(filepath.Join(dir, "site.toml"), data, 0o644)
		return dir
	}
	if err := corpus.Write(dir, "../..", n); err != nil {
		b.Fatal(err)
	}
	return dir
}

// benchDir is a temporary folder in memory (/dev/shm) where there is one:
// writing thousands of files to disk is slow and noisy on this machine.
func benchDir(b *testing.B) string {
	b.Helper()
	parent := ""
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		parent = "/dev/shm"
	}
	dir, err := os.MkdirTemp(parent, "microsite-bench-*")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}
