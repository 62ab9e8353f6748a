package e2e

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
	"github.com/gzgov/nansha-microsite/internal/build"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// TestCrossLinksFromFile opens, from file://, the pages that show a text
// linking to other sources by their files (the measure's page, the table,
// the home page; both editions), follows each such link in Chromium, and
// finds the reader on the target's page, at its heading when the link
// names one.
func TestCrossLinksFromFile(t *testing.T) {
	tab := browsertest.New(t)
	src := srctest.Copy(t, "../..")
	appendTo := func(name, text string) {
		f, err := os.OpenFile(filepath.Join(src, filepath.FromSlash(name)), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString(text); err != nil {
			t.Fatal(err)
		}
	}
	appendTo("content/measures/05.md", "\n另見[第3項](03.md)、[其說明](03.md#說明)與[通知](../notice.md#二重視推廣實施工作)。\n")
	appendTo("content/measures/03.md", "\n## 說明\n\n補充。\n")
	appendTo("content/notice.md", "\n詳見[第5項](measures/05.md)。\n")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(build.Options{Source: src, Out: out}); err != nil {
		t.Fatal(err)
	}
	root := &url.URL{Scheme: "file", Path: filepath.ToSlash(out) + "/"}
	// The links the texts hold to pages of the site, as the browser
	// resolves them (a.href): on the table, measure 5's row holds them.
	const links = `[...document.querySelectorAll(".text a, .notice a, table.measures td a")].map(a => a.href).filter(h => /(measures\/0[35]|index)\.html/.test(h))`
	for _, prefix := range []string{"", "zh-hans/"} {
		for page, want := range map[string][]string{
			"measures/05.html": {"measures/03.html", "measures/03.html#說明", "index.html#二重視推廣實施工作"},
			"measures.html":    {"measures/03.html", "measures/03.html#說明", "index.html#二重視推廣實施工作"},
			"index.html":       {"measures/05.html"},
		} {
			tab.Do(t, chromedp.Navigate(root.JoinPath(prefix+page).String()))
			hrefs := browsertest.Eval[[]string](t, tab, links)
			if len(hrefs) != len(want) {
				t.Errorf("%s%s: links %q, want %d", prefix, page, hrefs, len(want))
				continue
			}
			for i, target := range want {
				path, frag, _ := strings.Cut(target, "#")
				tab.Do(t, chromedp.Navigate(hrefs[i]))
				got := browsertest.Eval[string](t, tab, `decodeURIComponent(location.href)`)
				if !strings.HasSuffix(strings.Split(got, "#")[0], "/"+prefix+path) || !strings.HasSuffix(got, "#"+frag) && frag != "" {
					t.Errorf("%s%s: a link leads to %s, want %s%s", prefix, page, got, prefix, target)
				}
				if !browsertest.Eval[bool](t, tab, `document.querySelector("h1") !== null`) {
					t.Errorf("%s%s: the link to %s opens no page", prefix, page, got)
				}
				if frag != "" && !browsertest.Eval[bool](t, tab, "document.getElementById(`"+frag+"`) !== null") {
					t.Errorf("%s%s: the link to %s: no heading #%s there", prefix, page, got, frag)
				}
			}
		}
	}
	for _, e := range tab.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}
