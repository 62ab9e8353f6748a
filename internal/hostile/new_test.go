package hostile

import (
	"strings"
	"testing"
)

// TestNew: "microsite new measure" given values that would break out of
// their TOML strings or of content/measures, or numbers it must refuse.
func TestNew(t *testing.T) {
	newMeasure := func(flags ...string) []string {
		return append([]string{"new", "measure", "--category", "trade", "--unit", "廣州海關"}, flags...)
	}
	titled := func(title string) []string { return newMeasure("--title", title) }
	// roundTrip builds the site with the new measure, a draft (build
	// --drafts), and finds its title as given, and its text holding text.
	roundTrip := func(title, text string) func(e *env, r *result) {
		return func(e *env, r *result) {
			if b := e.run(nil, "build", "--drafts"); b.code != 0 {
				e.t.Fatalf("the new measure does not build:\n%s", b.output())
			}
			m := e.measuresJSON().Measures[31]
			if m.Number != 32 || m.Title != title {
				e.t.Errorf("measures.json: measure %d titled %q, want 32 titled %q", m.Number, m.Title, title)
			}
			if !strings.Contains(m.Content, text) {
				e.t.Errorf("measures.json: measure 32's text %q does not hold %q", m.Content, text)
			}
		}
	}
	cases := []hcase{
		hcase{name: "number_zero", args: newMeasure("--title", "x", "--number", "0"), code: 1}.proves(17),
		{name: "number_negative", args: newMeasure("--title", "x", "--number", "-1"), code: 1, want: []string{"-1"}},
		{name: "number_leaving_a_gap", args: newMeasure("--title", "x", "--number", "99"), code: 1, want: []string{"99"}},
		{name: "number_taken", args: newMeasure("--title", "x", "--number", "5"), code: 1, want: []string{m05}},
		{name: "number_traversal", args: newMeasure("--title", "x", "--number", "../../../outside/x"), code: 2, want: []string{"../../../outside/x"}},
		{name: "number_float", args: newMeasure("--title", "x", "--number", "32.0"), code: 2, want: []string{"32.0"}},
		{name: "number_beyond_int64", args: newMeasure("--title", "x", "--number", "99999999999999999999"), code: 2, want: []string{"99999999999999999999"}},

		{name: "title_quotes_and_backslashes", args: titled(`報關單"一鍵\改配" \"`), then: roundTrip(`報關單"一鍵\改配" \"`, "")},
		{name: "title_triple_quotes", args: titled(`""" ''' """`), then: roundTrip(`""" ''' """`, "")},
		{name: "title_front_matter_fence", args: titled("+++"), then: roundTrip("+++", "")},
		{name: "title_toml_comment", args: titled(`x" # number = 99`), then: roundTrip(`x" # number = 99`, "")},
		// The injection: a quote, a newline, a key of its own.
		{name: "title_toml_injection", args: titled("x\"\nnumber = 99"), code: 1},
		{name: "title_newline", args: titled("第一行\n第二行"), code: 1},
		{name: "title_carriage_return", args: titled("x\ry"), code: 1},
		{name: "title_control_character", args: titled("x\x01y"), code: 1},
		{name: "title_blank", args: titled("   "), code: 1},
		{name: "unit_injection", args: []string{"new", "measure", "--category", "trade", "--title", "x", "--unit", "廣州海關\"]\nscope = \"x"}, code: 1},
		{name: "category_injection", args: []string{"new", "measure", "--category", "trade\"\nnumber = 1", "--title", "x", "--unit", "廣州海關"}, code: 1},
		{name: "scope_newline", args: newMeasure("--title", "x", "--scope", "a\n+++\nnumber = 1"), code: 1},
		{name: "unit_twice", args: newMeasure("--title", "x", "--unit", "廣州海關"), code: 1, want: []string{"廣州海關"}},
		// A text that looks like a second front matter is text.
		{name: "text_front_matter", args: newMeasure("--title", "x", "--text", "+++\nnumber = 1\n+++\n正文。"), then: roundTrip("x", "正文。")},
		// The file it writes must build; a C0 control in it would not.
		hcase{name: "text_control_character", args: newMeasure("--title", "x", "--text", "正文\x01。"), code: 1}.proves(11),
		// Issue 14: raw HTML is never published, and a text of nothing else
		// built a page without a description, which the site check refused:
		// the file "new" wrote did not build. Refused, as control characters
		// in any flag are.
		{name: "text_script", args: newMeasure("--title", "x", "--text", "<script>alert(1)</script>"), code: 1, want: []string{"<script>"}},
		{name: "text_inline_html", args: newMeasure("--title", "x", "--text", `正文<img src=x onerror="alert(1)">。`), code: 1, want: []string{"<img"}},
		{name: "text_html_block", args: newMeasure("--title", "x", "--text", "<div>\n正文\n</div>"), code: 1, want: []string{"<div>"}},
		{name: "text_escape_code", args: newMeasure("--title", "x", "--text", "正文\x1b[2J。"), code: 1, want: []string{"U+001B"}},
		{name: "text_crlf_and_tabs", args: newMeasure("--title", "x", "--text", "第一段,\t有定位。\r\n\r\n第二段。"), then: roundTrip("x", "第二段。")},
		{name: "text_link_to_no_source", args: newMeasure("--title", "x", "--text", "見[第99項](99.md)。"), code: 1, want: []string{"99.md"}},
		{name: "title_bell", args: titled("報關\a單"), code: 1, want: []string{"U+0007"}},
		{name: "unit_escape_code", args: []string{"new", "measure", "--category", "trade", "--title", "x", "--unit", "廣州海關\x1b[2J"}, code: 1, want: []string{"U+001B"}},
		{name: "category_delete_character", args: []string{"new", "measure", "--category", "trade\x7f", "--title", "x", "--unit", "廣州海關"}, code: 1, want: []string{"U+007F"}},
		{name: "scope_escape_code", args: newMeasure("--title", "x", "--scope", "\x1b]0;owned\x07全市"), code: 1, want: []string{"U+001B"}},
		// A new measure is a draft: the published site is as it was.
		{name: "new_measure_is_a_draft", args: titled("跨境電商退貨新模式"), then: func(e *env, r *result) {
			if b := e.run(nil, "build"); b.code != 0 {
				e.t.Fatalf("the site does not build with the new draft:\n%s", b.output())
			}
			if n := len(e.measuresJSON().Measures); n != 31 {
				e.t.Errorf("measures.json holds %d measures, want 31: the draft was published", n)
			}
			if e.exists("public/measures/32.html") {
				e.t.Error("the draft's page was published")
			}
		}},
		{name: "source_not_a_site", args: newMeasure("--title", "x", "--source", "../sibling"), code: 1, want: []string{"site.toml"}},
		// content/measures/32.md is a symlink out of the sources: never
		// written through, dangling or not.
		{name: "next_file_dangling_symlink", args: newMeasure("--title", "x", "--number", "32"), code: 1,
			mutate: func(e *env) { e.symlink("../../../outside/new.md", "content/measures/32.md") }},
		{name: "next_file_symlink_to_outside", args: newMeasure("--title", "x", "--number", "32"), code: 1,
			mutate: func(e *env) { e.symlink("../../../outside/secret.txt", "content/measures/32.md") }},
	}
	runCases(t, "new", cases)
}
