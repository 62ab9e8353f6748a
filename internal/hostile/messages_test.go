package hostile

import (
	"fmt"
	"testing"
)

// TestMessages: errors in layouts, unreadable files, and texts that used to
// be blamed on something else. One cause is one report, naming where it is.
func TestMessages(t *testing.T) {
	const layout = "layouts/measure.html"
	h1 := lineOf(t, layout, "<h1>{{.Title}}</h1>")
	content := lineOf(t, layout, `{{t "content"}}`)
	crumbHome := lineOf(t, "layouts/base.html", `{{define "crumb-home"}}`)
	h1Is := func(html string) func(e *env) {
		return func(e *env) { e.replace(layout, "<h1>{{.Title}}</h1>", "<h1>"+html+"</h1>") }
	}
	measurePages := fmt.Sprint(2 * 31) // both editions
	const placeholder = "zq0-path_hole/x9.zq"
	cases := []hcase{
		// 62 identical lines for one typo: once, with the number of pages.
		hcase{name: "layout_error_reported_once", mutate: h1Is("{{.Title}}{{index .Units 99}}"), args: []string{"build"}, code: 1,
			once: []string{fmt.Sprintf("layouts/measure.html:%d:", h1)}, want: []string{measurePages}}.proves(20),
		hcase{name: "missing_ui_string_reported_once", mutate: func(e *env) {
			e.replace(layout, `{{t "content"}}`, `{{t "contnet"}}`)
		}, args: []string{"build"}, code: 1, once: []string{fmt.Sprintf("layouts/measure.html:%d:", content)}, want: []string{measurePages}}.proves(20),
		hcase{name: "ui_string_removed_reported_once", mutate: func(e *env) {
			e.setLine(stringsFile, lineOf(t, stringsFile, "home = "), "")
		}, args: []string{"build"}, code: 1, once: []string{fmt.Sprintf("layouts/base.html:%d:", crumbHome)}}.proves(20),
		buildFails("layout_parse_error", h1Is("{{if}}"), fmt.Sprintf("layouts/measure.html:%d", h1)),
		buildFails("layout_unknown_function", h1Is("{{nope .Title}}"), fmt.Sprintf("layouts/measure.html:%d", h1)),
		buildFails("layout_unclosed_action", h1Is("{{.Title"), fmt.Sprintf("layouts/measure.html:%d", h1)),

		// The shared parts' path placeholder in a title was blamed on the layouts.
		builds("site_title_holding_the_placeholder", func(e *env) {
			e.replace(siteFile, `title = "`, `title = "`+placeholder)
		}, func(e *env, r *result) { e.outHolds("index.html", placeholder) }).proves(19),
		builds("measure_title_holding_the_placeholder", func(e *env) {
			e.replace(m05, `title = "`, `title = "`+placeholder)
		}, func(e *env, r *result) { e.outHolds("measures/05.html", placeholder) }),

		// "no measures" for a folder it could not read: say so. "permission
		// denied" is the operating system's own text for EACCES.
		buildFails("measures_folder_unreadable", func(e *env) { e.chmod("content/measures", 0) },
			"content/measures", "permission denied").proves(19),
		buildFails("measure_unreadable", func(e *env) { e.chmod(m05, 0) }, m05, "permission denied"),
		buildFails("notice_unreadable", func(e *env) { e.chmod(noticeFile, 0) }, noticeFile, "permission denied"),
		buildFails("site_toml_unreadable", func(e *env) { e.chmod(siteFile, 0) }, siteFile, "permission denied"),
		buildFails("layout_unreadable", func(e *env) { e.chmod(layout, 0) }, layout, "permission denied"),
		buildFails("stylesheet_unreadable", func(e *env) { e.chmod("assets/site.css", 0) }, "assets/site.css", "permission denied"),
		buildFails("assets_unreadable", func(e *env) { e.chmod("assets", 0) }, "assets", "permission denied"),
	}
	runCases(t, "messages", cases)
}
