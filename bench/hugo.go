//go:build unix

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// writeHugoSite writes, in dir, a Hugo site equivalent to the microsite over
// the sources in corpus: it reads corpus's content/ and assets/ in place (Hugo
// reads the TOML front matter between +++ as is) and its site.toml as data.
//
// Its pages match the microsite's: one per measure, one per category and per
// lead unit (two taxonomies), the units index, the home page with the
// notice's text, the full table of measures with every text, and a 404 page
// (Hugo adds a list of the categories, which the microsite shows on its home
// page);
// plus a search JSON of every measure's plain text, and the CSS and icon
// minified and fingerprinted. The notice itself gets no page of its own, as
// in the microsite. The UI strings are inlined: Hugo's i18n would only add
// lookups.
func writeHugoSite(dir, corpus string) error {
	s, err := content.Load(os.DirFS(corpus))
	if err != nil {
		return err
	}
	config := fmt.Sprintf(hugoConfig, strconv.Quote(s.Language), strconv.Quote(hugoLanguage(s.Editions[0])), strconv.Quote(filepath.Join(corpus, "assets"))) +
		hugoLanguages(s.Editions, filepath.Join(corpus, "content"))
	files := map[string]string{"config.toml": config}
	for name, text := range hugoLayouts {
		files[filepath.Join("layouts", name)] = text
	}
	data, err := os.ReadFile(filepath.Join(corpus, content.SiteFile))
	if err != nil {
		return err
	}
	files[filepath.Join("data", "site.toml")] = string(data)
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// hugoConfig takes the language, its Hugo key (see hugoLanguage) and the
// assets folder; hugoLanguages follows it.
const hugoConfig = `baseURL = "https://example.org/"
languageCode = %s
defaultContentLanguage = %s
title = "microsite"
uglyURLs = true
relativeURLs = true
disableKinds = ["RSS", "sitemap", "robotsTXT"]

[taxonomies]
category = "category"
lead_unit = "lead_units"

[outputs]
home = ["HTML", "JSON"]

[markup.goldmark.parser]
autoHeadingID = true

# The notice is shown on the home page, not on a page of its own.
[[cascade]]
[cascade._build]
render = "never"
list = "never"
[cascade._target]
path = "/notice.md"

[[module.mounts]]
source = %s
target = "assets"
`

// hugoLanguage is the key of an edition's language in Hugo's
// configuration: Hugo puts a language other than the default in a folder of
// that name.
func hugoLanguage(e *site.Edition) string {
	if e.Path == "" {
		return strings.ToLower(e.Language)
	}
	return e.Path
}

// hugoLanguages is the configuration of one Hugo language per edition of
// the microsite, each over the same Markdown (content): the first at the
// root, the others in the edition's folder, as the microsite builds them.
// Hugo cannot convert the script, so its second language shows the source
// text: it does a little less than the microsite, not more.
func hugoLanguages(editions []*site.Edition, content string) string {
	var b strings.Builder
	key := hugoLanguage
	if len(editions) > 1 {
		// A table, not a key of the last table: [languages] says whose.
		fmt.Fprintf(&b, "[languages]\n")
		for i, e := range editions {
			fmt.Fprintf(&b, "[languages.%s]\nlanguageCode = %q\nlanguageName = %q\nweight = %d\n", key(e), e.Language, e.Label, i+1)
		}
	}
	for _, e := range editions {
		fmt.Fprintf(&b, "[[module.mounts]]\nsource = %q\ntarget = \"content\"\n", content)
		if len(editions) > 1 {
			fmt.Fprintf(&b, "lang = %q\n", key(e))
		}
	}
	return b.String()
}

// hugoLayouts are the layouts, by path under layouts/; each mirrors the
// microsite's layout of the same page kind.
var hugoLayouts = map[string]string{
	"_default/baseof.html": `<!doctype html>
<html lang="{{site.LanguageCode}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{$notice := site.GetPage "/notice"}}
<title>{{if .IsHome}}{{$notice.Title}}{{else}}{{.Title}}｜{{site.Data.site.title}}{{end}}</title>
{{with .Description}}<meta name="description" content="{{.}}">{{end}}
{{with resources.Get "favicon.svg" | minify | fingerprint}}<link rel="icon" href="{{.RelPermalink}}" type="image/svg+xml">{{end}}
{{with resources.Get "site.css" | minify | fingerprint}}<link rel="stylesheet" href="{{.RelPermalink}}">{{end}}
{{if site.IsMultiLingual}}{{range .AllTranslations}}<link rel="alternate" hreflang="{{.Language.Lang}}" href="{{.RelPermalink}}">
{{end}}{{end}}
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site-header">
<div class="wrap">
<p class="doc-number">{{$notice.Params.number}}</p>
{{if site.IsMultiLingual}}<ul class="editions" aria-label="語言版本">
{{- range .AllTranslations}}
<li><a href="{{.RelPermalink}}" hreflang="{{.Language.Lang}}" lang="{{.Language.Lang}}"{{if eq .Language $.Language}} aria-current="true"{{end}}>{{.Language.LanguageName}}</a></li>
{{- end}}
</ul>{{end}}
<p class="site-title"><a href="{{"index.html" | relLangURL}}">{{site.Data.site.title}}</a></p>
</div>
<nav class="site-nav" aria-label="網站導航">
<ul class="wrap">
<li><a href="{{"index.html" | relLangURL}}"{{if .IsHome}} aria-current="page"{{end}}>通知全文</a></li>
<li><a href="{{"measures.html" | relLangURL}}"{{if eq .RelPermalink "/measures.html"}} aria-current="page"{{end}}>經驗清單</a></li>
<li><a href="{{"lead_units.html" | relLangURL}}"{{if eq .RelPermalink "/lead_units.html"}} aria-current="page"{{end}}>牽頭單位</a></li>
</ul>
</nav>
</header>
{{block "crumbs" .}}{{end}}
<main id="main" class="wrap">
{{block "main" .}}{{end}}
</main>
<footer class="site-footer">
<div class="wrap">
<p>發文單位:{{$notice.Params.issuer}}</p>
<p>文號:{{$notice.Params.number}} · 成文日期:<time datetime="{{$notice.Date.Format "2006-01-02"}}">{{$notice.Date.Format "2006年1月2日"}}</time></p>
</div>
</footer>
</body>
</html>
`,
	"index.html": `{{define "main"}}
{{with site.GetPage "/notice"}}
<article class="notice">
<p class="doc-number">{{.Params.number}}</p>
<h1>{{.Title}}</h1>
<p class="addressees">{{.Params.addressees}}:</p>
{{.Content}}
<p class="attachment">附件:<a href="{{"measures.html" | relLangURL}}">{{.Params.attachment}}</a></p>
<p class="signature">{{.Params.issuer}}</p>
</article>
{{end}}
<section class="categories" aria-labelledby="categories">
<h2 id="categories">七個方面</h2>
<ol class="cards">
{{- range site.Data.site.categories}}
{{- $term := site.GetPage (printf "/category/%s" .slug)}}
<li class="card">
<h3><a href="{{$term.RelPermalink}}">{{.name}}</a> <span class="count">{{len $term.Pages}}項</span></h3>
<p>{{.summary}}</p>
</li>
{{- end}}
</ol>
</section>
{{end}}
`,
	// The search index: every measure's number, title, category, units,
	// address and plain text.
	"index.json": `{{- $items := slice -}}
{{- range where site.RegularPages "Section" "measures" -}}
{{- $items = $items | append (dict "n" .Params.number "t" .Title "c" .Params.category "u" .Params.lead_units "x" .Plain "p" .RelPermalink) -}}
{{- end -}}
{{- $items | jsonify -}}
`,
	"measures/single.html": `{{define "crumbs"}}
<nav class="crumbs wrap" aria-label="當前位置">
<ol>
<li><a href="{{"index.html" | relLangURL}}">首頁</a></li>
{{range .GetTerms "category"}}<li><a href="{{.RelPermalink}}">{{.Title}}</a></li>{{end}}
<li><a href="{{.RelPermalink}}" aria-current="page">第{{printf "%02d" .Params.number}}項</a></li>
</ol>
</nav>
{{end}}
{{define "main"}}
<article class="measure">
<p class="measure-number">第{{printf "%02d" .Params.number}}項</p>
<h1>{{.Title}}</h1>
<dl class="facts">
<dt>分類</dt><dd>{{range .GetTerms "category"}}<a href="{{.RelPermalink}}">{{.Title}}</a>{{end}}</dd>
<dt>牽頭單位</dt><dd><ul class="units">{{range .GetTerms "lead_units"}}<li><a href="{{.RelPermalink}}">{{.Title}}</a></li>{{end}}</ul></dd>
<dt>推廣范圍</dt><dd>{{.Params.scope}}</dd>
</dl>
<h2>實施內容</h2>
<div class="text">{{.Content}}</div>
</article>
<nav class="pager" aria-label="上一項 / 下一項">
{{with .PrevInSection}}<a class="prev" rel="prev" href="{{.RelPermalink}}"><span>上一項</span> {{.Title}}</a>{{end}}
{{with .NextInSection}}<a class="next" rel="next" href="{{.RelPermalink}}"><span>下一項</span> {{.Title}}</a>{{end}}
</nav>
{{end}}
`,
	// The measures section's page is the full table, with every text.
	"measures/list.html": `{{define "main"}}
{{$notice := site.GetPage "/notice"}}
<h1>{{$notice.Params.attachment}}</h1>
<div class="table-scroll" role="region" aria-labelledby="table-caption" tabindex="0">
<table class="measures">
<caption id="table-caption">{{$notice.Params.attachment}}</caption>
<thead><tr><th scope="col">分類</th><th scope="col">序號</th><th scope="col">項目名稱</th><th scope="col">實施內容</th><th scope="col">牽頭單位</th><th scope="col">推廣范圍</th></tr></thead>
{{- range site.Taxonomies.category}}
{{- $term := .Page}}
<tbody>
{{- range $i, $m := .Pages.ByParam "number"}}
<tr>{{if not $i}}<th scope="rowgroup"><a href="{{$term.RelPermalink}}">{{$term.Title}}</a></th>{{end}}
<td>{{$m.Params.number}}</td>
<th scope="row"><a href="{{$m.RelPermalink}}">{{$m.Title}}</a></th>
<td>{{$m.Content}}</td>
<td>{{range $j, $u := $m.GetTerms "lead_units"}}{{if $j}}、{{end}}<a href="{{$u.RelPermalink}}">{{$u.Title}}</a>{{end}}</td>
<td>{{$m.Params.scope}}</td></tr>
{{- end}}
</tbody>
{{- end}}
</table>
</div>
{{end}}
`,
	// A category's or a lead unit's page.
	"_default/term.html": `{{define "main"}}
<h1>{{.Title}} <span class="count">{{len .Pages}}項</span></h1>
<ol class="measure-list">
{{- range .Pages.ByParam "number"}}
<li><a href="{{.RelPermalink}}"><span class="num">{{printf "%02d" .Params.number}}</span> {{.Title}}</a>
<span class="meta">牽頭單位:{{range $i, $u := .Params.lead_units}}{{if $i}}、{{end}}{{$u}}{{end}}</span></li>
{{- end}}
</ol>
{{end}}
`,
	// The units index (and a list of the categories, which the microsite
	// has on its home page).
	"_default/taxonomy.html": `{{define "main"}}
<h1>{{.Title}}</h1>
<ul class="unit-list">
{{- range .Data.Terms.Alphabetical}}
<li><a href="{{.Page.RelPermalink}}">{{.Page.Title}}</a> <span class="count">{{.Count}}項</span></li>
{{- end}}
</ul>
{{end}}
`,
	// Never rendered (the notice's page is switched off), but Hugo warns
	// about a page kind without a layout.
	"_default/single.html": `{{define "main"}}{{.Content}}{{end}}
`,
	"404.html": `{{define "main"}}
<h1>找不到這個頁面</h1>
<p>您要找的頁面不存在或已移動。請從首頁或經驗清單繼續瀏覽。</p>
{{end}}
`,
}
