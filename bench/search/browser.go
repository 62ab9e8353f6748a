//go:build unix

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/benchkit"
	"github.com/gzgov/nansha-microsite/internal/chromium"
)

// A system is a search page to measure.
type system struct {
	name string
	page string // from the site root
	// files matches the paths (from the site root) of the files its
	// search fetches: what counts as its bytes.
	files *regexp.Regexp
}

var systems = []system{
	{name: "ours", page: "search.html", files: regexp.MustCompile(`^/(search-index\.js|search/|assets/search)`)},
	{name: "Pagefind", page: "pagefind.html", files: regexp.MustCompile(`^/pagefind/`)},
}

// browser is one Chromium, started as internal/browsertest starts it, with
// internal/chromium's flags.
type browser struct {
	ctx    context.Context
	cancel func()
}

func startBrowser(dir string) (*browser, error) {
	path := chromium.Path()
	if path == "" {
		return nil, errors.New("no Chromium found: apt-get install chromium")
	}
	opts := chromium.Options(path, dir+"/chromium")
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		return nil, err
	}
	return &browser{ctx: ctx, cancel: func() { cancel(); cancelAlloc() }}, nil
}

func (b *browser) close() { b.cancel() }

// observer runs in every page before its scripts: it records when the
// search status first says something (a count, or that nothing was found),
// which both pages write in the same task as their first results; and the
// page's uncaught errors.
const observer = `window.__errors = [];
addEventListener("error", e => __errors.push(e.message));
addEventListener("unhandledrejection", e => __errors.push(String(e.reason)));
new MutationObserver((_, obs) => {
	const s = document.getElementById("search-status");
	if (s && s.textContent.trim()) {
		window.__firstResults = performance.now();
		obs.disconnect();
	}
}).observe(document, {subtree: true, childList: true, characterData: true});`

// tab opens a tab with the cache off and the observer installed.
func (b *browser) tab() (context.Context, func(), error) {
	ctx, cancel := chromedp.NewContext(b.ctx)
	if err := setUpTab(ctx); err != nil {
		cancel()
		return nil, nil, err
	}
	return ctx, cancel, nil
}

// setUpTab opens the tab of ctx, turns its cache off and its performance
// metrics on, and installs the observer.
func setUpTab(ctx context.Context) error {
	if err := chromedp.Do(ctx); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{}); err != nil {
		return err
	}
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: observer})
	return err
}

// queryResult is one first query's figures.
type queryResult struct {
	query      string
	raw, gzip  float64 // bytes the search fetched (medians)
	requests   int
	http, file float64 // ms from navigation to the first results (medians); file < 0: failed
}

// result is one system's figures at one N.
type result struct {
	queries     []queryResult
	fileFailure string    // why the page fails from file://, if it does
	typed       []float64 // ms per typed query, every round
	heap        float64   // MiB, the most JSHeapUsedSize sampled
}

