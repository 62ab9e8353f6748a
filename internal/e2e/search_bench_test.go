package e2e

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
	"github.com/gzgov/nansha-microsite/internal/build"
	"github.com/gzgov/nansha-microsite/internal/corpus"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// BenchEnv names the environment variable that runs TestSearchBenchmark: a
// comma-separated list of synthetic corpus sizes, and "site" for the real
// site, e.g. "site,31,10000".
const BenchEnv = "MICROSITE_BENCH_SEARCH"

// benchQueries is the fixed query set: Traditional, Simplified, fullwidth,
// two terms, numbers, common words that match most of a large corpus, and
// a miss.
var benchQueries = []string{
	"海关", "報關單", "报关单 系统", "黃埔海關", "船舶", "边检 船舶", "电子营业执照", "o2o", "Ｏ２Ｏ", "3.0",
	"17", "仲裁", "金融 风险", "互联网+", "企业", "登记", "无纸化", "绿色", "申报", "量子计算机",
}

// TestSearchBenchmark prints the search figures for synthetic corpora of
// the sizes in $MICROSITE_BENCH_SEARCH (and the real site for "site"): index sizes (raw and gzip), the
// time until the index is ready in Chromium, and the median query latency
// over benchQueries. It asserts nothing about speed (the machine is shared);
// it is a measurement, run by hand:
//
//	MICROSITE_BENCH_SEARCH=site,31,10000 MICROSITE_REQUIRE_BROWSER=1 \
//	  go test ./internal/e2e/ -run TestSearchBenchmark -count=1 -v -timeout 30m
func TestSearchBenchmark(t *testing.T) {
	sizes := os.Getenv(BenchEnv)
	if sizes == "" {
		t.Skip("set " + BenchEnv + "=31,10000 to measure search")
	}
	for _, s := range strings.Split(sizes, ",") {
		s = strings.TrimSpace(s)
		if s == "site" {
			t.Run(s, func(t *testing.T) { benchSearch(t, s, siteDir) })
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("%s: %q is neither a corpus size nor site", BenchEnv, s)
		}
		t.Run(s, func(t *testing.T) { benchSearch(t, "N="+s, buildCorpus(t, n)) })
	}
}

// buildCorpus builds a synthetic site of n measures and returns its folder.
func buildCorpus(t *testing.T, n int) string {
	tmp := t.TempDir()
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		// Memory-backed: creating thousands of files on this machine's disk
		// is slow and noisy.
		if tmp, err = os.MkdirTemp("/dev/shm", "microsite-search-bench-*"); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(tmp) })
	}
	src, out := filepath.Join(tmp, "src"), filepath.Join(tmp, "public")
	if err := corpus.Write(src, "../..", n); err != nil {
		t.Fatal(err)
	}
	sum, err := build.Run(build.Options{Source: src, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("N=%d: %v", n, sum)
	return out
}

// benchSearch measures the built site in out; name labels the figures.
func benchSearch(t *testing.T, name, out string) {
	script, _ := filepath.Glob(filepath.Join(out, "assets", "search.*.js"))
	if len(script) != 1 {
		t.Fatalf("assets/search.*.js: %d files", len(script))
	}
	var payload int
	for _, f := range []string{filepath.Join(out, site.SearchJSONPath), filepath.Join(out, site.SearchScriptPath), script[0], filepath.Join(out, site.SearchPath)} {
		raw, gz := fileSizes(t, f)
		t.Logf("%s: %-22s %9d bytes raw %9d bytes gzip", name, filepath.Base(f), raw, gz)
		if f != filepath.Join(out, site.SearchJSONPath) && f != filepath.Join(out, site.SearchPath) {
			payload += gz
		}
	}
	t.Logf("%s: search payload (search-index.js + search.js): %d bytes gzip", name, payload)

	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	for _, root := range []string{"file://" + filepath.ToSlash(out) + "/", srv.URL + "/"} {
		scheme, _, _ := strings.Cut(root, ":")
		tab := browsertest.New(t)
		if _, err := chromedp.Call(tab.Ctx, network.Enable, network.EnableParams{}); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(tab.Ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
			t.Fatal(err)
		}
		page, _ := url.JoinPath(root, site.SearchPath)
		var ready, prepared, arrived []float64
		for range 5 {
			tab.Do(t, chromedp.Navigate(page))
			// search.js marks the start and the end of its preparation of
			// the index; marks count from the start of navigation.
			timing := browsertest.Eval[[]float64](t, tab, `new Promise(done => {
				const poll = () => {
					const ready = performance.getEntriesByName("search-index-ready")[0];
					if (!ready) return setTimeout(poll, 10);
					const start = performance.getEntriesByName("search-index-start")[0];
					const file = performance.getEntriesByName(new URL("search-index.js", location.href).href)[0];
					done([ready.startTime, ready.startTime - start.startTime, file ? file.responseEnd : -1]);
				};
				poll();
			})`)
			ready = append(ready, timing[0])
			prepared = append(prepared, timing[1])
			arrived = append(arrived, timing[2])
		}
		fetched := "not reported on file://"
		if m := median(arrived); m >= 0 {
			fetched = fmt.Sprintf("%.1f ms", m)
		}
		t.Logf("%s %s: index ready %.1f ms after navigation start; of which normalising it %.1f ms; search-index.js received at %s (medians of 5 loads, cache off)",
			name, scheme, median(ready), median(prepared), fetched)

		queries := "[" + strings.Join(mapStrings(benchQueries, jsString), ",") + "]"
		// Each query is typed as one input event: search, render the first
		// results, and lay the page out. Three rounds; the median of all.
		lat := browsertest.Eval[[]float64](t, tab, `(() => {
			const input = document.getElementById("search-q"), times = [];
			for (let round = 0; round < 3; round++) for (const q of `+queries+`) {
				input.value = "";
				input.dispatchEvent(new Event("input"));
				const t0 = performance.now();
				input.value = q;
				input.dispatchEvent(new Event("input"));
				document.body.offsetHeight;
				times.push(performance.now() - t0);
			}
			return times;
		})()`)
		// Matching alone is too fast for the browser's coarse clock: time
		// 20 runs of each query.
		find := browsertest.Eval[[]float64](t, tab, `(`+queries+`).map(q => {
			const t0 = performance.now();
			for (let i = 0; i < 20; i++) micrositeSearch.search(q);
			return (performance.now() - t0) / 20;
		})`)
		counts := browsertest.Eval[[]int](t, tab, `(`+queries+`).map(q => micrositeSearch.search(q).length)`)
		t.Logf("%s %s: query latency (search, render, layout) median %.2f ms, max %.2f ms; matching alone median %.2f ms; results per query %v",
			name, scheme, median(lat), slices.Max(lat), median(find), counts)
		for _, e := range tab.ConsoleErrors() {
			t.Errorf("console: %s", e)
		}
	}
}

func fileSizes(t *testing.T, name string) (raw, gz int) {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	w := gzip.NewWriter(&b) // the default level, as web servers use
	w.Write(data)
	w.Close()
	return len(data), b.Len()
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func mapStrings(xs []string, f func(string) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}
