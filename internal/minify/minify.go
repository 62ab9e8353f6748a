// Package minify is the project's one tdewolff/minify registry: every HTML,
// CSS, JS, JSON, SVG and XML file the build writes passes through it.
package minify

import (
	"bytes"
	"io"
	"path"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Media types by file extension, for the files the build writes.
var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".xml":  "text/xml",
}

// Minifier minifies by media type. It is safe for concurrent use.
type Minifier struct {
	m *minify.M
	// layout minifies html/template sources (see Layout): the HTML
	// settings of the registry, with {{…}} actions left as they are.
	layout *html.Minifier
}

// htmlMinifier returns the settings of every HTML the registry minifies.
func htmlMinifier() *html.Minifier {
	return &html.Minifier{
		// Keep what validators and old browsers expect of a government
		// site: the doctype, <html>/<head>/<body>, and quotes around
		// attribute values are cheap after gzip.
		KeepDocumentTags: true,
		KeepEndTags:      true,
		KeepQuotes:       true,
	}
}

// New returns the registry.
func New() *Minifier {
	m := minify.New()
	m.Add("text/html", htmlMinifier())
	m.AddFunc("text/css", css.Minify)
	// Version: never rewrite scripts into syntax newer than ES2015 (left
	// alone, the minifier turns catch (e) {} into ES2019's catch {}, which
	// older in-app browsers, WeChat's among them, fail to parse at all).
	jsMin := &js.Minifier{Version: 2015}
	m.Add("application/javascript", jsMin)
	m.AddRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), jsMin)
	m.AddFunc("application/json", json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify) // application/ld+json
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	layout := htmlMinifier()
	layout.TemplateDelims = html.GoTemplateDelims
	return &Minifier{m: m, layout: layout}
}

// MediaType returns the media type the registry minifies files named name
// as, or "" when it leaves them alone.
func MediaType(name string) string { return mediaTypes[path.Ext(name)] }

// Minify minifies src of the given media type into w.
func (m *Minifier) Minify(mediaType string, w io.Writer, src []byte) error {
	return m.m.Minify(mediaType, w, bytes.NewReader(src))
}

// Bytes minifies src of the given media type.
func (m *Minifier) Bytes(mediaType string, src []byte) ([]byte, error) {
	return m.m.Bytes(mediaType, src)
}

// Layout minifies the source of an html/template layout, so that the pages
// it renders come out minified without minifying each page: the markup
// between actions is minified as any HTML; each {{…}} action, and each
// attribute value or script that holds one, is left as it is.
func (m *Minifier) Layout(src []byte) ([]byte, error) {
	src = templateComment.ReplaceAllFunc(src, emptyComment)
	var b bytes.Buffer
	b.Grow(len(src))
	if err := m.layout.Minify(m.m, &b, bytes.NewReader(src), nil); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// templateComment matches a Go template comment, {{/* … */}}, with its
// optional trim markers ({{- /* … */ -}}).
var templateComment = regexp.MustCompile(`(?s)\{\{(-[ \t\r\n])?/\*.*?\*/([ \t\r\n]-)?\}\}`)

// emptyComment is a template comment without its text, which the
// minifier's lexer would read as an action: an apostrophe in it ("the
// page's") opens a quoted string there, and the action then runs on to
// the next apostrophe, leaving everything between unminified. A comment
// with trim markers keeps them, as they trim the text around it; one
// without goes altogether.
func emptyComment(c []byte) []byte {
	left := bytes.HasPrefix(c, []byte("{{-"))
	right := bytes.HasSuffix(c, []byte("-}}"))
	switch {
	case left && right:
		return []byte("{{- /**/ -}}")
	case left:
		return []byte("{{- /**/}}")
	case right:
		return []byte("{{/**/ -}}")
	}
	return nil
}
