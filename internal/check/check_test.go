package check

import (
	"os"
	"path/filepath"
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
		{"external loads in inline SVG", map[string]string{"index.html": page("", "",
			`<svg viewBox="0 0 10 10" role="img"><title>s</title><image href="https://img.example.com/a.png"/>`+
				`<image xlink:href="https://img.example.com/b.png" width="1"></image><use xlink:href="https://img.example.com/c.svg#x"/>`+
				`<use href="#shape"/><path id="shape" d="M0 0"/><image href="assets/bg.png"/><image href="assets/none.png"/>`+
				`<a href="https://www.gz.gov.cn/"><text>portal</text></a><a xlink:href="#nowhere"><text>x</text></a>`+
				"<style>.s{fill:url(https://img.example.com/d.svg#g)}</style><style><![CDATA[.t{fill:url(\"assets/none2.png\")}]]></style>"+
				`<foreignObject><img src="https://img.example.com/e.png" alt=""></foreignObject></svg>`+
				`<a href="#shape">to the shape</a><math><mi href="https://www.gz.gov.cn/x">x</mi><mi id="m">y</mi></math><a href="#m">m</a>`)},
			[]string{
				`index.html: <image href="https://img.example.com/a.png">: loaded from outside the site: every script, style sheet, image, font and frame must be a file of the site`,
				`index.html: <image xlink:href="https://img.example.com/b.png">: loaded from outside the site: every script, style sheet, image, font and frame must be a file of the site`,
				`index.html: <use xlink:href="https://img.example.com/c.svg#x">: loaded from outside the site: every script, style sheet, image, font and frame must be a file of the site`,
				`index.html: <image href="assets/none.png">: no such file: assets/none.png`,
				`index.html: <a xlink:href="#nowhere">: no element with id "nowhere" in index.html`,
				`index.html: <style> url("https://img.example.com/d.svg#g"): loaded from outside the site: every script, style sheet, image, font and frame must be a file of the site`,
				`index.html: <style> url("assets/none2.png"): no such file: assets/none2.png`,
				`index.html: <img src="https://img.example.com/e.png">: loaded from outside the site: every script, style sheet, image, font and frame must be a file of the site`,
			}},
		{"refresh out of the site", map[string]string{"index.html": page("", `<meta http-equiv="refresh" content="0;url=https://evil.example/">`, "")},
			[]string{`index.html: <meta http-equiv="refresh" content="https://evil.example/">: sends the reader away from the site: a refresh must name a page of the site`}},
		{"refresh, spelled otherwise", map[string]string{"index.html": page("",
			`<META HTTP-EQUIV="Refresh" CONTENT="5; URL='//evil.example/x'"><meta http-equiv=refresh content="1.5 url = javascript:alert(1)">`+
				`<meta http-equiv="refresh" content="3,https://evil.example/y">`, "")},
			[]string{
				`index.html: <meta http-equiv="refresh" content="//evil.example/x">: sends the reader away from the site: a refresh must name a page of the site`,
				`index.html: <meta http-equiv="refresh" content="javascript:alert(1)">: sends the reader away from the site: a refresh must name a page of the site`,
				`index.html: <meta http-equiv="refresh" content="https://evil.example/y">: sends the reader away from the site: a refresh must name a page of the site`,
			}},
		{"refresh within the site", map[string]string{"index.html": page("",
			`<meta http-equiv="refresh" content="0; url=measures/01.html#text"><meta http-equiv="refresh" content="0;url=measures/02.html">`+
				`<meta http-equiv="refresh" content="30"><meta http-equiv="refresh" content="x; url=https://evil.example/">`+
				`<meta name="refresh" content="0;url=https://evil.example/">`, "")},
			[]string{`index.html: <meta http-equiv="refresh" content="measures/02.html">: no such file: measures/02.html`}},
		{"own address resolves like a server", map[string]string{
			"index.html": page("", `<link rel="canonical" href="https://www.example.gov.cn/site/">`, `<a href="measures/01.html">1</a>`),
			"search.html": page("", "",
				`<a href="https://www.example.gov.cn/site/">home</a><a href="https://www.example.gov.cn/site/measures/01.html#text">1</a><a href="https://www.example.gov.cn/site/measures/09.html">9</a>`),
		}, []string{`search.html: <a href="https://www.example.gov.cn/site/measures/09.html">: no such file: measures/09.html`}},
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
		got = append(got, p.Error())
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSymlinkOutOfSite checks a site on disk with symbolic links: one to a
// file outside it (a copy of the site would lack it, or publish that
// computer's file), one that climbs out, one to a folder outside, and one
// that stays inside, which is fine.
func TestSymlinkOutOfSite(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, site(map[string]string{"index.html": page("", "", `<a href="measures/01.html">1</a><a href="measures/same.html">s</a>`)})); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "secret.css")
	if err := os.WriteFile(outside, []byte("body{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"assets/passwd.css":  outside,
		"measures/up.html":   "../../index.html",
		"assets/etc":         filepath.Dir(outside),
		"measures/same.html": "01.html",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	r, err := Site(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range r.Problems {
		got = append(got, p.Error())
	}
	const why = ", outside the site: a copy or upload of the site would lack the file, or publish another computer's; put the file itself in the site"
	want := []string{
		"assets/etc: a symbolic link to " + filepath.Dir(outside) + why,
		"assets/passwd.css: a symbolic link to " + outside + why,
		"measures/up.html: a symbolic link to ../../index.html" + why,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRefreshURL reads <meta http-equiv="refresh"> contents as browsers do.
func TestRefreshURL(t *testing.T) {
	tests := []struct{ content, want string }{
		{"0;url=https://evil.example/", "https://evil.example/"},
		{"0; URL=a.html", "a.html"},
		{"5 url = 'a.html' ", "a.html"},
		{`5;url="a b.html"x`, "a b.html"},
		{"5;url='a.html", "a.html"},
		{"3,https://evil.example/", "https://evil.example/"},
		{"3 https://evil.example/", "https://evil.example/"},
		{".5;url=a.html", "a.html"},
		{"1.5.2; url=a.html", "a.html"},
		{"0;urlx.html", "urlx.html"},
		{"0;url", "url"},
		{"  \t0\n;\nurl=a.html", "a.html"},
		{"0", ""},
		{"0;", ""},
		{"0; url=", ""},
		{"", ""},
		{"x;url=a.html", ""},
		{"5x;url=a.html", ""},
		{"-1;url=a.html", ""},
	}
	for _, tt := range tests {
		if got := string(refreshURL([]byte(tt.content))); got != tt.want {
			t.Errorf("refreshURL(%q) = %q, want %q", tt.content, got, tt.want)
		}
	}
}
