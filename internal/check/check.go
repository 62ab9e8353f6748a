package check

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/parallel"

	// The URL scheme; the tests name a site of their own "site".
	sitepath "github.com/gzgov/nansha-microsite/internal/site"
)

// Problem is one thing wrong with one file of the site, as the check finds
// it. A Report holds each as a *diag.Error (see Diag), as every problem the
// program reports is one.
type Problem struct {
	Page  string // the file's path in the site: "measures/03.html", "assets/site.css"
	Tag   string // the element; "" in a CSS file
	Attr  string // the offending attribute, "url()" in CSS, or "" when the element itself is wrong or missing
	Value string // the attribute's value (for "url()" and "style", the URL)
	Msg   string
}

// Diag is the problem as a diag.Error: at its file, the element and
// attribute first in the message.
func (p Problem) Diag() *diag.Error {
	where := ""
	switch {
	case p.Attr == "url()" && p.Tag != "":
		where = fmt.Sprintf("<%s> url(%q)", p.Tag, p.Value)
	case p.Attr == "url()":
		where = fmt.Sprintf("url(%q)", p.Value)
	case p.Attr == "style":
		where = fmt.Sprintf("<%s style> url(%q)", p.Tag, p.Value)
	case p.Attr != "":
		where = fmt.Sprintf("<%s %s=%q>", p.Tag, p.Attr, p.Value)
	case p.Tag != "":
		where = "<" + p.Tag + ">"
	}
	msg := p.Msg
	if where != "" {
		msg = where + ": " + msg
	}
	return &diag.Error{Pos: diag.Pos{File: p.Page}, Msg: msg}
}

// Link is a reference that leaves the site, from a page.
type Link struct {
	Page string
	Ref
}

func (l Link) String() string { return fmt.Sprintf("%s: <%s %s=%q>", l.Page, l.Tag, l.Attr, l.Value) }

// Report is the outcome of checking a site.
type Report struct {
	Pages    int       // HTML pages read
	Styles   int       // CSS files read
	Problems diag.List // by file, then in document order
	External []Link    // every link out of the site, by page, then in document order
}

// Site checks every HTML page and CSS file of site.
func Site(site fs.FS) (*Report, error) {
	c, err := read(site)
	if err != nil {
		return nil, err
	}
	return c.Site(), nil
}

// pageProblems checks what every page must carry.
func pageProblems(p *Page) []Problem {
	var out []Problem
	add := func(tag, attr, val, msg string) {
		out = append(out, Problem{Page: p.Path, Tag: tag, Attr: attr, Value: val, Msg: msg})
	}
	switch {
	case !p.HasLang:
		add("html", "", "", l10n.Sprintf(`no lang attribute: screen readers and search engines need the page's language (lang="zh-Hant")`))
	case strings.TrimSpace(p.Lang) == "":
		add("html", "lang", p.Lang, l10n.Sprintf("empty: name the page's language"))
	}
	switch {
	case !p.HasTitle:
		add("title", "", "", l10n.Sprintf("missing: browsers, bookmarks and search results show the page's title"))
	case p.Title == "":
		add("title", "", "", l10n.Sprintf("empty: browsers, bookmarks and search results show the page's title"))
	}
	switch {
	case !p.HasDescription:
		add(`meta name="description"`, "", "", l10n.Sprintf("missing: search engines and the portal show it as the page's summary"))
	case p.Description == "":
		add(`meta name="description"`, "", "", l10n.Sprintf("empty content: search engines and the portal show it as the page's summary"))
	}
	switch {
	case p.H1 == 0:
		add("h1", "", "", l10n.Sprintf("missing: every page needs exactly one <h1>, its main heading"))
	case p.H1 > 1:
		add("h1", "", "", l10n.Sprintf("%d of them: every page needs exactly one <h1>, its main heading", p.H1))
	}
	return out
}

// ref checks one reference from file from.
func (r *Report) ref(s *siteFiles, from string, ref Ref) {
	msg := ""
	switch {
	case strings.HasPrefix(ref.Value, "data:"):
		// inline data: nothing is requested
	case s.base != "" && strings.HasPrefix(ref.Value, s.base):
		msg = s.resolveServed(strings.TrimPrefix(ref.Value, s.base))
	case External(ref.Value):
		switch {
		case ref.Tag == refreshTag:
			msg = l10n.Sprintf("sends the reader away from the site: a refresh must name a page of the site")
		case ref.Fetched:
			msg = l10n.Sprintf("loaded from outside the site: every script, style sheet, image, font and frame must be a file of the site")
		default:
			r.External = append(r.External, Link{from, ref})
		}
	default:
		msg = s.resolve(from, ref.Value)
	}
	if msg != "" {
		r.Problems = append(r.Problems, Problem{Page: from, Tag: ref.Tag, Attr: ref.Attr, Value: ref.Value, Msg: msg}.Diag())
	}
}

