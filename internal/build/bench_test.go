package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/minify"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// The stages of a build, each alone and on one goroutine, over a corpus of
// 1,000 measures (load and markdown have theirs in their packages); then the
// whole build, on every CPU, as `microsite build` runs it. bench/ compares
// whole builds with Hugo's.

// benchOutputs returns the outputs of a corpus of n measures.
func benchOutputs(b *testing.B, n int) []Output {
	b.Helper()
	outs, err := Outputs(os.DirFS(srctest.Corpus(b, n)))
	if err != nil {
		b.Fatal(err)
	}
	return outs
}

// generated runs every output's Generate, minifying when minified is true.
func generated(b *testing.B, outs []Output, minified bool) [][]byte {
	b.Helper()
	m := minify.New()
	files := make([][]byte, len(outs))
	for i, o := range outs {
		var raw, min bytes.Buffer
		if err := o.Content(&raw); err != nil {
			b.Fatal(err)
		}
		files[i] = raw.Bytes()
		if mt := minify.MediaType(o.Path); minified && mt != "" && !o.Minified {
			if err := m.Minify(mt, &min, raw.Bytes()); err != nil {
				b.Fatal(err)
			}
			files[i] = min.Bytes()
		}
	}
	return files
}

// BenchmarkRender executes the layouts for every page.
func BenchmarkRender(b *testing.B) {
	outs := benchOutputs(b, 1000)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		for _, o := range outs {
			buf.Reset()
			if err := o.Content(&buf); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkMinify minifies what the build minifies after generating it:
// every output not final as generated. The pages are not among them (they
// are rendered from minified layouts and texts), so this is the sitemap and
// the crawler files; convertAll minifies the texts, in BenchmarkBuild.
func BenchmarkMinify(b *testing.B) {
	outs := benchOutputs(b, 1000)
	raw := generated(b, outs, false)
	m := minify.New()
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		for i, o := range outs {
			if mt := minify.MediaType(o.Path); mt != "" && !o.Minified {
				buf.Reset()
				if err := m.Minify(mt, &buf, raw[i]); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}

// BenchmarkWrite writes every finished file into a new folder.
func BenchmarkWrite(b *testing.B) {
	outs := benchOutputs(b, 1000)
	files := generated(b, outs, true)
	scratch := srctest.ScratchDir(b)
	b.ReportAllocs()
	dir := filepath.Join(scratch, "site")
	for b.Loop() {
		b.StopTimer()
		if err := os.RemoveAll(dir); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := makeDirs(dir, outs); err != nil {
			b.Fatal(err)
		}
		for j, o := range outs {
			if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(o.Path)), files[j], 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkBuild is the whole build, from the sources on disk to the site on
// disk.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{31, 1000} {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			src := srctest.Corpus(b, n)
			out := srctest.ScratchDir(b)
			b.ReportAllocs()
			site := filepath.Join(out, "site")
			for b.Loop() {
				// Into a new folder each time, as the first build of a
				// checkout; removing the previous one is not timed.
				b.StopTimer()
				if err := os.RemoveAll(site); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := Run(Options{Source: src, Out: site}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRebuild is the whole build over the site the previous build
// left, as day-to-day use runs it: the survey of the previous site (see
// checkReplaceable), the swap and the removal of the previous site are
// timed too.
func BenchmarkRebuild(b *testing.B) {
	for _, n := range []int{31, 1000} {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			src := srctest.Corpus(b, n)
			site := filepath.Join(srctest.ScratchDir(b), "site")
			if _, err := Run(Options{Source: src, Out: site}); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Run(Options{Source: src, Out: site}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
