package serve

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// BenchmarkSaveToReload measures what an editor waits for: the time from
// saving a measure's file to the reload event that makes its open page
// reload (debounce included), with the real site (31 measures) and with a
// synthetic one of 10,000. It reports the median and the slowest save
// (ms-median, ms-max), and the median time until the whole rebuild is done
// (ms-done-median: the table of every measure comes last).
//
//	go test -run '^$' -bench SaveToReload -benchtime 20x ./internal/serve/
func BenchmarkSaveToReload(b *testing.B) {
	for _, n := range []int{31, 10000} {
		b.Run(fmt.Sprintf("measures=%d", n), func(b *testing.B) {
			src, file := benchSources(b, n)
			s := start(b, Options{Source: src})
			events := listen(b, s)
			original := read(b, file)
			var reload, done []time.Duration
			i := 0
			for b.Loop() {
				i++
				write(b, file, fmt.Sprintf("%s\n第%d次修改。\n", original, i))
				saved := time.Now()
				ev := next(b, events)
				reload = append(reload, time.Since(saved))
				if !slices.Contains(ev.Paths, "measures/03.html") {
					b.Fatalf("event %+v, want a reload naming measures/03.html", ev)
				}
				for ev.Partial {
					ev = next(b, events)
				}
				done = append(done, time.Since(saved))
			}
			ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
			slices.Sort(reload)
			slices.Sort(done)
			b.ReportMetric(ms(reload[len(reload)/2]), "ms-median")
			b.ReportMetric(ms(reload[len(reload)-1]), "ms-max")
			b.ReportMetric(ms(done[len(done)/2]), "ms-done-median")
		})
	}
}

// benchSources returns a source tree of n measures and the file of measure
// 3: the repository's own for 31, else a synthetic corpus, in memory
// (/dev/shm) where there is one, since writing thousands of files to disk
// is slow and noisy here.
func benchSources(b *testing.B, n int) (dir, file string) {
	b.Helper()
	if n == 31 {
		dir = srctest.Copy(b, "../..")
		return dir, filepath.Join(dir, "content/measures/03.md")
	}
	dir = srctest.Corpus(b, n)
	name := fmt.Sprintf("%0*d.md", len(fmt.Sprint(n)), 3)
	return dir, filepath.Join(dir, "content/measures", name)
}
