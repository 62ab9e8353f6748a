package hostile

import (
	"testing"
)

// TestCSS: a style sheet that does not parse is refused at file:line, as
// tdewolff's CSS parser reports it.
func TestCSS(t *testing.T) {
	const css = "assets/site.css"
	next := lines(css) + 1 // a line appended to it
	cases := []hcase{
		// The example.
		buildFails("garbage_appended", func(e *env) { e.appendTo(css, "}}} @@@ {{{\n") }, at(css, next)).proves(16),
		buildFails("extra_closing_brace", func(e *env) { e.appendTo(css, "a{color:red;}}\n") }, at(css, next)).proves(16),
		buildFails("brace_in_at_rule", func(e *env) { e.appendTo(css, "@media {{{\n") }, at(css, next)).proves(16),
		buildFails("garbage_in_a_new_sheet", func(e *env) { e.write("assets/print.css", "p{color:red}\n}}} @@@ {{{\n") }, at("assets/print.css", 2)).proves(16),
		builds("modern_css", func(e *env) {
			e.appendTo(css, ":root{--gap:1rem}\n@supports (display:grid){.x{display:grid;gap:var(--gap)}}\n@layer base{p{margin:0}}\n@media (prefers-color-scheme:dark){p{color:#eee}}\n")
		}, nil),
	}
	runCases(t, "css", cases)
}
