package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// partsRenderer renders base.html (the page's path, then a shared part) with
// the shared part given.
func partsRenderer(t *testing.T, part string) *Renderer {
	t.Helper()
	fsys := fstest.MapFS{
		BaseLayout: {Data: []byte(`{{.Path}}|{{shared "part" .Chrome}}{{define "part"}}` + part + `{{end}}`)},
	}
	for _, k := range Kinds {
		fsys[LayoutDir+"/"+string(k.Kind)+".html"] = &fstest.MapFile{}
	}
	l, err := New(fsys, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := l.For(map[string]string{"here": "此頁"})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestSharedPartPerPage renders shared parts for pages in turn, in an order
// that reuses each rendering, and wants each page to get what a part
// rendered for it alone gives: its own path, its own aria-current.
func TestSharedPartPerPage(t *testing.T) {
	s := &site.Site{Editions: []*site.Edition{{Language: "zh-Hant", Label: "繁"}, {Language: "zh-Hans", Label: "简", Path: "zh-hans"}}}
	tests := []struct {
		name, part string
		want       map[string]string // page path → the whole page
	}{
		{
			"path in text and attributes",
			`<a href="{{href . .Path}}" title="{{.Path}}">{{.Path}}</a>`,
			map[string]string{
				"measures/01.html": `measures/01.html|<a href="../measures/01.html" title="measures/01.html">measures/01.html</a>`,
				"measures/02.html": `measures/02.html|<a href="../measures/02.html" title="measures/02.html">measures/02.html</a>`,
				"measures/03.html": `measures/03.html|<a href="../measures/03.html" title="measures/03.html">measures/03.html</a>`,
			},
		},
		{
			"alternates",
			`{{range .Alternates}}<a href="{{.Href}}"{{if .Current}} aria-current="true"{{end}}>{{.Label}}</a>{{end}}`,
			map[string]string{
				"measures/01.html": `measures/01.html|<a href="../measures/01.html" aria-current="true">繁</a><a href="../zh-hans/measures/01.html">简</a>`,
				"measures/02.html": `measures/02.html|<a href="../measures/02.html" aria-current="true">繁</a><a href="../zh-hans/measures/02.html">简</a>`,
			},
		},
		{
			"current",
			`<a href="{{.Rel "a/x.html"}}"{{if .Current "a/x.html"}} aria-current="page"{{end}}>{{t "here"}}</a>`,
			map[string]string{
				"a/w.html": `a/w.html|<a href="../a/x.html">此頁</a>`,
				"a/x.html": `a/x.html|<a href="../a/x.html" aria-current="page">此頁</a>`,
				"a/y.html": `a/y.html|<a href="../a/x.html">此頁</a>`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := partsRenderer(t, tt.part)
			for range 2 { // the second round finds every rendering made
				// In the map's order, which varies from run to run: each
				// page must get its own whatever came before it.
				for path, want := range tt.want {
					got, err := r.Bytes(&Page{Kind: Measure, Path: path, Site: s})
					if err != nil {
						t.Fatal(err)
					}
					if string(got) != want {
						t.Errorf("%s:\n got %s\nwant %s", path, got, want)
					}
				}
			}
		})
	}
}

// TestSharedPartKind checks that a part that asks the page's kind is kept
// for the pages of that kind (or, asked whether it is an article, for the
// pages that answer alike), and one that asks nothing for every page.
func TestSharedPartKind(t *testing.T) {
	pages := map[Kind]string{Measure: "measures/01.html", Category: "categories/trade.html", Unit: "units/x.html"}
	tests := []struct {
		part string
		want map[Kind]string
	}{
		{`{{.Kind}}`, map[Kind]string{Measure: "measure", Category: "category", Unit: "unit"}},
		{`{{if .Article}}article{{else}}list{{end}}`, map[Kind]string{Measure: "article", Category: "list", Unit: "list"}},
		{`{{.Rel "x.html"}}`, map[Kind]string{Measure: "../x.html", Category: "../x.html", Unit: "../x.html"}},
	}
	s := &site.Site{} // one edition: the parts are kept for its pages
	for _, tt := range tests {
		r := partsRenderer(t, tt.part)
		for range 2 {
			for kind, path := range pages { // in varying order
				got, err := r.Bytes(&Page{Kind: kind, Path: path, Site: s})
				if err != nil {
					t.Fatal(err)
				}
				if want := path + "|" + tt.want[kind]; string(got) != want {
					t.Errorf("%s, %s page: got %s, want %s", tt.part, kind, got, want)
				}
			}
		}
	}
}

// TestSharedPartPathCompared checks that a shared part cannot compare the
// path, which it sees as a placeholder: the comparison would hold for the
// page rendered first and be reused for the others.
func TestSharedPartPathCompared(t *testing.T) {
	r := partsRenderer(t, `{{if eq .Path "measures/01.html"}}here{{end}}`)
	_, err := r.Bytes(&Page{Kind: Measure, Path: "measures/01.html", Site: &site.Site{}})
	if err == nil || !strings.Contains(err.Error(), "eq") {
		t.Fatalf("Render = %v, want eq to fail on the path", err)
	}
}

// TestSharedPartEscapedPath checks that a shared part that shows the path
// where html/template would change it is an error, not a wrong page.
func TestSharedPartEscapedPath(t *testing.T) {
	r := partsRenderer(t, `<script>var page = "{{.Path}}";</script>`)
	_, err := r.Bytes(&Page{Kind: Measure, Path: "measures/01.html", Site: &site.Site{}})
	if err == nil || !strings.Contains(err.Error(), `shared part "part" shows the page's path where html/template escapes it`) {
		t.Fatalf("Render = %v, want the escaped path reported", err)
	}
}

// TestSharedPartTextHoldsPlaceholder renders a shared part that shows the
// site's title and the page's path, with titles that hold the path's
// placeholder (or its start): each page must get its own path and the title
// as written, and no error blames the layouts.
func TestSharedPartTextHoldsPlaceholder(t *testing.T) {
	titles := []string{
		"zq0-path_hole/x9.zq", // the placeholder before it was chosen anew for each part
		pathHole,
		pathHole + " and " + pathHole + "1",
		"zq0-path_hole/x9.", // the start of the old one, right before the path
		"zq0-path_hole/x9.zq0-path_hole/x9.q",
	}
	for _, title := range titles {
		t.Run(title, func(t *testing.T) {
			r := partsRenderer(t, `{{.Site.Title}}<a href="{{href . .Path}}">{{.Path}}</a>`)
			s := &site.Site{Title: title}
			for range 2 {
				for _, path := range []string{"measures/01.html", "measures/02.html", "categories/trade.html"} {
					got, err := r.Bytes(&Page{Kind: Measure, Path: path, Site: s})
					if err != nil {
						t.Fatalf("%s: %v", path, err)
					}
					if want := path + "|" + title + `<a href="../` + path + `">` + path + `</a>`; string(got) != want {
						t.Errorf("%s:\n got %s\nwant %s", path, got, want)
					}
				}
			}
		})
	}
}

func TestPlaceholderFor(t *testing.T) {
	tests := []struct{ html, want string }{
		{"", pathHole},
		{"<p>title</p>", pathHole},
		{pathHole, pathHole + "1"},
		{pathHole + "1 " + pathHole, pathHole + "2"},
	}
	for _, tt := range tests {
		if got := placeholderFor(tt.html); got != tt.want {
			t.Errorf("placeholderFor(%q) = %q, want %q", tt.html, got, tt.want)
		}
	}
	if strings.Count(pathHole, pathHole[:1]) != 1 {
		t.Errorf("pathHole %q holds its first character twice: two occurrences could overlap", pathHole)
	}
}
