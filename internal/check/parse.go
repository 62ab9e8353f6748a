package check

import (
	"bytes"
	"fmt"
	"html"
	"slices"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
	htmllex "github.com/tdewolff/parse/v2/html"
)

// Ref is a reference from a page attribute (or a CSS url()) to a URL.
type Ref struct {
	Tag, Attr, Value string
	// Fetched is true when a browser loads the URL to show the page
	// (scripts, styles, images, fonts, frames), false when the URL is only
	// followed on request (<a href>, <link rel="canonical">).
	Fetched bool
}

// Page is what check reads from one HTML page.
type Page struct {
	Path string
	IDs  map[string]bool // every id and <a name>
	Refs []Ref           // in document order

	HasLang        bool   // <html> has a lang attribute
	Lang           string // its value
	HasTitle       bool
	Title          string // the <title> text, trimmed
	HasDescription bool
	Description    string // <meta name="description" content>
	H1             int    // how many <h1> elements
	Canonical      string // <link rel="canonical" href>
}

// urlAttrs are the attributes that hold URLs, by element ("" for any).
var urlAttrs = map[string]string{
	"href": "", "src": "", "srcset": "", "imagesrcset": "link", "action": "form",
	"poster": "video", "data": "object", "xlink:href": "",
}

// followedTags are the elements whose URL a browser follows only when the
// reader asks; every other element's URL is loaded with the page.
var followedTags = map[string]bool{"a": true, "area": true, "form": true}

// linkRels are the <link rel> values that name a related document without
// loading it. A <link> with any other rel (stylesheet, icon, preload,
// preconnect …) is loaded with the page.
var linkRels = map[string]bool{
	"alternate": true, "author": true, "bookmark": true, "canonical": true, "help": true,
	"license": true, "me": true, "next": true, "prev": true, "search": true, "external": true,
	"nofollow": true, "noopener": true, "noreferrer": true, "tag": true, "shortlink": true,
}

type attr struct{ key, val string }

// ParsePage reads what check needs from an HTML page.
func ParsePage(name string, src []byte) (*Page, error) {
	p := &Page{Path: name, IDs: map[string]bool{}}
	lex := htmllex.NewLexer(parse.NewInputBytes(src))
	var (
		tag   string
		attrs []attr
		in    string // the raw-text element being read: "title" or "style"
		title strings.Builder
	)
	for {
		tt, data := lex.Next()
		switch tt {
		case htmllex.ErrorToken:
			if err := lex.Err(); err != nil && err.Error() != "EOF" {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			p.Title = strings.TrimSpace(html.UnescapeString(title.String()))
			return p, nil
		case htmllex.StartTagToken:
			tag, attrs, in = strings.ToLower(string(data[1:])), attrs[:0], ""
		case htmllex.AttributeToken:
			if !wanted(lex.AttrKey()) {
				continue // no allocation for class, aria-*, …: most attributes
			}
			key := strings.ToLower(string(lex.AttrKey()))
			val := strings.TrimSpace(string(lex.AttrVal()))
			if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') && val[len(val)-1] == val[0] {
				val = val[1 : len(val)-1]
			}
			attrs = append(attrs, attr{key, html.UnescapeString(val)})
		case htmllex.StartTagCloseToken, htmllex.StartTagVoidToken:
			p.element(tag, attrs)
			if tag == "title" || tag == "style" {
				in = tag
			}
		case htmllex.TextToken:
			switch in {
			case "title":
				title.Write(data)
			case "style":
				for _, u := range cssURLs(data) {
					p.Refs = append(p.Refs, Ref{Tag: "style", Attr: "url()", Value: u, Fetched: true})
				}
			}
		case htmllex.EndTagToken:
			in = ""
		}
	}
}

// readAttrs are the attributes check reads: the URL attributes and those
// element looks at.
var readAttrs = func() [][]byte {
	keys := [][]byte{[]byte("id"), []byte("name"), []byte("lang"), []byte("rel"), []byte("content"), []byte("style")}
	for k := range urlAttrs {
		keys = append(keys, []byte(k))
	}
	return keys
}()

// wanted reports whether check reads the attribute named key, in any case,
// without allocating.
func wanted(key []byte) bool {
	for _, k := range readAttrs {
		if bytes.EqualFold(key, k) {
			return true
		}
	}
	return false
}

// element records one start tag and its attributes.
func (p *Page) element(tag string, attrs []attr) {
	get := func(key string) (string, bool) {
		i := slices.IndexFunc(attrs, func(a attr) bool { return a.key == key })
		if i < 0 {
			return "", false
		}
		return attrs[i].val, true
	}
	rel, _ := get("rel")
	rels := strings.Fields(strings.ToLower(rel))
	switch tag {
	case "html":
		p.Lang, p.HasLang = get("lang")
	case "title":
		p.HasTitle = true
	case "h1":
		p.H1++
	case "meta":
		if name, _ := get("name"); strings.EqualFold(name, "description") {
			p.Description, p.HasDescription = get("content")
			p.Description = strings.TrimSpace(p.Description)
		}
	case "link":
		if slices.Contains(rels, "canonical") {
			p.Canonical, _ = get("href")
		}
	}
	fetched := !followedTags[tag]
	if tag == "link" && len(rels) > 0 && !slices.ContainsFunc(rels, func(r string) bool { return !linkRels[r] }) {
		fetched = false
	}
	for _, a := range attrs {
		only, isURL := urlAttrs[a.key]
		switch {
		case a.key == "id" || a.key == "name" && tag == "a":
			p.IDs[a.val] = true
		case a.key == "style":
			for _, u := range cssURLs([]byte(a.val)) {
				p.Refs = append(p.Refs, Ref{Tag: tag, Attr: "style", Value: u, Fetched: true})
			}
		case isURL && (only == "" || only == tag):
			if a.key == "srcset" || a.key == "imagesrcset" {
				for _, cand := range strings.Split(a.val, ",") {
					if f := strings.Fields(cand); len(f) > 0 {
						p.Refs = append(p.Refs, Ref{tag, a.key, f[0], fetched})
					}
				}
			} else {
				p.Refs = append(p.Refs, Ref{tag, a.key, a.val, fetched})
			}
		}
	}
}

// cssURLs returns the URLs a style sheet loads: every url() and every
// @import "string".
func cssURLs(src []byte) []string {
	var urls []string
	lex := css.NewLexer(parse.NewInputBytes(src))
	importing := false
	for {
		tt, data := lex.Next()
		switch tt {
		case css.ErrorToken:
			return urls
		case css.URLToken:
			u := strings.TrimSuffix(string(data[len("url("):]), ")")
			urls = append(urls, unquote(strings.TrimSpace(u)))
		case css.AtKeywordToken:
			importing = strings.EqualFold(string(data), "@import")
			continue
		case css.StringToken:
			if importing {
				urls = append(urls, unquote(string(data)))
			}
		case css.WhitespaceToken:
			continue
		}
		importing = false
	}
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
