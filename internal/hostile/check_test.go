package hostile

import (
	"strings"
	"testing"
)

// TestCheck: "microsite check" on a built site someone tampered with. What
// loads from outside the site, or reaches outside it through a symlink, is
// a problem, named with its page and its URL or path; links out are allowed.
func TestCheck(t *testing.T) {
	const page = "measures/05.html"
	const evil = "https://evil.example/x.png"
	inject := func(html string) func(e *env) {
		return func(e *env) { e.replace("public/"+page, "</main>", html+"</main>") }
	}
	intoHead := func(html string) func(e *env) {
		return func(e *env) { e.replace("public/"+page, "</head>", html+"</head>") }
	}
	problem := func(name string, mutate func(e *env), want ...string) hcase {
		return hcase{name: name, args: []string{"check"}, mutate: mutate, code: 1, want: want}
	}
	css := ""
	for _, f := range previous {
		if strings.HasPrefix(f.rel, "assets/site.") && strings.HasSuffix(f.rel, ".css") {
			css = f.rel
		}
	}
	if css == "" {
		t.Fatal("the previous site has no assets/site.*.css")
	}
	cases := []hcase{
		problem("svg_image_href", inject(`<svg><image href="`+evil+`"/></svg>`), page, evil).proves(14),
		problem("svg_image_xlink_href", inject(`<svg><image xlink:href="`+evil+`"/></svg>`), page, evil).proves(14),
		problem("meta_refresh", intoHead(`<meta http-equiv="refresh" content="0;url=https://evil.example/">`), page, "https://evil.example/").proves(14),
		problem("symlink_to_etc_passwd", func(e *env) { e.symlink("/etc/passwd", "public/passwd.txt") }, "passwd.txt").proves(14),
		problem("symlink_to_outside_folder", func(e *env) { e.symlink("../../outside", "public/files") }, "files").proves(14),
		problem("symlink_to_outside_stylesheet", func(e *env) {
			e.remove("public/" + css)
			e.symlink("../../../outside/secret.css", "public/"+css)
		}, css).proves(14),

		problem("script", inject(`<script src="https://cdn.example.com/x.js"></script>`), page, "https://cdn.example.com/x.js"),
		problem("image_protocol_relative", inject(`<img src="//evil.example/x.png" alt="x">`), page, "//evil.example/x.png"),
		problem("image_srcset", inject(`<img src="../assets/x.png" srcset="`+evil+` 2x" alt="x">`), page, evil),
		problem("stylesheet", intoHead(`<link rel="stylesheet" href="https://evil.example/x.css">`), page, "https://evil.example/x.css"),
		problem("preconnect", intoHead(`<link rel="preconnect" href="https://evil.example">`), page, "https://evil.example"),
		problem("iframe", inject(`<iframe src="https://evil.example/" title="x"></iframe>`), page, "https://evil.example/"),
		problem("object", inject(`<object data="https://evil.example/x.swf"></object>`), page, "https://evil.example/x.swf"),
		problem("video_poster", inject(`<video poster="`+evil+`"></video>`), page, evil),
		problem("style_attribute", inject(`<div style="background:url(`+evil+`)"></div>`), page, evil),
		problem("style_element_import", inject(`<style>@import "https://evil.example/x.css";</style>`), page, "https://evil.example/x.css"),
		problem("stylesheet_url", func(e *env) { e.appendTo("public/"+css, "body{background:url("+evil+")}") }, css, evil),
		problem("missing_page", func(e *env) { e.remove("public/" + page) }, page),
		problem("missing_fragment", inject(`<a href="../index.html#nowhere">x</a>`), page, "nowhere"),
		problem("bare_folder", inject(`<a href="../units/">x</a>`), page, "../units/"),
		problem("second_h1", inject(`<h1>又一個</h1>`), page),
		problem("no_title", func(e *env) {
			html := e.out(page)
			start, end := strings.Index(html, "<title>"), strings.Index(html, "</title>")
			e.write("public/"+page, html[:start]+html[end+len("</title>"):])
		}, page),
		problem("no_lang", func(e *env) { e.replace("public/"+page, ` lang="zh-Hant"`, "") }, page),
		{name: "not_a_folder", args: []string{"check", "nothere"}, code: 1, want: []string{"nothere"}},
		// Nothing to check is no clean bill: a folder with no page fails.
		{name: "folder_without_pages", args: []string{"check", "../docs"}, code: 1, want: []string{"../docs"},
			mutate: func(e *env) { e.write("../docs/notes.txt", "no page here\n") }},
		{name: "empty_folder", args: []string{"check", "../tmp"}, code: 1, want: []string{"../tmp"}},
		{name: "link_out_allowed", args: []string{"check"}, mutate: inject(`<a href="https://www.gz.gov.cn/">廣州市人民政府</a>`),
			want: []string{"https://www.gz.gov.cn/"}},
		{name: "another_folder", args: []string{"check", "../sibling/site"}, mutate: func(e *env) { e.rename("public", "../sibling/site") }},
	}
	runCases(t, "check", cases)
}
