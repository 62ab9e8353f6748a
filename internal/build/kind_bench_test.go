package build

import (
	"bytes"
	"maps"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkRenderKinds executes the layouts for the pages of each kind
// (both editions), reporting the time per page: where the layouts' cost
// lies. KINDS_N sets the corpus size (default 1,000 measures); the table
// and the category and unit pages grow with it.
func BenchmarkRenderKinds(b *testing.B) {
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("KINDS_N")); err == nil {
		n = v
	}
	outs := benchOutputs(b, n)
	// Once untimed: an edition's texts are converted when its first page
	// is generated.
	generated(b, outs, false)
	kinds := map[string][]Output{} // by first path segment: measures, categories, index.html …
	for _, o := range outs {
		if path.Ext(o.Path) != ".html" {
			continue
		}
		kind, _, _ := strings.Cut(strings.TrimPrefix(o.Path, "zh-hans/"), "/")
		kinds[kind] = append(kinds[kind], o)
	}
	var buf bytes.Buffer
	for _, kind := range slices.Sorted(maps.Keys(kinds)) {
		pages := kinds[kind]
		b.Run(kind, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, o := range pages {
					buf.Reset()
					if err := o.Content(&buf); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
		})
	}
}
