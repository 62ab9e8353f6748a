package build

import (
	"bytes"
	"os"
	"path"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkRenderKinds renders the pages of each kind.
func BenchmarkRenderKinds(b *testing.B) {
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("KINDS_N")); err == nil {
		n = v
	}
	outs := benchOutputs(b, n)
	groups := map[string][]Output{}
	for _, o := range outs {
		if path.Ext(o.Path) != ".html" {
			continue
		}
		k := strings.TrimPrefix(o.Path, "zh-hans/")
		k, _, _ = strings.Cut(k, "/")
		groups[k] = append(groups[k], o)
	}
	for k, os := range groups {
		b.Run(k, func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				for _, o := range os {
					buf.Reset()
					if err := o.Generate(&buf); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(os)), "ns/page")
		})
	}
}
