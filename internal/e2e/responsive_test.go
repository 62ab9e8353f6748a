package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
)

// TestResponsive opens every page type from a small phone to a wide desktop,
// at the standard and the largest text size: the page itself never scrolls
// sideways (only the full table does, inside its own box), and body text is
// at least 16px.
func TestResponsive(t *testing.T) {
	tab := browsertest.New(t)
	for _, width := range []int64{320, 768, 1440} {
		for _, size := range []int{0, 2} {
			t.Run(fmt.Sprintf("%dpx text-%d", width, size), func(t *testing.T) {
				var opts []chromedp.EmulateViewportOption
				if width < 800 {
					opts = append(opts, chromedp.EmulateMobile)
				}
				tab.Do(t, chromedp.EmulateViewport(width, 800, opts...), chromedp.Navigate(fileURL("index.html")))
				setPrefs(t, tab, mode{size: size})
				for _, pt := range pageTypes() {
					tab.Do(t, chromedp.Navigate(fileURL(pt.path)))
					if w := browsertest.Eval[int64](t, tab, "document.documentElement.scrollWidth"); w > width {
						t.Errorf("%s: the page is %dpx wide in a %dpx window", pt.path, w, width)
					}
					if fs := browsertest.Eval[float64](t, tab, `parseFloat(getComputedStyle(document.querySelector("main p, main li")).fontSize)`); fs < 16 {
						t.Errorf("%s: body text is %.1fpx", pt.path, fs)
					}
				}
			})
		}
	}
	tab.Do(t, chromedp.EmulateReset())
}
