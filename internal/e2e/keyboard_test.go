package e2e

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
)

// focused describes the focused element: its text or label, and whether
// its focus shows (:focus-visible, with an outline of 2px or more).
func focused(t *testing.T, tab *browsertest.Tab) (name string, visible bool) {
	t.Helper()
	v := browsertest.Eval[[]any](t, tab, `(() => {
		const e = document.activeElement, s = getComputedStyle(e);
		return [(e.getAttribute("aria-label") || e.textContent || e.name || e.tagName).trim().slice(0, 12),
			e.matches(":focus-visible") && s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2];
	})()`)
	return v[0].(string), v[1].(bool)
}

// TestKeyboardOnly operates every control of the reading settings and the
// page's tools on a measure with the keyboard alone: Tab reaches each, in
// order, with its focus shown, and Shift-Tab goes back; Enter and Space
// press them; Escape stops the reading. The settings then hold on the next
// page, from file:// and over HTTP.
func TestKeyboardOnly(t *testing.T) {
	tab := browsertest.New(t)
	instrument(t, tab)
	tab.Do(t, chromedp.Navigate(fileURL("measures/03.html")))
	browsertest.Eval[bool](t, tab, "localStorage.clear(), true")
	tab.Do(t, chromedp.Reload())

	// Tab from the top of the page through its controls.
	want := []string{"跳到正文", "標準", "大", "特大", "高對比度", "大鼠標", "閱讀線"}
	var order []string
	for range 40 {
		tab.Do(t, chromedp.KeyEvent(kb.Tab))
		name, visible := focused(t, tab)
		if !visible {
			t.Errorf("Tab to %q: its focus is not shown", name)
		}
		order = append(order, name)
		if name == "打印本頁" {
			break
		}
	}
	got := strings.Join(order, " ")
	t.Logf("Tab order: %s", got)
	if !strings.HasPrefix(got, strings.Join(want, " ")) || !strings.HasSuffix(got, "聽全文 打印本頁") {
		t.Errorf("Tab goes through\n%s\nwant it to start with %v and end with 聽全文 打印本頁", got, want)
	}
	// Shift-Tab goes back the same way.
	for i := len(order) - 2; i >= len(order)-6; i-- {
		tab.Do(t, chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)))
		if name, visible := focused(t, tab); name != order[i] || !visible {
			t.Errorf("Shift-Tab to %q (focus shown %v), want %q", name, visible, order[i])
		}
	}

	press := func(label, key string) {
		t.Helper()
		tab.Do(t, chromedp.Focus(chromedp.CSS(`button[data-label="`+label+`"]`)))
		tab.Do(t, chromedp.KeyEvent(key))
	}
	browsertest.Eval[bool](t, tab, `document.querySelectorAll("button").forEach(b => b.dataset.label = b.textContent), true`)
	state := func() string {
		return browsertest.Eval[string](t, tab, `[...document.documentElement.classList].sort().join(" ") + " | " +
			[...document.querySelectorAll(".prefs button, .page-tools button")].filter(b => !b.hidden)
				.map(b => b.textContent + (b.getAttribute("aria-pressed") === "true" ? "*" : "")).join(" ")`)
	}
	steps := []struct{ label, key, want string }{
		{"特大", "\r", "text-2 | 標準 大 特大* 高對比度 大鼠標 閱讀線 聽全文 打印本頁"},
		{"高對比度", " ", "contrast text-2 | 標準 大 特大* 高對比度* 大鼠標 閱讀線 聽全文 打印本頁"},
		{"大鼠標", "\r", "contrast cursor text-2 | 標準 大 特大* 高對比度* 大鼠標* 閱讀線 聽全文 打印本頁"},
		{"閱讀線", " ", "contrast cursor guide text-2 | 標準 大 特大* 高對比度* 大鼠標* 閱讀線* 聽全文 打印本頁"},
		{"聽全文", " ", "contrast cursor guide text-2 | 標準 大 特大* 高對比度* 大鼠標* 閱讀線* 聽全文* 暫停 停止 打印本頁"},
		{"暫停", "\r", "contrast cursor guide text-2 | 標準 大 特大* 高對比度* 大鼠標* 閱讀線* 聽全文* 暫停* 停止 打印本頁"},
		{"暫停", " ", "contrast cursor guide text-2 | 標準 大 特大* 高對比度* 大鼠標* 閱讀線* 聽全文* 暫停 停止 打印本頁"},
		{"暫停", kb.Escape, "contrast cursor guide text-2 | 標準 大 特大* 高對比度* 大鼠標* 閱讀線* 聽全文 打印本頁"},
		{"打印本頁", "\r", "contrast cursor guide text-2 | 標準 大 特大* 高對比度* 大鼠標* 閱讀線* 聽全文 打印本頁"},
	}
	for _, s := range steps {
		press(s.label, s.key)
		if got := state(); got != s.want {
			t.Errorf("%q on %s:\n got %s\nwant %s", s.key, s.label, got, s.want)
		}
	}
	if calls := browsertest.Eval[string](t, tab, `speechLog.filter(c => !c.startsWith("speak")).join(" ")`); calls != "cancel pause resume cancel" {
		t.Errorf("speech calls %q, want cancel (before reading) pause resume cancel (Escape)", calls)
	}
	if n := browsertest.Eval[int](t, tab, `printCalls`); n != 1 {
		t.Errorf("Enter on 打印本頁 printed %d times, want once", n)
	}
	// Printing left the focus on 打印本頁, where Enter was pressed.
	if name, _ := focused(t, tab); name != "打印本頁" {
		t.Errorf("focus on %q after printing, want 打印本頁", name)
	}
	// The aids show: the large pointer, and the guide where the focus is.
	if c := browsertest.Eval[string](t, tab, `getComputedStyle(document.body).cursor`); !strings.Contains(c, "cursor.") {
		t.Errorf("the page's cursor is %q, want the large one", c)
	}
	tab.Do(t, chromedp.Focus(chromedp.CSS(".pager a")))
	if d := browsertest.Eval[float64](t, tab, `(() => { const g = document.querySelector(".reading-guide").getBoundingClientRect(), a = document.activeElement.getBoundingClientRect();
		return Math.abs((g.top + g.bottom) / 2 - (a.top + a.bottom) / 2); })()`); d > 2 {
		t.Errorf("the reading guide is %.0fpx from the focused link, want it across it", d)
	}

	// The settings hold on the next page, from file:// and over HTTP.
	for _, next := range []string{fileURL("categories/trade.html"), ""} {
		if next == "" {
			srv := serveSite(t)
			tab.Do(t, chromedp.Navigate(srv+"/measures/03.html"))
			browsertest.Eval[bool](t, tab, "localStorage.clear(), true")
			tab.Do(t, chromedp.Reload())
			browsertest.Eval[bool](t, tab, `document.querySelectorAll("button").forEach(b => b.dataset.label = b.textContent), true`)
			for _, s := range steps[:4] {
				press(s.label, s.key)
			}
			next = srv + "/units/index.html"
		}
		tab.Do(t, chromedp.Navigate(next))
		if got, want := state(), "contrast cursor guide text-2 | 標準 大 特大* 高對比度* 大鼠標* 閱讀線*"; got != want {
			t.Errorf("%s:\n got %s\nwant %s", next, got, want)
		}
	}
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}

// serveSite serves the built site over HTTP for the test and returns its
// address.
func serveSite(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(siteDir)))
	t.Cleanup(srv.Close)
	return srv.URL
}
