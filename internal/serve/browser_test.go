package serve

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gzgov/nansha-microsite/internal/srctest"

	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
)

// TestBrowserReloads checks the reload script in Chromium: an open page
// reloads by itself after an edit, shows the error page while the content is
// broken, and comes back once it is fixed.
func TestBrowserReloads(t *testing.T) {
	tab := browsertest.New(t)
	src := srctest.Copy(t, "../..")
	s := start(t, Options{Source: src})
	tab.Do(t, chromedp.Navigate(s.URL()+"measures/03.html"))
	waitFor := func(what, js string) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		// The page may be between two documents, when evaluating fails or
		// throws: count that as false.
		safe := "(() => { try { return Boolean(" + js + ") } catch (e) { return false } })()"
		for {
			ctx, cancel := context.WithTimeout(tab.Ctx, 5*time.Second)
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](safe))
			cancel()
			if err == nil && ok {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("waiting for %s: %s is still false", what, js)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	waitFor("the page", `document.querySelector("h1") !== null`)
	browsertest.Eval[bool](t, tab, `window.stillHere = true`)

	file := filepath.Join(src, "content/measures/03.md")
	good := read(t, file)
	write(t, file, good+"\n瀏覽器裏看到的修改。\n")
	waitFor("the edit", `document.body.textContent.includes("瀏覽器裏看到的修改。")`)
	if browsertest.Eval[bool](t, tab, `window.stillHere === true`) {
		t.Error("the new text appeared without a reload")
	}
	if errs := tab.ConsoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}

	write(t, file, strings.Replace(good, `category = "trade"`, `category = "tarde"`, 1))
	waitFor("the error page", `document.body.textContent.includes("unknown category")`)
	named := browsertest.Eval[[]string](t, tab, `[...document.querySelectorAll(".pos")].map(e => e.textContent)`)
	if !slices.ContainsFunc(named, func(p string) bool { return strings.HasPrefix(p, "content/measures/03.md:4") }) {
		t.Errorf("error page names %q, want content/measures/03.md:4", named)
	}
	write(t, file, good)
	waitFor("the fixed page", `document.querySelector("h1") !== null && document.querySelector("h1").textContent === "報關單“一鍵改配”"`)
}
