package check

import (
	"net/url"
	"path"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/l10n"
	sitepath "github.com/gzgov/nansha-microsite/internal/site"
)

// A web server shows the site's 404 page at any address it has no file
// for: at /x.html and at /measures/xx/yy.html alike, where a relative path
// leads elsewhere. So that page, and its other editions, lead from the
// site's folder on the server (base_url's path, or "/" without a base_url)
// and load nothing from base_url's host, which may be another server's
// (production's, seen from a staging copy).

// shownAnywhere returns the pages a web server shows at any address: the
// site's 404.html, and each page named so that a page named so links by a
// path leading from the site's folder, in an <a> (its language switch) or
// a <link> (rel="alternate", which the build writes only with base_url):
// the other editions of the 404 page (zh-hans/404.html), which lead from
// there as no other page does. A page elsewhere that only has the name
// (measures/404.html, a measure's) is an ordinary page. c.mu is held.
func (c *Collector) shownAnywhere() map[string]bool {
	s := &c.s
	shown := map[string]bool{}
	if s.isFile(sitepath.NotFoundPath) {
		shown[sitepath.NotFoundPath] = true
	}
	for name, entries := range c.checked {
		if path.Base(name) != sitepath.NotFoundPath {
			continue
		}
		for _, e := range entries {
			v := e.ref.Value
			if e.pending != anywhere || (e.ref.Tag != "link" && e.ref.Tag != "a") || e.ref.Fetched || !strings.HasPrefix(v, s.root) || strings.HasPrefix(v, "//") {
				continue
			}
			if u, err := url.Parse(strings.TrimPrefix(v, s.root)); err == nil {
				if t := path.Clean(u.Path); path.Base(t) == sitepath.NotFoundPath && s.isFile(t) {
					shown[t] = true
				}
			}
		}
	}
	return shown
}

// anywhereRef checks a reference of a page shown at any address: a
// fragment of the page itself, inline data, a link out, or a path from the
// site's folder to a file of the site; nothing relative, and nothing loaded
// from the site's own address.
func (r *Report) anywhereRef(s *siteFiles, from string, ref Ref) {
	v := ref.Value
	msg := ""
	switch {
	case strings.HasPrefix(v, "#"):
		msg = s.resolve(from, v)
	case s.base != "" && strings.HasPrefix(v, s.base) && ref.Fetched:
		msg = l10n.Sprintf("loaded from the site's address: a copy on another server (staging) would load it from there; lead it from the site's folder, %s", s.root)
	case strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "//"):
		if rest, ok := strings.CutPrefix(v, s.root); ok { // the path from the site's folder
			msg = s.resolveServed(rest)
		} else {
			msg = l10n.Sprintf("outside the site's folder on the server, %s", s.root)
		}
	case External(v):
		r.ref(s, from, ref)
		return
	default:
		if msg = s.resolve(from, v); msg == "" {
			msg = l10n.Sprintf("a relative path on the page a server shows at any address it has no file for: from /measures/xx/yy.html it leads to /measures/xx/…; lead it from the site's folder, %s", s.root)
		}
	}
	if msg != "" {
		r.Problems = append(r.Problems, Problem{Page: from, Tag: ref.Tag, Attr: ref.Attr, Value: v, Msg: msg}.Diag())
	}
}
