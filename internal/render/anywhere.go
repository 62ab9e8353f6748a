package render

import (
	"bytes"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"net/url"
	"path"
	"strings"

	cssparse "github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"

	"github.com/gzgov/nansha-microsite/internal/minify"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// A page of a kind shown anywhere (PageKind.Anywhere: the 404 page) is sent
// by a web server for any address it has no file for — /x.html,
// /measures/xx/yy.html, /nansha3/zh-hans/a/b — so no relative path on it
// leads where it would from its own file. Such a page:
//
//   - leads from the site's folder on the server, as a path from the host's
//     root: base_url's path ("/nansha3/index.html"), or "/" without a
//     base_url ("/index.html"); never from base_url's host, which may be
//     another server's (production's, seen from a staging copy);
//   - carries its style sheet, its scripts and its icon itself (Inline,
//     DataURL), so that it is styled wherever it is shown, and loads
//     nothing to be shown;
//   - carries a script (FindRoot) that, when the site is in another folder
//     than the one it leads from (no base_url and a site below the host's
//     root, or a copy in a staging folder), finds that folder and leads its
//     links from there. Without JavaScript, the links lead from the folder
//     above: right at the host's root, or where base_url says.

// anywhereRoot is the folder a page shown anywhere leads from: base_url's
// path, percent-encoded as in an address, or "/".
func anywhereRoot(s *site.Site) string {
	if u, err := url.Parse(s.BaseURL); err == nil && s.BaseURL != "" {
		if p := u.EscapedPath(); strings.HasSuffix(p, "/") {
			return p
		}
	}
	return "/"
}

// Anywhere reports whether a web server shows the page at any address it
// has no file for (PageKind.Anywhere): then the layouts give it its style
// sheet and scripts inline (Inline, DataURL, FindRoot) rather than by a
// link.
func (c Chrome) Anywhere() bool {
	anywhere := c.kind.anywhere()
	if c.part != nil {
		c.part.asked(func(o Chrome) bool { return o.kind.anywhere() == anywhere })
	}
	return anywhere
}

// Inline is the content of the asset name for a <style> or <script> of the
// page: template.CSS for a style sheet, its url()s leading from the page's
// root as its links do; template.JS for a script. It is an error for a
// file that would end the element early ("</style" in a style sheet).
func (c Chrome) Inline(name string) (any, error) {
	a, ok := c.assets[name]
	if !ok {
		return nil, &missingAssetError{name}
	}
	switch path.Ext(name) {
	case ".css":
		if containsFold(a.Data, "</style") {
			return nil, fmt.Errorf("inline: %s/%s holds \"</style\", which would end the <style> that carries it", site.AssetDir, name)
		}
		// The files it names (the large cursor) come with it as data:
		// URLs: from file:// the page cannot know where the site is
		// until its script has run, and a style sheet does not wait.
		published := make(map[string]Asset, len(c.assets))
		for _, a := range c.assets {
			published[a.Path] = a
		}
		return template.CSS(rebaseCSS(a.Data, path.Dir(a.Path), c.root, published)), nil
	case ".js":
		if containsFold(a.Data, "</script") || bytes.Contains(a.Data, []byte("<!--")) {
			return nil, fmt.Errorf("inline: %s/%s holds \"</script\" or \"<!--\", which would end or hide the <script> that carries it", site.AssetDir, name)
		}
		js, err := finalJS(a.Data)
		return template.JS(js), err
	}
	return nil, fmt.Errorf("inline: %s/%s is neither a style sheet (.css) nor a script (.js)", site.AssetDir, name)
}

// DataURL is the asset name as a data: URL, for an icon of a page that
// loads nothing.
func (c Chrome) DataURL(name string) (template.URL, error) {
	a, ok := c.assets[name]
	if !ok {
		return "", &missingAssetError{name}
	}
	return template.URL(dataURL(name, a.Data)), nil
}

// dataURL is the file name's bytes data as a data: URL.
func dataURL(name string, data []byte) string {
	mt := minify.MediaType(name)
	if mt == "" {
		mt = "application/octet-stream"
	}
	return "data:" + mt + ";base64," + base64.StdEncoding.EncodeToString(data)
}

// FindRoot is the script (anywhere.js) that leads the page's links from the
// folder the site is in, when that is not the one they lead from; its
// marker is the smallest of the site's assets. It must come after every
// link of the page: at the end of <body>.
func (c Chrome) FindRoot() (template.JS, error) {
	var marker *Asset
	for _, a := range c.assets {
		if marker == nil || len(a.Data) < len(marker.Data) || len(a.Data) == len(marker.Data) && a.Path < marker.Path {
			marker = &a
		}
	}
	if marker == nil {
		return "", fmt.Errorf("the page shown at any address needs a file in %s/ to find the site by", site.AssetDir)
	}
	// encoding/json writes <, > and & as \u escapes, on which no <script>
	// ends.
	args, err := json.Marshal([]string{c.root, c.prefix + c.pathText(), marker.Path, base64.StdEncoding.EncodeToString(marker.Data)})
	if err != nil {
		return "", err
	}
	// (function (root, own, marker, bytes) {…}) called with the array's
	// items, then minified: a few pages a site, each with its own call.
	src := string(bytes.TrimSpace(findRootSource)) + "(" + string(args[1:len(args)-1]) + ");"
	js, err := finalJS([]byte(src))
	return template.JS(js), err
}

// finalJS is the script src minified as the page minifier leaves it: the
// build's pages are final as rendered, and the minifier's second pass over
// a script renames its variables anew (the third keeps them).
func finalJS(src []byte) ([]byte, error) {
	m := minify.New()
	// A copy: the minifier's input may be written to, and src is an
	// asset's bytes, which the site publishes too.
	once, err := m.Bytes("application/javascript", bytes.Clone(src))
	if err != nil {
		return nil, err
	}
	return m.Bytes("application/javascript", once)
}

//go:embed anywhere.js
var findRootSource []byte

// rebaseCSS rewrites the relative url()s of a style sheet published in the
// folder dir: one naming a file of published (by its path from the site
// root) becomes that file as a data: URL, any other leads from root, as
// url(<root><path>): in a <style> they would be resolved from the address
// the page is shown at. Any other url() (data:, absolute, or one holding a
// quote or backslash) is left as it is.
func rebaseCSS(src []byte, dir, root string, published map[string]Asset) []byte {
	if !bytes.Contains(src, []byte("url(")) && !bytes.Contains(src, []byte("URL(")) {
		return src
	}
	var out bytes.Buffer
	lex := css.NewLexer(cssparse.NewInputBytes(bytes.Clone(src))) // the lexer may write into its input
	for {
		tt, data := lex.Next()
		if tt == css.ErrorToken {
			return out.Bytes()
		}
		if tt == css.URLToken {
			if to, ok := rebaseURL(data, dir, root, published); ok {
				out.WriteString(to)
				continue
			}
		}
		out.Write(data)
	}
}

// rebaseURL is the url() token data leading from root, if it is relative.
func rebaseURL(data []byte, dir, root string, published map[string]Asset) (string, bool) {
	ref := strings.TrimSpace(string(data[len("url(") : len(data)-1]))
	if len(ref) >= 2 && (ref[0] == '"' || ref[0] == '\'') && ref[len(ref)-1] == ref[0] {
		ref = ref[1 : len(ref)-1]
	}
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") || strings.ContainsAny(ref, "\"\\\n") {
		return "", false
	}
	u.Path = path.Join(dir, u.Path)
	if a, ok := published[u.Path]; ok && u.RawQuery == "" && u.Fragment == "" {
		return "url(" + dataURL(a.Path, a.Data) + ")", true
	}
	to := root + strings.TrimPrefix(u.String(), "./")
	// Unquoted when it can be, as the minifier writes it: the page is
	// minified after and must come out the same.
	if strings.ContainsAny(to, "()'\" \t") {
		return `url("` + to + `")`, true
	}
	return "url(" + to + ")", true
}

// containsFold reports whether b holds s (ASCII, lower case) in any case.
func containsFold(b []byte, s string) bool {
	return bytes.Contains(bytes.ToLower(b), []byte(s))
}
