package e2e

import (
	"context"
	"regexp"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
)

// printMedia emulates printing: the print stylesheet applies.
func printMedia() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})
}

// TestPrint checks the print stylesheet on the pages people print: no
// navigation, search or buttons; the notice's number (and the measure's) for
// the top margin of every page; where text links lead; the whole table.
func TestPrint(t *testing.T) {
	tab := browsertest.New(t)
	// Set the largest text and high contrast: printing ignores both.
	tab.Do(t, chromedp.Navigate(fileURL("index.html")))
	setPrefs(t, tab, mode{size: 2, high: true})
	tests := []struct {
		path string
		// JavaScript expressions that must be true when printing.
		checks []string
	}{
		{"measures/03.html", []string{
			`getComputedStyle(document.documentElement).getPropertyValue("--print-header") === '"穗府函〔2018〕161號 · 第03項"'`,
			`[...document.querySelectorAll(".site-nav, .crumbs, .pager, .prefs, .skip, form[role=search]")].every(e => getComputedStyle(e).display === "none")`,
			`getComputedStyle(document.querySelector(".measure-number")).display !== "none"`,
			`getComputedStyle(document.documentElement).fontSize === "16px"`,
			`getComputedStyle(document.body).backgroundColor === "rgb(255, 255, 255)" && getComputedStyle(document.body).color === "rgb(0, 0, 0)"`,
			// The facts' links repeat what they say: no address after them.
			`getComputedStyle(document.querySelector(".facts a"), "::after").content === "none"`,
		}},
		{"index.html", []string{
			`getComputedStyle(document.documentElement).getPropertyValue("--print-header") === '"穗府函〔2018〕161號"'`,
			`getComputedStyle(document.querySelector(".attachment a"), "::after").content === '" (measures.html)"'`,
			`getComputedStyle(document.querySelector(".site-nav")).display === "none"`,
		}},
		{"measures.html", []string{
			`getComputedStyle(document.documentElement).getPropertyValue("--print-header") === '"穗府函〔2018〕161號 · 附件"'`,
			`getComputedStyle(document.body).page === "wide"`,
			`getComputedStyle(document.querySelector(".table-scroll")).overflowX === "visible"`,
			`getComputedStyle(document.querySelector("table.measures thead")).display === "table-header-group"`,
			`getComputedStyle(document.querySelector(".scroll-hint")).display === "none"`,
		}},
	}
	pageObj := regexp.MustCompile(`/Type\s*/Page[^s]`)
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			tab.Do(t, printMedia(), chromedp.Navigate(fileURL(tc.path)))
			for _, c := range tc.checks {
				if !browsertest.Eval[bool](t, tab, c) {
					t.Errorf("printing, not true: %s", c)
				}
			}
			tab.Do(t, chromedp.EmulateReset())
			pdf, err := chromedp.Run(tab.Ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s prints on %d A4 pages", tc.path, len(pageObj.FindAll(pdf, -1)))
		})
	}
}
