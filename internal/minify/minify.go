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
}

// New returns the registry.
func New() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{
		// Keep what validators and old browsers expect of a government
		// site: the doctype, <html>/<head>/<body>, and quotes around
		// attribute values are cheap after gzip.
		KeepDocumentTags: true,
		KeepEndTags:      true,
		KeepQuotes:       true,
	})
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
	return &Minifier{m: m}
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
