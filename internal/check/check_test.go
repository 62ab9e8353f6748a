package check

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// page returns a valid page with body inside <main>, at depth given by root
// ("" or "../").
func page(root, head, body string) string {
	return `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><title>T</title>` +
		`<meta name="description" content="D"><link rel="stylesheet" href="` + root + `assets/site.css">` + head +
		`</head><body><main id="main"><h1>H</h1>` + body + `</main></body></html>`
}

// site returns a valid two-page site with the given files added or replaced.
func site(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"index.html":       {Data: []byte(page("", "", `<a href="measures/01.html#text">1</a>`))},
		"measures/01.html": {Data: []byte(page("../", "", `<p id="text">x</p><a href="../index.html">home</a>`))},
		"assets/site.css":  {Data: []byte(`body{background:url(bg.png)}`)},
		"assets/bg.png":    {Data: []byte("png")},
	}
	for name, data := range files {
		if data == "" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func TestSite(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // "" deletes the file
		want  []string
	}{
		{"valid", nil, nil},
		{"missing file", map[string]string{"index.html": page("", "", `<a href="measures/02.html">2</a>`)},
			[]string{`index.html: <a href="measures/02.html">: no such file: measures/02.html`}},
		{"missing anchor", map[string]string{"index.html": page("", "", `<a href="measures/01.html#nowhere">1</a><a href="#main">main</a><a href="#gone">x</a>`)},
			[]string{
				`index.html: <a href="measures/01.html#nowhere">: no element with id "nowhere" in measures/01.html`,
				`index.html: <a href="#gone">: no element with id "gone" in index.html`,
			}},
		{"bare directory", map[string]string{"index.html": page("", "", `<a href="measures/">all</a><a href="measures">all</a>`)},
			[]string{
				`index.html: <a href="measures/">: a bare directory (measures/): from file:// that lists the folder instead of a page; link the file`,
				`index.html: <a href="measures">: a bare directory (measures/): from file:// that lists the folder instead of a page; link the file`,
			}},
		{"absolute path", map[string]string{"index.html": page("", "", `<img src="/assets/bg.png" alt="">`)},
			[]string{`index.html: <img src="/assets/bg.png">: absolute path: breaks when the site is opened from a folder (file://) or published below the server's root`}},
		{"outside the site", map[string]string{"index.html": page("", "", `<a href="../other/index.html">x</a>`)},
			[]string{`index.html: <a href="../other/index.html">: points outside the site`}},
		{"external script", map[string]string{"index.html": page("", `<script src="https://cdn.example.com/x.js" defer></script>`, "")},
			[]string{`index.html: <script src="https://cdn.example.com/x.js">: loaded from outside the site: every script, style sheet, image, font and frame must be a file of the site`}},
		{"external style, font, image and frame", map[string]string{
			"index.html": page("", `<link rel="stylesheet" href="//fonts.example.com/css"><link rel="preconnect" href="https://fonts.example.com">`,
				`<img srcset="a.png 1x, https://img.example.com/b.png 2x" src="assets/bg.png" alt=""><iframe src="https://map.example.com/" title="m"></iframe><p style="background:url('https://img.example.com/c.png')">x</p>`),
			"assets/site.css": `@import "https://fonts.example.com/f.css";@font-face{src:url(https://fonts.example.com/f.woff2)}`,
		}, []string{
			`assets/site.css: url("https://fonts.example.com/f.css"): loaded from outside the site: every script, style sheet, image, font and frame must be a file of the site`,
			`assets/site.css: url("https://fonts.example.com/f.woff2"): loaded from outside the site: every script, style sheet, image, font and frame must be a file of the site`,
			`index.html: <link href="//fonts.example.com/css">: loaded from outside the site: every script, style sheet, image, font and frame must be a file of the site`,
			`index.html: <link href="https://fonts.example.com">: loaded from outside the site: every script, style sheet, image, font and frame must be a file of the site`,
			`index.html: <img srcset="a.png">: no such file: a.png`,
			`index.html: <img srcset="https://img.example.com/b.png">: loaded from outside the site: every script, style sheet, image, font and frame must be a file of the site`,
			`index.html: <iframe src="https://map.example.com/">: loaded from outside the site: every script, style sheet, image, font and frame must be a file of the site`,
			`index.html: <p style> url("https://img.example.com/c.png"): loaded from outside the site: every script, style sheet, image, font and frame must be a file of the site`,
		}},
		{"missing CSS url", map[string]string{"assets/bg.png": ""},
			[]string{`assets/site.css: url("bg.png"): no such file: assets/bg.png`}},
		{"style element", map[string]string{"index.html": page("", `<style>h1{background:url("assets/none.png")}</style>`, "")},
			[]string{`index.html: <style> url("assets/none.png"): no such file: assets/none.png`}},
		{"page without h1", map[string]string{"measures/01.html": strings.Replace(page("../", "", `<p id="text">x</p>`), "<h1>H</h1>", "", 1)},
			[]string{`measures/01.html: <h1>: missing: every page needs exactly one <h1>, its main heading`}},
		{"two h1", map[string]string{"index.html": page("", "", `<a href="measures/01.html">1</a><h1>again</h1>`)},
			[]string{`index.html: <h1>: 2 of them: every page needs exactly one <h1>, its main heading`}},
		{"no lang, title or description", map[string]string{"index.html": `<!doctype html><html><head></head><body><h1>H</h1><a href="measures/01.html">1</a></body></html>`},
			[]string{
				`index.html: <html>: no lang attribute: screen readers and search engines need the page's language (lang="zh-Hant")`,
				`index.html: <title>: missing: browsers, bookmarks and search results show the page's title`,
				`index.html: <meta name="description">: missing: search engines and the portal show it as the page's summary`,
			}},
		{"empty lang, title and description", map[string]string{"index.html": `<!doctype html><html lang=""><head><title> </title><meta name="description" content=" "></head><body><h1>H</h1></body></html>`},
			[]string{
				`index.html: <html lang="">: empty: name the page's language`,
				`index.html: <title>: empty: browsers, bookmarks and search results show the page's title`,
				`index.html: <meta name="description">: empty content: search engines and the portal show it as the page's summary`,
			}},
		{"links out are listed, not problems", map[string]string{"index.html": page("", `<link rel="icon" href="data:,">`,
			`<a href="https://www.gz.gov.cn/">portal</a><a href="mailto:a@example.com">mail</a><a href="measures/01.html">1</a>`)}, nil},
		{"own address resolves like a server", map[string]string{
			"index.html": page("", `<link rel="canonical" href="https://www.example.gov.cn/site/">`, `<a href="measures/01.html">1</a>`),
			"404.html": page("https://www.example.gov.cn/site/", "",
				`<a href="https://www.example.gov.cn/site/">home</a><a href="https://www.example.gov.cn/site/measures/01.html#text">1</a><a href="https://www.example.gov.cn/site/measures/09.html">9</a>`),
		}, []string{`404.html: <a href="https://www.example.gov.cn/site/measures/09.html">: no such file: measures/09.html`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblems(t, site(tt.files), tt.want)
		})
	}
}

func TestSiteListsLinksOut(t *testing.T) {
	r, err := Site(site(map[string]string{"index.html": page("", "",
		`<a href="measures/01.html">1</a><a href="https://www.gz.gov.cn/">portal</a><a href="mailto:a@example.com">mail</a>`)}))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range r.External {
		got = append(got, l.String())
	}
	want := []string{`index.html: <a href="https://www.gz.gov.cn/">`, `index.html: <a href="mailto:a@example.com">`}
	if !slices.Equal(got, want) {
		t.Errorf("links out: %q, want %q", got, want)
	}
	if r.Pages != 2 || r.Styles != 1 {
		t.Errorf("read %d pages and %d style sheets, want 2 and 1", r.Pages, r.Styles)
	}
}

// wantProblems checks the site and wants exactly the problems want, in order.
func wantProblems(t *testing.T, fsys fstest.MapFS, want []string) {
	t.Helper()
	r, err := Site(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range r.Problems {
		got = append(got, p.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
