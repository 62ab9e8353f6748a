package serve

import (
	"html/template"

	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
)

// errorReport is what the error page shows: the problems of a failed build,
// as the terminal shows them (diag.Print), from the same diag.Errors.
type errorReport struct {
	Lang     string // of the words: the editor's language
	Title    string
	Heading  string
	Summary  string
	Problems []problem
}

// problem is one problem as the error page shows it.
type problem struct {
	Pos  string // file:line:col, or "" when the problem has no place
	Msg  string // with the pages it was met on
	Line string // the line it is on, or ""
	// Before is the text of Line before the column, when there is a
	// caret: shown hidden in front of the caret, it puts it under the
	// column whatever widths the browser's fonts give CJK text and tabs.
	Before string
	Caret  bool
}

// newErrorReport is the error page's report of a failed build's error.
func newErrorReport(err error) errorReport {
	list := diag.Problems(err)
	r := errorReport{
		Lang:    l10n.Current().String(),
		Title:   l10n.Sprintf("Build error · microsite serve"),
		Heading: l10n.Sprintf("The site could not be built"),
		Summary: diag.PreviewPage().Summary(len(list)),
	}
	for _, e := range list {
		r.Problems = append(r.Problems, problem{
			Pos:    e.Pos.String(),
			Msg:    e.Message(),
			Line:   e.Line(),
			Before: e.Before(),
			Caret:  e.Text != "" && e.Pos.Col > 0,
		})
	}
	return r
}

// errorPage is what every page shows while the sources do not build. It is
// the server's own page, not the site's: it must work when the layouts are
// what is broken, so it uses none of them and no asset.
var errorPage = template.Must(template.New("error").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<link rel="icon" href="data:,">
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fff8f6;color:#1a1a1a}
main{max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{color:#a01010;font-size:1.5rem}
li{margin:0 0 1.25rem}
.pos{font-weight:bold}
pre{background:#fff;border:1px solid #e4c4c0;padding:.5rem .75rem;overflow-x:auto;font:15px/1.4 monospace}
.before{visibility:hidden}
.caret{color:#a01010;font-weight:bold}
.before,.caret{user-select:none}
</style>
</head>
<body>
<main>
<h1>{{.Heading}}</h1>
<p>{{.Summary}}</p>
<ol class="errors">
{{- range .Problems}}
<li>{{with .Pos}}<span class="pos">{{.}}</span>: {{end}}<span class="msg">{{.Msg}}</span>
{{- if .Line}}<pre>{{.Line}}{{if .Caret}}
<span class="before" aria-hidden="true">{{.Before}}</span><span class="caret" aria-hidden="true">^</span>{{end}}</pre>{{end}}</li>
{{- end}}
</ol>
</main>
</body>
</html>
`))