// measure measures sys on the site served at httpRoot and found at fileRoot.
func (b *browser) measure(sys system, srv *server, fileRoot string, loads int) (result, error) {
	httpRoot := srv.URL + "/"
	var r result
	ctx, cancel, err := b.tab()
	if err != nil {
		return r, err
	}
	defer cancel()
	fileWorks := true
	for _, q := range firstQueries {
		qr := queryResult{query: q}
		var raw, gz, httpMs, fileMs []float64
		for range loads {
			srv.take(sys.files)
			l, err := load(ctx, pageURL(httpRoot, sys.page, q), 60*time.Second)
			if err != nil {
				return r, fmt.Errorf("%s over http: %w", q, err)
			}
			bytes, wire, requests := srv.take(sys.files)
			l.raw, l.gzip, l.requests = float64(bytes), float64(wire), requests
			raw, gz, httpMs = append(raw, l.raw), append(gz, l.gzip), append(httpMs, l.ms)
			qr.requests = l.requests
		}
		for i := 0; i < loads && fileWorks; i++ {
			l, err := load(ctx, pageURL(fileRoot, sys.page, q), 10*time.Second)
			if err != nil {
				fileWorks = false
				r.fileFailure = err.Error()
				break
			}
			fileMs = append(fileMs, l.ms)
		}
		qr.raw, qr.gzip, qr.http = benchkit.Median(raw), benchkit.Median(gz), benchkit.Median(httpMs)
		qr.file = -1
		if fileWorks {
			qr.file = benchkit.Median(fileMs)
		}
		r.queries = append(r.queries, qr)
	}

	// A fresh tab for the typed queries and the heap: load the page with
	// the first query, then type the others.
	cancel()
	ctx, cancel, err = b.tab()
	if err != nil {
		return r, err
	}
	defer cancel()
	heap := sampleHeap(ctx)
	defer heap() // stops the sampler when the load or the typing fails
	if _, err := load(ctx, pageURL(httpRoot, sys.page, firstQueries[0]), 60*time.Second); err != nil {
		return r, err
	}
	queries, _ := json.Marshal(typedQueries)
	r.typed, err = eval[[]float64](ctx, `(async () => {
		const input = document.getElementById("search-q"), times = [];
		const settled = () => window.micrositeSearch && micrositeSearch.settled ? micrositeSearch.settled() : null;
		for (let round = 0; round < 3; round++) for (const q of `+string(queries)+`) {
			input.value = "";
			input.dispatchEvent(new Event("input"));
			await settled();
			const t0 = performance.now();
			input.value = q;
			input.dispatchEvent(new Event("input"));
			await settled();
			document.body.offsetHeight;
			times.push(performance.now() - t0);
		}
		return times;
	})()`, 5*time.Minute)
	if err != nil {
		return r, err
	}
	r.heap = heap() / (1 << 20)
	return r, nil
}

func pageURL(root, page, q string) string {
	return root + page + "?" + url.Values{"q": {q}}.Encode()
}

// loaded is what one page load cost.
type loaded struct {
	ms        float64 // from navigation start to the first results
	raw, gzip float64 // bytes of the search's files: as stored, and as sent
	requests  int
}

// load opens u and waits for its first results.
func load(ctx context.Context, u string, timeout time.Duration) (loaded, error) {
	var l loaded
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		return l, err
	}
	ms, err := eval[float64](ctx, `new Promise((done, fail) => {
		const start = performance.now();
		const poll = () => {
			if (window.__firstResults !== undefined) return done(window.__firstResults);
			if (performance.now() - start > `+fmt.Sprint(timeout.Milliseconds())+`) return fail(new Error("no results within `+timeout.String()+`; errors: " + __errors.join("; ")));
			setTimeout(poll, 5);
		};
		poll();
	})`, timeout+10*time.Second)
	l.ms = ms
	return l, err
}

func eval[T any](ctx context.Context, expr string, timeout time.Duration) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		// The first line of an exception is enough.
		msg, _, _ := strings.Cut(err.Error(), "\n")
		return v, errors.New(msg)
	}
	return v, nil
}

// sampleHeap samples the tab's JS heap every 10 ms until the returned
// function is first called; it returns the most it saw, in bytes, and may
// be called again (deferred, to stop the sampler on every return).
func sampleHeap(ctx context.Context) func() float64 {
	var mu sync.Mutex
	var most float64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			select {
			case <-done:
				return
			case <-time.After(10 * time.Millisecond):
			}
			m, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{})
			if err != nil {
				continue
			}
			i := slices.IndexFunc(m.Metrics, func(m *performance.Metric) bool { return m.Name == "JSHeapUsedSize" })
			if i >= 0 {
				mu.Lock()
				most = max(most, m.Metrics[i].Value)
				mu.Unlock()
			}
		}
	}()
	var stop sync.Once
	return func() float64 {
		stop.Do(func() { close(done) })
		<-stopped
		mu.Lock()
		defer mu.Unlock()
		return most
	}
}
