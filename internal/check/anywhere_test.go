package check

import "testing"

// TestShownAnywhere checks the page a server shows at any address it has no
// file for (404.html, and its other editions): its references lead from
// the site's folder on the server, or are fragments, inline data or links
// out; a relative one, or one loaded from the site's own address, is a
// problem. A page that only has the name (a measure numbered 404) is an
// ordinary page.
func TestShownAnywhere(t *testing.T) {
	// notFound is a 404 page that leads from root, with its style inline.
	notFound := func(root, head, body string) string {
		return `<!doctype html><html lang="zh-Hant"><head><title>T</title><meta name="description" content="D">` +
			`<link rel="icon" href="data:image/svg+xml;base64,PHN2Zy8+"><style>h1{background:url("` + root + `assets/bg.png")}</style>` + head +
			`</head><body><a href="#main">skip</a><main id="main"><h1>H</h1><a href="` + root + `index.html">home</a>` + body + `</main></body></html>`
	}
	const canonical = `<link rel="canonical" href="https://www.example.gov.cn/site/">`
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"from the host's root", map[string]string{
			"404.html": notFound("/", "", `<a href="/measures/01.html#text">1</a><form action="/index.html"></form><a href="https://www.gz.gov.cn/">portal</a>`),
		}, nil},
		{"missing files and ids, from the host's root", map[string]string{
			"404.html": notFound("/", `<style>p{background:url("/assets/none.png")}</style>`,
				`<a href="/measures/09.html">9</a><a href="/measures/01.html#nowhere">1</a><a href="#gone">g</a>`),
		}, []string{
			`404.html: <style> url("/assets/none.png"): no such file: assets/none.png`,
			`404.html: <a href="/measures/09.html">: no such file: measures/09.html`,
			`404.html: <a href="/measures/01.html#nowhere">: no element with id "nowhere" in measures/01.html`,
			`404.html: <a href="#gone">: no element with id "gone" in 404.html`,
		}},
		{"relative", map[string]string{
			"404.html": notFound("/", `<link rel="stylesheet" href="assets/site.css">`, `<a href="measures/01.html">1</a><a href="gone.html">g</a>`),
		}, []string{
			`404.html: <link href="assets/site.css">: a relative path on the page a server shows at any address it has no file for: from /measures/xx/yy.html it leads to /measures/xx/…; lead it from the site's folder, /`,
			`404.html: <a href="measures/01.html">: a relative path on the page a server shows at any address it has no file for: from /measures/xx/yy.html it leads to /measures/xx/…; lead it from the site's folder, /`,
			`404.html: <a href="gone.html">: no such file: gone.html`,
		}},
		{"from base_url's folder", map[string]string{
			"index.html": page("", canonical, `<a href="measures/01.html">1</a>`),
			"404.html": notFound("/site/", "",
				`<a href="/site/measures/01.html#text">1</a><a href="https://www.example.gov.cn/site/measures/01.html">1</a><a href="/measures/01.html">x</a><a href="/site/measures/09.html">9</a>`),
		}, []string{
			`404.html: <a href="/measures/01.html">: outside the site's folder on the server, /site/`,
			`404.html: <a href="/site/measures/09.html">: no such file: measures/09.html`,
		}},
		{"loaded from the site's address", map[string]string{
			"index.html": page("", canonical, `<a href="measures/01.html">1</a>`),
			"404.html":   notFound("/site/", `<link rel="stylesheet" href="https://www.example.gov.cn/site/assets/site.css">`, ""),
		}, []string{
			`404.html: <link href="https://www.example.gov.cn/site/assets/site.css">: loaded from the site's address: a copy on another server (staging) would load it from there; lead it from the site's folder, /site/`,
		}},
		{"its other editions", map[string]string{
			"404.html":           notFound("/", `<link rel="alternate" hreflang="zh-Hans" href="/zh-hans/404.html">`, ""),
			"zh-hans/404.html":   notFound("/", "", `<a href="index.html">relative</a>`),
			"zh-hans/index.html": page("../", "", ""),
			// A measure numbered 404, and a page named so in an edition
			// the root 404 page does not name: ordinary pages.
			"measures/404.html": page("../", "", `<a href="01.html">1</a><a href="/index.html">root</a>`),
			"zh-hant/404.html":  page("../", "", `<a href="../index.html">1</a>`),
		}, []string{
			`measures/404.html: <a href="/index.html">: absolute path: breaks when the site is opened from a folder (file://) or published below the server's root`,
			`zh-hans/404.html: <a href="index.html">: a relative path on the page a server shows at any address it has no file for: from /measures/xx/yy.html it leads to /measures/xx/…; lead it from the site's folder, /`,
		}},
		// Without base_url the build writes no <link rel="alternate">
		// (a relative one fails search engines): the language switch
		// names the other edition.
		{"its other editions, by the language switch", map[string]string{
			"404.html":           notFound("/", "", `<a href="/zh-hans/404.html" hreflang="zh-Hans" lang="zh-Hans">简体</a>`),
			"zh-hans/404.html":   notFound("/", "", `<a href="index.html">relative</a>`),
			"zh-hans/index.html": page("../", "", ""),
		}, []string{
			`zh-hans/404.html: <a href="index.html">: a relative path on the page a server shows at any address it has no file for: from /measures/xx/yy.html it leads to /measures/xx/…; lead it from the site's folder, /`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantProblems(t, site(tt.files), tt.want)
		})
	}
}
