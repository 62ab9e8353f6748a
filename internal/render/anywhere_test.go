package render

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// TestAnywhere renders the repository's 404 page, which a server shows at
// any address, for sites with and without a base_url and in both editions:
// it carries its style sheet, scripts and icon itself, and every link,
// form and url() leads from the site's folder on the server, never from
// base_url's host and never relative to the page.
func TestAnywhere(t *testing.T) {
	r := repoRenderer(t)
	hant := &site.Edition{Language: "zh-Hant", Label: "繁體"}
	hans := &site.Edition{Language: "zh-Hans", Path: "zh-hans", Label: "简体", Convert: "t2s"}
	tests := []struct {
		name, base string
		edition    *site.Edition
		root, own  string // where the links lead from, and the page's file
	}{
		{"no base_url", "", hant, "/", "404.html"},
		{"no base_url, second edition", "", hans, "/", "zh-hans/404.html"},
		{"base_url at the host's root", "https://www.example.gov.cn/", hant, "/", "404.html"},
		{"base_url below it", "https://www.example.gov.cn/nansha3/", hans, "/nansha3/", "zh-hans/404.html"},
		{"base_url percent-encoded", "https://www.example.gov.cn/a%20b/", hant, "/a%20b/", "404.html"},
	}
	refs := regexp.MustCompile(`\s(href|src|action)="([^"]*)"`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testSite(tt.base, "t")
			s.Editions, s.ThisEdition = []*site.Edition{hant, hans}, tt.edition
			out, err := r.Bytes(&Page{Kind: NotFound, Path: site.NotFoundPath, Site: s, Title: "找不到"})
			if err != nil {
				t.Fatal(err)
			}
			page := string(out)
			if strings.Contains(page, `rel="stylesheet"`) || strings.Contains(page, "<script src") {
				t.Errorf("loads a style sheet or a script:\n%s", page)
			}
			if !strings.Contains(page, "<style>") || !strings.Contains(page, ".masthead") {
				t.Error("no inline style sheet")
			}
			if !strings.Contains(page, `"nansha-161-reading-prefs"`) {
				t.Error("the reading preferences script is not inline")
			}
			prefix := strings.TrimSuffix(tt.own, site.NotFoundPath)
			for _, want := range []string{
				`href="` + tt.root + prefix + `index.html"`,
				`action="` + tt.root + prefix + `search.html"`,
				`href="` + tt.root + `zh-hans/404.html" `, // the other edition, or this one
				`("` + tt.root + `","` + tt.own + `","assets/favicon.svg","`,
			} {
				if !strings.Contains(page, want) {
					t.Errorf("lacks %s", want)
				}
			}
			for _, m := range refs.FindAllStringSubmatch(page, -1) {
				if v := m[2]; !strings.HasPrefix(v, tt.root) && !strings.HasPrefix(v, "#") && !strings.HasPrefix(v, "data:") {
					t.Errorf("%s=%q: leads neither from %s nor within the page", m[1], v, tt.root)
				}
			}
		})
	}
}

// TestRebaseCSS checks that an inline style sheet's relative url()s lead
// from the site's folder, as it is published in assets/.
func TestRebaseCSS(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"none", `a{color:red}`, `a{color:red}`},
		{"a published file", `a{cursor:url(cursor.1.svg),auto}`, `a{cursor:url(data:image/svg+xml;base64,PHN2Zy8+),auto}`},
		{"relative", `a{background:url(bg.png)}`, `a{background:url(/nansha3/assets/bg.png)}`},
		{"quoted, in a folder", `a{background:url('img/x y.png')}`, `a{background:url(/nansha3/assets/img/x%20y.png)}`},
		{"up", `a{background:url("../x.png#f")}`, `a{background:url(/nansha3/x.png#f)}`},
		{"left alone", `a{background:url(data:image/png;base64,AA==)}b{background:url(/x.png)}c{background:url(https://e.example/x.png)}d{background:url(#f)}`,
			`a{background:url(data:image/png;base64,AA==)}b{background:url(/x.png)}c{background:url(https://e.example/x.png)}d{background:url(#f)}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(rebaseCSS([]byte(tt.src), "assets", "/nansha3/", map[string]Asset{"assets/cursor.1.svg": {Path: "assets/cursor.1.svg", Data: []byte("<svg/>")}})); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// TestInlineRefuses checks that a file that would end the element carrying
// it is an error, not a page that shows the rest of a style sheet as text.
func TestInlineRefuses(t *testing.T) {
	c := Chrome{assets: map[string]Asset{
		"a.css": {Path: "assets/a.1.css", Data: []byte(`a{content:"</STYLE>"}`)},
		"b.js":  {Path: "assets/b.1.js", Data: []byte(`var s="</script>"`)},
		"c.js":  {Path: "assets/c.1.js", Data: []byte(`var s="<!--"`)},
		"d.png": {Path: "assets/d.1.png", Data: []byte("png")},
	}}
	for _, name := range []string{"a.css", "b.js", "c.js", "d.png", "missing.css"} {
		if _, err := c.Inline(name); err == nil {
			t.Errorf("Inline(%q) = no error", name)
		}
	}
	if got, err := c.DataURL("d.png"); err != nil || !bytes.HasPrefix([]byte(got), []byte("data:application/octet-stream;base64,")) {
		t.Errorf("DataURL = %q, %v", got, err)
	}
}
