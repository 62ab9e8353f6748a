package check_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/build"
	"github.com/gzgov/nansha-microsite/internal/check"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// builtSite is a site built from a corpus of n measures, in memory: every
// file's path, and the content of those the check reads.
type builtSite struct {
	paths []string
	names []string // the files the check reads, in walk order
	data  [][]byte
	pages int
}

func buildSite(b *testing.B, n int) builtSite {
	b.Helper()
	out := filepath.Join(srctest.ScratchDir(b), "site")
	if _, err := build.Run(build.Options{Source: srctest.Corpus(b, n), Out: out}); err != nil {
		b.Fatal(err)
	}
	var s builtSite
	err := fs.WalkDir(os.DirFS(out), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		s.paths = append(s.paths, name)
		if !check.Reads(name) {
			return nil
		}
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		s.names, s.data = append(s.names, name), append(s.data, data)
		if filepath.Ext(name) == ".html" {
			s.pages++
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkCollector checks a built site of 1,000 measures (both editions)
// the way the build does, from the bytes of each file, on one goroutine:
// ns/page, B/page and allocs/page are the check's cost per written page.
func BenchmarkCollector(b *testing.B) {
	s := buildSite(b, 1000)
	b.Run("Site", func(b *testing.B) {
		perPage(b, s.pages, func() {
			c := check.NewCollector(s.paths)
			for i, name := range s.names {
				if err := c.Add(name, s.data[i]); err != nil {
					b.Fatal(err)
				}
			}
			if r := c.Site(); len(r.Problems) > 0 {
				b.Fatal(r.Problems[0])
			}
		})
	})
	b.Run("ParsePage", func(b *testing.B) {
		perPage(b, s.pages, func() {
			for i, name := range s.names {
				if filepath.Ext(name) != ".html" {
					continue
				}
				if _, err := check.ParsePage(name, s.data[i]); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}

// perPage reports the cost per page of a benchmark whose every operation
// reads pages pages, from the figures testing also reports per operation.
func perPage(b *testing.B, pages int, run func()) {
	b.Helper()
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		run()
	}
	runtime.ReadMemStats(&after)
	n := float64(b.N) * float64(pages)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/page")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/n, "B/page")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/n, "allocs/page")
}
