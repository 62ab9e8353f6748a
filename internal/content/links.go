package content

import (
	"bytes"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
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

// checkLinks checks the links of every text of linking, to the texts of
// targets (by file), and gives each link to another source its target:
// Source.Links. A link by a source
// file ("03.md", "../notice.md#一主要內容") must name a text of the sources,
// a heading of it when it has a #fragment, and a published one when the
// text linking is published. A measure's text shows on pages in two
// folders, so any other relative link in it would break on one: it must
// name a source, or a full address. A text must also show something once
// its raw HTML is left out.
func (l *loader) checkLinks(targets map[string]*text, linking []*text) {
	for _, t := range linking {
		if !mayLink(t.src.Text) {
			continue
		}
		o := t.outlined()
		if o.Empty {
			pos, line := textPos(t.src, 0)
			if o.RawHTML != "" {
				l.errs.addErr(&diag.Error{Pos: pos, Text: line, Msg: l10n.Sprintf("the text shows nothing: its raw HTML (%s) is not published, as HTML in a text never is, and nothing else is left: write the text in Markdown", clip(o.RawHTML))})
			} else {
				l.errs.addErr(&diag.Error{Pos: pos, Text: line, Msg: l10n.Sprintf("the text shows nothing a reader could read: write the text")})
			}
		}
		for _, link := range o.Links {
			if target, msg := l.resolve(t, link, targets); msg != "" {
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
	u, err := url.Parse(link.Dest)
	switch {
	case err != nil && link.Image:
		return "", l10n.Sprintf("image %q: not a valid address", link.Dest)
	case err != nil:
		return "", l10n.Sprintf("link %q: not a valid address", link.Dest)
	case link.Dest == "" || u.Scheme != "" || u.Host != "" || strings.HasPrefix(link.Dest, "/") || u.Path == "":
		// A full address, one from the server's root, or a #fragment of
		// the page: the site check follows those in the built pages.
		return "", ""
	case (link.Image || !strings.HasSuffix(u.Path, ".md")) && !t.shared:
		return "", ""
	case link.Image:
		return "", l10n.Sprintf("image %q: a measure's text is shown on its own page and in the table (measures.html), which are in different folders, so a link relative to one breaks on the other: link to a source file instead (03.md, ../notice.md), or to a full address (https://…)", link.Dest)
	case !strings.HasSuffix(u.Path, ".md"):
		return "", l10n.Sprintf("link %q: a measure's text is shown on its own page and in the table (measures.html), which are in different folders, so a link relative to one breaks on the other: link to a source file instead (03.md, ../notice.md), or to a full address (https://…)", link.Dest)
	}
	file := path.Join(path.Dir(t.src.File), u.Path)
	to, ok := texts[file]
	switch {
	case !ok:
		return "", l10n.Sprintf("link %q: no such source: %s (a link to another text names its file, as 03.md or ../notice.md, from the linking file's folder)", link.Dest, file)
	case to.draft && !t.draft:
		return "", l10n.Sprintf("link %q: %s is a draft (draft = true): a published text cannot link to it until it is published too", link.Dest, file)
	}
	target = to.page
	if u.Fragment != "" {
		ids := to.outlined().IDs
		switch {
		case len(ids) == 0:
			return "", l10n.Sprintf("link %q: %s has no heading, so no #%s", link.Dest, file, u.Fragment)
		case !slices.Contains(ids, u.Fragment):
			return "", l10n.Sprintf("link %q: %s has no heading #%s (its headings: #%s)", link.Dest, file, u.Fragment, strings.Join(ids, ", #"))
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

// clip shortens s for a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
