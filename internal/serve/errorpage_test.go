package serve

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/language"

	"github.com/gzgov/nansha-microsite/internal/browsertest"
	"github.com/gzgov/nansha-microsite/internal/build"
	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// brokenSources is a copy of the repository's sources with mistakes on
// lines of CJK text, curly quotes and tabs, and the build error they give.
func brokenSources(t *testing.T) error {
	t.Helper()
	src := srctest.Copy(t, "../..")
	edit := func(name, old, new string) {
		t.Helper()
		file := filepath.Join(src, filepath.FromSlash(name))
		text := read(t, file)
		if !strings.Contains(text, old) {
			t.Fatalf("%s has no %q", name, old)
		}
		write(t, file, strings.Replace(text, old, new, 1))
	}
	edit("content/measures/03.md", "一鍵改配", "一鍵\x07改配")               // after 報關單“一鍵
	edit("layouts/strings.toml", `home = "首頁"`, "home = \"首\x07頁\"") // after 首
	edit("assets/site.css", "\n:root", "\n\t\t}}} @@@ {{{\n:root")   // after two tabs
	_, err := build.Run(build.Options{Source: src, Out: filepath.Join(t.TempDir(), "public")})
	if err == nil {
		t.Fatal("the broken sources build")
	}
	return err
}

// TestErrorPageCaret opens the error page in Chromium: under each line
// shown, the caret is where the problem's column is. A browser gives CJK
// text no exact two cells of a monospace font (the fallback font's glyphs
// are narrower or wider), so counting cells as a terminal does would put
// the caret characters away. The page is in the editor's language, Chinese
// words around the same carets.
func TestErrorPageCaret(t *testing.T) {
	for _, lang := range []struct {
		tag           language.Tag
		attr, heading string
	}{
		{l10n.English, `lang="en"`, "The site could not be built"},
		{l10n.Chinese, `lang="zh-Hant"`, "網站未能生成"},
	} {
		t.Run(lang.tag.String(), func(t *testing.T) {
			l10n.Use(lang.tag)
			t.Cleanup(func() { l10n.Use(l10n.English) })
			testErrorPageCaret(t, lang.attr, lang.heading)
		})
	}
}

func testErrorPageCaret(t *testing.T, lang, heading string) {
	err := brokenSources(t)
	var page bytes.Buffer
	if err := errorPage.Execute(&page, newErrorReport(err)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.String(), lang) || !strings.Contains(page.String(), "<h1>"+heading+"</h1>") {
		t.Errorf("the page is not in its language (%s, %q):\n%s", lang, heading, page.String())
	}
	file := filepath.Join(t.TempDir(), "error.html")
	if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	tab := browsertest.New(t)
	tab.Do(t, chromedp.Navigate((&url.URL{Scheme: "file", Path: file}).String()))
	// Where each caret must be: the character at the problem's column,
	// counted as JavaScript counts (UTF-16 code units).
	var at []int
	for _, e := range diag.Problems(err) {
		if e.Text != "" && e.Pos.Col > 0 {
			runes := []rune(e.Line())[:e.Pos.Col-1]
			at = append(at, len(utf16.Encode(runes)))
		}
	}
	// For each <pre> with a caret: its line, and how far the caret is from
	// that character, in CSS pixels.
	type caret struct {
		Line   string
		DX, DY float64
	}
	index, _ := json.Marshal(at)
	got := browsertest.Eval[[]caret](t, tab, `[...document.querySelectorAll("pre")].filter(p => p.querySelector(".caret")).map((p, n) => {
		const text = p.firstChild, i = `+string(index)+`[n];
		const r = document.createRange();
		r.setStart(text, i);
		r.setEnd(text, i + 1);
		const at = r.getBoundingClientRect(), c = p.querySelector(".caret").getBoundingClientRect();
		return {line: text.data.split("\n")[0], dx: c.left - at.left, dy: c.top - at.bottom};
	})`)
	if len(got) != 3 || len(at) != 3 {
		t.Fatalf("%d lines with a caret, want 3: %+v\n%s", len(got), got, page.String())
	}
	for _, c := range got {
		if c.DX < -0.5 || c.DX > 0.5 || c.DY < 0 {
			t.Errorf("line %q: the caret is %.1f px right of its character and %.1f px below it, want straight under it", c.Line, c.DX, c.DY)
		}
	}
}
