package render

import (
	"os"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// TestLayoutRules makes each mistake checkRules refuses in layouts that
// otherwise parse: New reports it at its place in the layout as written,
// column in characters; what is allowed passes.
func TestLayoutRules(t *testing.T) {
	const base = "<!doctype html>\n<title>{{block \"title\" .}}{{end}}</title>\n" +
		"{{shared \"header\" .Chrome}}\n{{block \"main\" .}}{{end}}\n{{shared \"footer\" .Chrome}}\n" +
		"{{define \"header\"}}<header>{{template \"prefs\" .}}</header>{{end}}\n" +
		"{{define \"prefs\"}}<p>設置</p>{{end}}\n" +
		"{{define \"footer\"}}<footer>{{.Site.Title}}</footer>{{end}}\n"
	tests := []struct {
		name string
		base string            // base.html; base when ""
		kind map[string]string // a kind's layout file → its text
		want string            // the whole error; "" for none
	}{
		{name: "a kind fills the blocks and has parts of its own",
			kind: map[string]string{"measure.html": "{{define \"title\"}}T{{end}}\n{{define \"main\"}}{{template \"mine\" .}}{{end}}\n{{define \"mine\"}}m{{end}}\n"}},
		{name: "a kind redefines a shared part",
			kind: map[string]string{"measure.html": "{{define \"main\"}}m{{end}}\n{{- define \"footer\"}}<footer>x</footer>{{end}}\n"},
			want: `layouts/measure.html:2:1: "footer" is a shared part of base.html (or runs in one), which every page shows as base.html defines it: this definition would be ignored; give it another name, or change it in layouts/base.html`},
		{name: "a kind redefines what a shared part runs",
			kind: map[string]string{"unit.html": "<!-- 單位 -->{{define \"prefs\"}}p{{end}}"},
			want: `layouts/unit.html:1:12: "prefs" is a shared part of base.html (or runs in one), which every page shows as base.html defines it: this definition would be ignored; give it another name, or change it in layouts/base.html`},
		{name: "the home page's layout redefines a shared part",
			kind: map[string]string{"home.html": "{{block \"header\" .}}h{{end}}"},
			want: `layouts/home.html:1:1: "header" is a shared part of base.html (or runs in one), which every page shows as base.html defines it: this definition would be ignored; give it another name, or change it in layouts/base.html`},
		{name: "a shared part defined in a kind's layout only",
			kind: map[string]string{"measure.html": "{{define \"main\"}}{{shared \"mpart\" .Chrome}}{{end}}\n\n{{define \"mpart\"}}x{{end}}\n"},
			want: `layouts/measure.html:3:1: shared part "mpart" is defined in a page kind's layout: shared parts run from base.html, for the pages of every kind: define it in layouts/base.html`},
		{name: "a shared part defined nowhere",
			base: strings.Replace(base, "{{shared \"footer\" .Chrome}}", "<p>說明</p>{{shared \"fotter\" .Chrome}}", 1),
			want: `layouts/base.html:5:12: shared part "fotter" is not defined in layouts/base.html`},
		{name: "a shared part runs a template base.html lacks",
			base: strings.Replace(base, "{{template \"prefs\" .}}", "{{template \"perfs\" .}}", 1),
			want: `layouts/base.html:6:28: template "perfs" runs in shared part "header", but layouts/base.html does not define it: shared parts run from base.html, for the pages of every kind`},
		{name: "a shared part named by a value",
			kind: map[string]string{"search.html": "{{define \"main\"}}{{shared .Title .Chrome}}{{end}}"},
			want: `layouts/search.html:1:20: shared: the part must be named by a quoted name, such as {{shared "footer" .Chrome}}`},
		{name: "a path the URL scheme lacks",
			kind: map[string]string{"table.html": "{{define \"main\"}}\n<a href=\"{{href . (path \"tabel\")}}\">表</a>{{end}}"},
			want: `layouts/table.html:2:20: path "tabel": the URL scheme has no path of that name (it has 404, data-csv, data-json, home, search, search-index, search-json, sitemap, table, units)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{BaseLayout: {Data: []byte(cmpOr(tt.base, base))}}
			for _, k := range Kinds {
				fsys[LayoutDir+"/"+string(k.Kind)+".html"] = &fstest.MapFile{}
			}
			for name, text := range tt.kind {
				fsys[LayoutDir+"/"+name] = &fstest.MapFile{Data: []byte(text)}
			}
			_, err := New(fsys, nil)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("New: %v", err)
			case tt.want != "" && (err == nil || err.Error() != tt.want):
				t.Fatalf("New = %v\nwant %s", err, tt.want)
			}
		})
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// TestKindsHaveLayouts holds the page kinds and the layouts together: every
// kind has its layout, layouts/<kind>.html, and every layout is base.html or
// a kind's.
func TestKindsHaveLayouts(t *testing.T) {
	entries, err := os.ReadDir("../../" + LayoutDir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		if path.Ext(e.Name()) == ".html" {
			files = append(files, e.Name())
		}
	}
	seen := map[Kind]bool{}
	for _, k := range Kinds {
		if seen[k.Kind] {
			t.Errorf("kind %s is in Kinds twice", k.Kind)
		}
		seen[k.Kind] = true
		if !slices.Contains(files, string(k.Kind)+".html") {
			t.Errorf("kind %s has no layout %s/%s.html", k.Kind, LayoutDir, k.Kind)
		}
		if k.Pages == nil || k.Texts == nil {
			t.Errorf("kind %s: Pages and Texts are required", k.Kind)
		}
	}
	for _, f := range files {
		if f != path.Base(BaseLayout) && !seen[Kind(strings.TrimSuffix(f, ".html"))] {
			t.Errorf("%s/%s is neither base.html nor the layout of a kind in Kinds", LayoutDir, f)
		}
	}
}

// TestPagePathRefused lists a kind whose pages have paths the shared parts'
// placeholder cannot carry: the list is an error naming the kind, the path
// and the character, before anything renders; rendering such a page by hand
// fails rather than show a wrong path.
func TestPagePathRefused(t *testing.T) {
	for _, tt := range []struct{ path, want string }{
		{"pairs/a+b.html", `page kind pair: the path "pairs/a+b.html" holds '+': a page's path may hold only a-z, 0-9, "-", "_", "." and "/", which shared parts show through a placeholder`},
		{"units/Customs.html", `page kind pair: the path "units/Customs.html" holds 'C': a page's path may hold only a-z, 0-9, "-", "_", "." and "/", which shared parts show through a placeholder`},
		{"", `page kind pair: a page without a path`},
	} {
		k := &PageKind{Kind: "pair", Pages: func(*site.Site) []*Page { return []*Page{{Path: tt.path}} }}
		if _, err := k.List(&site.Site{}); err == nil || err.Error() != tt.want {
			t.Errorf("List = %v\nwant %s", err, tt.want)
		}
	}
	r := partsRenderer(t, `<a href="{{href . .Path}}">{{.Path}}</a>`)
	_, err := r.Bytes(&Page{Kind: Measure, Path: "measures/Ü.html", Site: &site.Site{}})
	if err == nil || !strings.Contains(err.Error(), `shared part "part": the path "measures/Ü.html" holds 'Ü'`) {
		t.Errorf("Render = %v, want the path refused", err)
	}
}
