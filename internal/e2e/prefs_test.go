package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
)

// prefsState is what the page shows of the reading preferences.
type prefsState struct {
	Class    string   // the classes of <html>, sorted
	FontSize string   // the root font size
	Pressed  []string // aria-pressed of the buttons: three sizes, contrast, large cursor, reading guide
	Shown    bool     // the buttons are visible
}

func readPrefs(t *testing.T, tab *browsertest.Tab) prefsState {
	t.Helper()
	return browsertest.Eval[prefsState](t, tab, `({
		Class: [...document.documentElement.classList].sort().join(" "),
		FontSize: getComputedStyle(document.documentElement).fontSize,
		Pressed: [...document.querySelectorAll(".prefs button")].map(b => b.getAttribute("aria-pressed")),
		Shown: getComputedStyle(document.querySelector(".prefs")).visibility === "visible",
	})`)
}

func checkPrefs(t *testing.T, tab *browsertest.Tab, step string, want prefsState) {
	t.Helper()
	got := readPrefs(t, tab)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s:\n got %+v\nwant %+v", step, got, want)
	}
}

// TestReadingPreferences operates the text-size and contrast buttons with
// the keyboard and the mouse, from file://, and checks that the choice
// holds on the next page and after a reload.
func TestReadingPreferences(t *testing.T) {
	tab := browsertest.New(t)
	tab.Do(t, chromedp.Navigate(fileURL("measures/03.html")))
	browsertest.Eval[bool](t, tab, "localStorage.clear(), true")
	tab.Do(t, chromedp.Reload())
	checkPrefs(t, tab, "at first", prefsState{"", "16px", []string{"true", "false", "false", "false", "false", "false"}, true})

	tab.Do(t, chromedp.Focus(chromedp.CSS(`.prefs [data-text-size="2"]`)), chromedp.KeyEvent("\r"))
	checkPrefs(t, tab, "Enter on 特大", prefsState{"text-2", "24px", []string{"false", "false", "true", "false", "false", "false"}, true})
	tab.Do(t, chromedp.Focus(chromedp.CSS(`.prefs [data-toggle=contrast]`)), chromedp.KeyEvent(" "))
	checkPrefs(t, tab, "Space on 高對比度", prefsState{"contrast text-2", "24px", []string{"false", "false", "true", "true", "false", "false"}, true})

	tab.Do(t, chromedp.Navigate(fileURL("categories/trade.html")))
	checkPrefs(t, tab, "on the next page", prefsState{"contrast text-2", "24px", []string{"false", "false", "true", "true", "false", "false"}, true})

	tab.Do(t, chromedp.Click(chromedp.CSS(`.prefs [data-text-size="1"]`)))
	checkPrefs(t, tab, "click on 大", prefsState{"contrast text-1", "20px", []string{"false", "true", "false", "true", "false", "false"}, true})
	tab.Do(t, chromedp.Click(chromedp.CSS(`.prefs [data-toggle=contrast]`)), chromedp.Reload())
	checkPrefs(t, tab, "click on 高對比度 again, reload", prefsState{"text-1", "20px", []string{"false", "true", "false", "false", "false", "false"}, true})
	tab.Do(t, chromedp.Click(chromedp.CSS(`.prefs [data-text-size="0"]`)))
	checkPrefs(t, tab, "click on 標準", prefsState{"", "16px", []string{"true", "false", "false", "false", "false", "false"}, true})

	// A damaged setting (another script of the origin, an old version)
	// falls back to the defaults.
	browsertest.Eval[bool](t, tab, fmt.Sprintf("localStorage.setItem(%q, '{\"size\": 7'), true", prefsKey))
	tab.Do(t, chromedp.Reload())
	checkPrefs(t, tab, "damaged setting", prefsState{"", "16px", []string{"true", "false", "false", "false", "false", "false"}, true})

	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}