// External reports whether a URL leaves the site (it has a scheme or a host).
func External(ref string) bool {
	u, err := url.Parse(ref)
	return err == nil && (u.Scheme != "" || u.Host != "")
}

// read lists site and parses its pages and style sheets, in parallel.
func read(site fs.FS) (*Collector, error) {
	var names []string
	dirs := map[string]bool{}
	away := map[string]string{} // symbolic links out of the site, to their targets
	err := fs.WalkDir(site, ".", func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir():
			dirs[name] = true
		default:
			names = append(names, name)
			if d.Type()&fs.ModeSymlink != 0 {
				if target, out := linkOut(site, name); out {
					away[name] = target
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	c := newCollector(names, dirs)
	for name, target := range away {
		c.setChecked(name, []entry{{problem: Problem{Page: name,
			Msg: l10n.Sprintf("a symbolic link to %s, outside the site: a copy or upload of the site would lack the file, or publish another computer's; put the file itself in the site", target)}}})
	}
	errs := make([]error, len(names))
	parallel.For(len(names), func(i int) {
		if !Reads(names[i]) || away[names[i]] != "" {
			return // not read: what is outside the site is not checked
		}
		src, err := fs.ReadFile(site, names[i])
		if err == nil {
			err = c.Add(names[i], src)
		}
		errs[i] = err
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return c, nil
}

// linkOut reports whether the symbolic link name in site points outside
// it, with its target: an absolute path, or a relative one that climbs out
// of the site's folder. A link to a link is checked where that link is.
func linkOut(site fs.FS, name string) (target string, out bool) {
	target, err := fs.ReadLink(site, name)
	if err != nil {
		return "", false // not a file system that has links
	}
	if filepath.IsAbs(target) || path.IsAbs(filepath.ToSlash(target)) {
		return target, true
	}
	joined := path.Join(path.Dir(name), filepath.ToSlash(target))
	return target, joined == ".." || strings.HasPrefix(joined, "../")
}

// resolve checks a relative reference from file from; it returns what is
// wrong, or "".
func (s *siteFiles) resolve(from, ref string) string {
	target, id, msg := s.resolveFile(from, ref)
	if msg != "" {
		return msg
	}
	return s.fragment(target, id)
}

// resolveFile checks the file a relative reference from file from names: it
// returns the target file and the reference's fragment, or what is wrong.
func (s *siteFiles) resolveFile(from, ref string) (target, fragment, msg string) {
	u, err := url.Parse(ref)
	if err != nil {
		return "", "", l10n.Sprintf("not a valid URL: %v", err)
	}
	if strings.HasPrefix(u.Path, "/") {
		return "", "", l10n.Sprintf("absolute path: breaks when the site is opened from a folder (file://) or published below the server's root")
	}
	target = from
	if u.Path != "" {
		target = path.Join(path.Dir(from), u.Path)
		if strings.HasPrefix(target, "../") || target == ".." {
			return "", "", l10n.Sprintf("points outside the site")
		}
		switch {
		case s.isDir(target):
			return "", "", l10n.Sprintf("a bare directory (%s/): from file:// that lists the folder instead of a page; link the file", target)
		case !s.isFile(target):
			return "", "", l10n.Sprintf("no such file: %s", target)
		}
	}
	return target, u.Fragment, ""
}

// resolveServed checks a path below the site's own address the way a web
// server serves it: a directory means its index.html.
func (s *siteFiles) resolveServed(rest string) string {
	u, err := url.Parse(rest)
	if err != nil {
		return l10n.Sprintf("not a valid URL: %v", err)
	}
	target := strings.TrimSuffix(u.Path, "/")
	if target == "" || s.isDir(target) {
		target = path.Join(target, sitepath.IndexFile)
	}
	if !s.isFile(target) {
		return l10n.Sprintf("no such file: %s", target)
	}
	return s.fragment(target, u.Fragment)
}

// fragment checks that an HTML target has an element with the id.
func (s *siteFiles) fragment(target, id string) string {
	if id == "" || path.Ext(target) != ".html" {
		return ""
	}
	return missingID(target, id, s.ids[target])
}

// outcome is what a reference from a file comes to while other pages may
// still be missing.
type outcome struct {
	kind   outcomeKind
	msg    string // the problem
	target string // the page whose element the reference names …
	id     []byte // … and the element's id
}

type outcomeKind int

const (
	nothing    outcomeKind = iota // inline data, or a file of the site without a fragment to check
	external                      // an absolute URL: out of the site, or under its address
	problem                       // msg says what is wrong
	fragmentOf                    // an element id of page target (the file itself when target == from)
)

// outcome resolves reference v from file from, in folder dir; buf is
// scratch space, returned for reuse. Plain relative paths, which are
// nearly all of a site's references, take a fast path without url.Parse
// or path.Join and without allocating; every other reference takes the
// general one.
func (s *siteFiles) outcome(from, dir string, v, buf []byte) (outcome, []byte) {
	if bytes.HasPrefix(v, []byte("data:")) {
		return outcome{}, buf // inline data: nothing is requested
	}
	if o, ok := s.plain(from, dir, v, &buf); ok {
		return o, buf
	}
	ref := string(v)
	if External(ref) {
		return outcome{kind: external}, buf
	}
	target, id, msg := s.resolveFile(from, ref)
	switch {
	case msg != "":
		return outcome{kind: problem, msg: msg}, buf
	case id == "" || path.Ext(target) != ".html":
		return outcome{}, buf
	}
	return outcome{kind: fragmentOf, target: target, id: []byte(id)}, buf
}

// plain resolves v when it is a plain relative path (with an optional
// #fragment): with no scheme, host, query, percent-escape or control
// character, url.Parse gives it as its Path and Fragment unchanged; made of
// leading "../" and then non-empty segments other than "." and "..", joining
// it to a clean dir is popping a segment of dir for each "../" and
// appending the rest, which path.Join would give. It reports false for any
// other v, which then takes the general path. dir "" turns it off.
func (s *siteFiles) plain(from, dir string, v []byte, buf *[]byte) (outcome, bool) {
	if dir == "" {
		return outcome{}, false
	}
	p, frag, _ := bytes.Cut(v, []byte("#"))
	for i, c := range v {
		if c < 0x20 || c == 0x7f || c == '%' || i < len(p) && (c == ':' || c == '?') {
			return outcome{}, false
		}
	}
	if len(p) > 0 && p[0] == '/' {
		return outcome{}, false
	}
	target := from
	if len(p) > 0 {
		rest, up := p, 0
		for bytes.HasPrefix(rest, []byte("../")) {
			rest, up = rest[3:], up+1
		}
		if !cleanSegments(rest) {
			return outcome{}, false
		}
		base := dir
		for ; up > 0; up-- {
			if base == "." {
				return outcome{kind: problem, msg: l10n.Sprintf("points outside the site")}, true
			}
			if i := strings.LastIndexByte(base, '/'); i >= 0 {
				base = base[:i]
			} else {
				base = "."
			}
		}
		t := (*buf)[:0]
		if base != "." {
			t = append(append(t, base...), '/')
		}
		t = append(t, rest...)
		*buf = t
		kind := s.paths[string(t)]
		switch {
		case kind&isDir != 0:
			return outcome{kind: problem, msg: "a bare directory (" + string(t) + "/): from file:// that lists the folder instead of a page; link the file"}, true
		case kind&isFile == 0:
			return outcome{kind: problem, msg: l10n.Sprintf("no such file: %s", string(t))}, true
		case len(frag) == 0 || !bytes.HasSuffix(t, []byte(".html")):
			return outcome{}, true // no allocation for target
		}
		if string(t) != from {
			target = string(t)
		}
	}
	if len(frag) == 0 || !strings.HasSuffix(target, ".html") {
		return outcome{}, true
	}
	return outcome{kind: fragmentOf, target: target, id: frag}, true
}

// cleanSegments reports whether p is one or more non-empty path segments,
// none of them "." or "..".
func cleanSegments(p []byte) bool {
	for {
		seg, rest, more := bytes.Cut(p, []byte("/"))
		if len(seg) == 0 || string(seg) == "." || string(seg) == ".." {
			return false
		}
		if !more {
			return true
		}
		p = rest
	}
}
