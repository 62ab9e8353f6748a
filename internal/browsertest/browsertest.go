// Package browsertest starts Debian's Chromium for tests, once per test
// binary, and gives each test a fresh tab.
//
// Tests call New(t). Where no Chromium is installed the test is skipped —
// unless MICROSITE_REQUIRE_BROWSER is set (CI sets it), in which case it fails:
// browser tests must never silently not run in CI. A package that uses it
// runs its tests through Main (from its TestMain), which stops the browser
// and removes its profile folder when they end; New fails a test of a
// package that does not.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/chromium"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// RequireEnv names the environment variable that makes a missing browser a
// test failure instead of a skip.
const RequireEnv = "MICROSITE_REQUIRE_BROWSER"

var (
	once       sync.Once
	allocCtx   context.Context
	stopAlloc  context.CancelFunc
	browserCtx context.Context
	startErr   error
	profile    string      // the browser's profile folder, removed by Main
	inMain     atomic.Bool // the tests run through Main
)

// Main runs the tests of a package that uses the browser, then stops the
// browser and removes its profile folder (several megabytes in the
// system's temporary folder), and returns the exit code for os.Exit:
//
//	func TestMain(m *testing.M) { os.Exit(browsertest.Main(m)) }
func Main(m *testing.M) int {
	inMain.Store(true)
	code := m.Run()
	if stopAlloc != nil {
		stopAlloc() // waits for Chromium to exit
	}
	if profile != "" {
		// Chromium keeps its singleton socket in a folder of its own
		// beside the profile, linked from it: that goes too.
		if sock, err := os.Readlink(filepath.Join(profile, "SingletonSocket")); err == nil {
			if dir := filepath.Dir(sock); strings.HasPrefix(filepath.Base(dir), "org.chromium.Chromium.") {
				os.RemoveAll(dir)
			}
		}
		if err := os.RemoveAll(profile); err != nil {
			fmt.Fprintf(os.Stderr, "browsertest: removing the browser's profile: %v\n", err)
			return max(code, 1)
		}
	}
	return code
}

// Path returns the Chromium binary, or "" when there is none (see
// internal/chromium).
func Path() string { return chromium.Path() }

// need returns the Chromium binary, or skips the test (fails it under
// RequireEnv) when there is none.
func need(t testing.TB) string {
	t.Helper()
	p := Path()
	if p == "" {
		srctest.SkipOrFail(t, RequireEnv, "no Chromium found (apt-get install --no-install-recommends chromium)")
	}
	return p
}

// Tab is one browser tab and the console errors it has logged.
type Tab struct {
	Ctx context.Context

	mu     sync.Mutex
	errors []string
}

// New returns a new tab, closed when the test ends. It skips or fails the
// test when no browser is available (see RequireEnv).
func New(t testing.TB) *Tab {
	t.Helper()
	path := need(t)
	if !inMain.Load() {
		t.Fatal("browsertest: run this package's tests through browsertest.Main (func TestMain(m *testing.M) { os.Exit(browsertest.Main(m)) }), which removes the browser's profile")
	}
	once.Do(func() { startErr = start(path) })
	if startErr != nil {
		t.Fatalf("starting Chromium: %v", startErr)
	}
	ctx, cancel := chromedp.NewContext(browserCtx)
	tab := &Tab{Ctx: ctx}
	if err := chromedp.Do(ctx); err != nil { // opens the tab
		cancel()
		t.Fatalf("opening a tab: %v", err)
	}
	messages := chromedp.Console(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleWarning || m.IsException() {
				tab.mu.Lock()
				tab.errors = append(tab.errors, m.String()+" ("+m.URL+")")
				tab.mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() { cancel(); <-done })
	return tab
}

// ConsoleErrors returns the console errors, warnings and exceptions logged
// so far.
func (tab *Tab) ConsoleErrors() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.errors...)
}

// Do runs steps in the tab with a timeout, failing the test on error.
func (tab *Tab) Do(t testing.TB, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// Eval evaluates a JavaScript expression in the tab and decodes its value.
func Eval[T any](t testing.TB, tab *Tab, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

func start(path string) error {
	dir, err := os.MkdirTemp("", "microsite-chromium-*")
	if err != nil {
		return err
	}
	profile = dir
	allocCtx, stopAlloc = chromedp.NewExecAllocator(context.Background(), chromium.Options(path, dir)...)
	browserCtx, _ = chromedp.NewContext(allocCtx)
	return chromedp.Do(browserCtx)
}
