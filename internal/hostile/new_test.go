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
	// roundTrip builds the site with the new measure and finds its title as
	// given, and its text holding text.
	roundTrip := func(title, text string) func(e *env, r *result) {
		return func(e *env, r *result) {
			if b := e.run(nil, "build"); b.code != 0 {
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
