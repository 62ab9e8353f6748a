package content

import (
	"bytes"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/markdown"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// inspector outlines the texts for the checks of their links; it is safe
// for concurrent use.
var inspector = markdown.New()

// text is one Markdown text of the sources, as the checks of links see it.
type text struct {
	src   *site.Source
	page  string // its page, from the edition's root: index.html, measures/03.html
	draft bool
	// shared: the text is shown on pages in more than one folder (a
	// measure's, on its page and in the table), so that a relative link
	// that is not to a source works on one of them only.
	shared  bool
	outline *markdown.Outline // nil until needed, or when there is nothing to check
}

// outline returns t's outline, parsing it on first use.
func (t *text) outlined() *markdown.Outline {
	if t.outline == nil {
		o := inspector.Inspect(t.src.Text)
		t.outline = &o
	}
	return t.outline
}

// mayLink reports whether a text can hold a link, raw HTML or nothing to
// read, which only parsing it tells: most texts are plain prose, and are
// not parsed twice (the build converts them).
func mayLink(b []byte) bool {
	return bytes.Contains(b, []byte("](")) || bytes.Contains(b, []byte("]:")) || bytes.ContainsRune(b, '<')
}

// checkLinks checks the links of every text in texts (by file), and gives
// each link to another source its target: Source.Links. A link by a source
// file ("03.md", "../notice.md#一主要內容") must name a text of the sources,
// a heading of it when it has a #fragment, and a published one when the
// text linking is published. A measure's text shows on pages in two
// folders, so any other relative link in it would break on one: it must
// name a source, or a full address. A text must also show something once
// its raw HTML is left out.
func (l *loader) checkLinks(texts map[string]*text) {
	for _, file := range slices.Sorted(maps.Keys(texts)) {
		t := texts[file]
		if !mayLink(t.src.Text) {
			continue
		}
		o := t.outlined()
		if o.Empty {
			pos, line := textPos(t.src, 0)
			if o.RawHTML != "" {
				l.errs.addErr(&diag.Error{Pos: pos, Text: line, Msg: "the text shows nothing: its raw HTML (" + clip(o.RawHTML) + ") is not published, as HTML in a text never is, and nothing else is left: write the text in Markdown"})
			} else {
				l.errs.addErr(&diag.Error{Pos: pos, Text: line, Msg: "the text shows nothing a reader could read: write the text"})
			}
		}
		for _, link := range o.Links {
			if target, msg := l.resolve(t, link, texts); msg != "" {
				pos, line := textPos(t.src, link.Offset)
				l.errs.addErr(&diag.Error{Pos: pos, Text: line, Msg: msg})
			} else if target != "" {
				if t.src.Links == nil {
					t.src.Links = map[string]string{}
				}
				t.src.Links[link.Dest] = target
			}
		}
	}
}

// resolve finds the target of a link of text t: the page of the source it
// names, with its #fragment, from the edition's root; "" for a link that
// is not to a source and is left as written. msg says what is wrong.
func (l *loader) resolve(t *text, link markdown.Link, texts map[string]*text) (target, msg string) {
	what := "link"
	if link.Image {
		what = "image"
	}
	u, err := url.Parse(link.Dest)
	switch {
	case err != nil:
		return "", what + " " + quote(link.Dest) + ": not a valid address"
	case link.Dest == "" || u.Scheme != "" || u.Host != "" || strings.HasPrefix(link.Dest, "/") || u.Path == "":
		// A full address, one from the server's root, or a #fragment of
		// the page: the site check follows those in the built pages.
		return "", ""
	case link.Image || !strings.HasSuffix(u.Path, ".md"):
		if t.shared {
			return "", what + " " + quote(link.Dest) + ": a measure's text is shown on its own page and in the table (measures.html), which are in different folders, so a link relative to one breaks on the other: link to a source file instead (03.md, ../notice.md), or to a full address (https://…)"
		}
		return "", ""
	}
	file := path.Join(path.Dir(t.src.File), u.Path)
	to, ok := texts[file]
	switch {
	case !ok:
		return "", "link " + quote(link.Dest) + ": no such source: " + file + " (a link to another text names its file, as 03.md or ../notice.md, from the linking file's folder)"
	case to.draft && !t.draft:
		return "", "link " + quote(link.Dest) + ": " + file + " is a draft (draft = true): a published text cannot link to it until it is published too"
	}
	target = to.page
	if u.Fragment != "" {
		ids := to.outlined().IDs
		if !slices.Contains(ids, u.Fragment) {
			if len(ids) == 0 {
				return "", "link " + quote(link.Dest) + ": " + file + " has no heading, so no #" + u.Fragment
			}
			return "", "link " + quote(link.Dest) + ": " + file + " has no heading #" + u.Fragment + " (its headings: #" + strings.Join(ids, ", #") + ")"
		}
		target += "#" + u.Fragment
	}
	return target, ""
}

// textPos is the position of the byte at offset off of src's text, and
// the line it is on.
func textPos(src *site.Source, off int) (diag.Pos, string) {
	off = min(max(off, 0), len(src.Text))
	before := src.Text[:off]
	start := bytes.LastIndexByte(before, '\n') + 1
	end := bytes.IndexByte(src.Text[start:], '\n')
	if end < 0 {
		end = len(src.Text) - start
	}
	return diag.Pos{File: src.File, Line: src.Line + bytes.Count(before, []byte("\n")), Col: utf8.RuneCount(src.Text[start:off]) + 1},
		string(trimCR(src.Text[start : start+end]))
}

// quote is s in double quotes, as Go writes a string.
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// clip shortens s for a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
