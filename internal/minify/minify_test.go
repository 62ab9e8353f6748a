package minify

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
)

// layoutData is what the layouts of TestLayout are executed with.
type layoutData struct {
	Title, Href string
	Items       []string
	JSON        any
}

// TestLayout checks that a minified layout renders what the layout renders,
// once the page is minified: Layout may only drop what the page minifier
// would drop. want is the minified layout, to show what Layout does.
func TestLayout(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"markup between actions", "<ul>\n  <li>{{.Title}}</li>\n  <li>b</li>\n</ul>\n",
			"<ul><li>{{.Title}}</li><li>b</li></ul>"},
		{"text between actions keeps its spaces", `<nav aria-label="{{.Title}} / {{.Href}}"><p>{{.Title}} / {{.Href}} · {{.Title}}</p></nav>`,
			`<nav aria-label="{{.Title}} / {{.Href}}"><p>{{.Title}} / {{.Href}} · {{.Title}}</p></nav>`},
		{"an action in an attribute, with quotes", `<a href="{{printf "%s/x.html" .Href}}" class="a  b">{{.Title}}</a>`,
			`<a href="{{printf "%s/x.html" .Href}}" class="a b">{{.Title}}</a>`},
		{"an action between attributes", `<a href="x"{{if .Title}} aria-current="page"{{end}}>x</a>`,
			`<a href="x"{{if .Title}} aria-current="page"{{end}}>x</a>`},
		{"trim markers", "<ol>\n{{- range .Items}}\n<li>{{.}}</li>\n{{- end}}\n</ol> <p>a\n  {{- .Title -}}\n  b</p>",
			"<ol>{{- range .Items}}<li>{{.}}</li>{{- end}}</ol><p>a\n{{- .Title -}}\nb</p>"},
		// The minifier's lexer reads quotes inside actions as strings: an
		// apostrophe in a comment would swallow the markup after it.
		{"comments", "<p>a {{/* the page's title */}}{{.Title}}</p>\n{{- /* it's\n two lines */ -}}\n<p>  b  </p>\n{{- /* Council's */}}\n<p>c</p>",
			"<p>a {{.Title}}</p>{{- /**/ -}}<p>b</p>{{- /**/}}<p>c</p>"},
		{"define and block", "{{define \"x\"}}\n<p>\n{{.Title}}\n</p>\n{{end}}<div>{{block \"y\" .}}<p> {{.Href}} </p>{{end}}</div>{{template \"x\" .}}",
			"{{define \"x\"}}<p>{{.Title}}</p>{{end}}<div>{{block \"y\" .}}<p>{{.Href}}</p>{{end}}</div>{{template \"x\" .}}"},
		{"JSON-LD", `<head><script type="application/ld+json">{{.JSON}}</script></head>`,
			`<head><script type="application/ld+json">{{.JSON}}</script></head>`},
		{"spaces around an inline action", "<p><span>{{.Title}}</span> {{.Href}}\n<a href=\"x\">{{.Title}}</a> </p>",
			"<p><span>{{.Title}}</span> {{.Href}}\n<a href=\"x\">{{.Title}}</a></p>"},
	}
	m := New()
	data := layoutData{Title: "標題 <b>", Href: "a/b", Items: []string{"一", "二"}, JSON: map[string]any{"@type": "Legislation", "name": "a </script>"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := m.Layout([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("Layout:\n got %q\nwant %q", got, tt.want)
			}
			raw := m.page(t, tt.src, data)
			if min := m.page(t, string(got), data); !bytes.Equal(min, raw) {
				t.Errorf("the minified layout renders, minified:\n%s\nthe layout renders, minified:\n%s", min, raw)
			}
		})
	}
}

// page executes src as a layout with data and minifies the result.
func (m *Minifier) page(t *testing.T, src string, data layoutData) []byte {
	t.Helper()
	tmpl, err := template.New("page").Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, data); err != nil {
		t.Fatal(err)
	}
	out, err := m.Bytes("text/html", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return out
}
