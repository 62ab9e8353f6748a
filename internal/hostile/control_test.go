package hostile

import (
	"strings"
	"testing"
)

// TestControl: NUL and the other C0 control characters, raw or as TOML
// escapes, in every text field and body. Tab and newline are text.
func TestControl(t *testing.T) {
	title := lineOf(t, siteFile, "title = ")
	court := lineOf(t, siteFile, `name = "市法院"`)
	tradeName := lineOf(t, siteFile, `name = "貿易便利化"`)
	home := lineOf(t, stringsFile, "home = ")
	noticeText := lines(noticeFile) + 1
	text := textLine + 1 // a line appended to 05.md
	cases := []hcase{
		// In a body: a raw NUL reached measures.csv. 進出口 are columns 1–3.
		buildFails("nul_in_text", func(e *env) { e.appendTo(m05, "進出口\x00紅\n") }, atCol(m05, text, 4)).proves(11),
		buildFails("escape_in_text", func(e *env) { e.appendTo(m05, "進出口\x1b[31m紅\n") }, atCol(m05, text, 4)).proves(11),
		buildFails("vertical_tab_in_text", func(e *env) { e.appendTo(m05, "進出口\v紅\n") }, atCol(m05, text, 4)).proves(11),
		buildFails("backspace_in_text", func(e *env) { e.appendTo(m05, "進\b\n") }, atCol(m05, text, 2)).proves(11),
		buildFails("bell_in_notice", func(e *env) { e.appendTo(noticeFile, "一二\a三\n") }, atCol(noticeFile, noticeText, 3)).proves(11),
		// TOML escapes put the same characters in a string the decoder accepts.
		buildFails("nul_escape_in_title", func(e *env) { e.replace(m05, `title = "`, `title = "\u0000`) }, at(m05, titleLine)).proves(11),
		buildFails("escape_escape_in_title", func(e *env) { e.replace(m05, `title = "`, `title = "\u001b[31m`) }, at(m05, titleLine)).proves(11),
		buildFails("backspace_escape_in_scope", func(e *env) { e.replace(m05, `scope = "`, `scope = "\b`) }, at(m05, scopeLine)).proves(11),
		buildFails("escape_in_unit_name", func(e *env) {
			e.replace(siteFile, `name = "市法院"`, `name = "市法院\u001b"`)
			for _, f := range []string{"21", "22", "23"} { // its measures, still valid
				e.replace("content/measures/"+f+".md", `"市法院"`, `"市法院\u001b"`)
			}
		}, at(siteFile, court)).proves(11),
		buildFails("form_feed_in_category_name", func(e *env) {
			e.replace(siteFile, `name = "貿易便利化"`, `name = "貿易便利化\f"`)
		}, at(siteFile, tradeName)).proves(11),
		// Raw in TOML: the decoder refuses them itself.
		buildFails("raw_nul_in_title", func(e *env) { e.replace(m05, `title = "`, "title = \"\x00") }, at(m05, titleLine)),
		buildFails("raw_escape_in_scope", func(e *env) { e.replace(m05, `scope = "`, "scope = \"\x1b") }, at(m05, scopeLine)),
		buildFails("raw_bell_in_site_title", func(e *env) { e.replace(siteFile, `title = "`, "title = \"\a") }, at(siteFile, title)),
		buildFails("raw_nul_in_strings", func(e *env) { e.setLine(stringsFile, home, "home = \"首\x00頁\"") }, stringsFile),
		builds("tab_in_text", func(e *env) { e.appendTo(m05, "進出口\t紅\n") }, nil),
		builds("tab_escape_in_title", func(e *env) { e.replace(m05, `title = "進出口`, `title = "進出口\t`) }, func(e *env, r *result) {
			if m := e.measuresJSON().Measures[4]; !strings.Contains(m.Title, "進出口\t") {
				e.t.Errorf("measures.json: title %q lost its tab", m.Title)
			}
		}),
	}
	runCases(t, "control", cases)
}
