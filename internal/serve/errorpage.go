package serve

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/diag"
)

// problem is one error of a failed build, as the error page and the
// terminal show it.
type problem struct {
	Pos     string // file:line:column, or "" when the error has none
	Msg     string
	Excerpt string // the offending line with a caret under the column, or ""
}

// problems splits a build error into what to show.
func problems(err error) []problem {
	var list diag.List
	if errors.As(err, &list) {
		out := make([]problem, len(list))
		for i, e := range list {
			out[i] = problem{Pos: e.Pos.String(), Msg: e.Msg, Excerpt: e.Excerpt()}
		}
		return out
	}
	// Layout and other errors carry their file in the message already.
	var out []problem
	for line := range strings.SplitSeq(err.Error(), "\n") {
		out = append(out, problem{Msg: line})
	}
	return out
}

// report prints a failed build's errors in the terminal.
func report(w io.Writer, err error) {
	ps := problems(err)
	for _, p := range ps {
		line := p.Msg
		if p.Pos != "" {
			line = p.Pos + ": " + line
		}
		if p.Excerpt != "" {
			line += "\n" + p.Excerpt
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintf(w, "%d error(s): the browser shows them until the sources are fixed\n", len(ps))
}

// errorPage is what every page shows while the sources do not build. It is
// the server's own page, not the site's: it must work when the layouts are
// what is broken, so it uses none of them and no asset.
var errorPage = template.Must(template.New("error").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build error · microsite serve</title>
<link rel="icon" href="data:,">
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fff8f6;color:#1a1a1a}
main{max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{color:#a01010;font-size:1.5rem}
li{margin:0 0 1.25rem}
.pos{font-weight:bold}
pre{background:#fff;border:1px solid #e4c4c0;padding:.5rem .75rem;overflow-x:auto;font-size:15px}
</style>
</head>
<body>
<main>
<h1>The site could not be built</h1>
<p>{{len .}} error(s). Fix the file and save it: this page reloads by itself.</p>
<ol class="errors">
{{- range .}}
<li>{{with .Pos}}<span class="pos">{{.}}</span>: {{end}}<span class="msg">{{.Msg}}</span>
{{- with .Excerpt}}<pre>{{.}}</pre>{{end}}</li>
{{- end}}
</ol>
</main>
</body>
</html>
`))
