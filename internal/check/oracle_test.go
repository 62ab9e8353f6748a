package check

// The check as it was before it was made cheaper per page (commit
// 817ec44): its page parser and its resolution of one reference, kept as
// the oracle the fast paths are compared with, case by case and by fuzzing.

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/tdewolff/parse/v2"
	htmllex "github.com/tdewolff/parse/v2/html"
	"github.com/tdewolff/parse/v2/xml"
)

// oldURLAttrs are the attributes that hold URLs, by element ("" for any).
var oldURLAttrs = map[string]string{
	"href": "", "src": "", "srcset": "", "imagesrcset": "link", "action": "form",
	"poster": "video", "data": "object", "xlink:href": "",
}

var followedTags = map[string]bool{"a": true, "area": true, "form": true}

type oldAttr struct{ key, val string }

// oldParsePage reads what check needs from an HTML page.
func oldParsePage(name string, src []byte) (*Page, error) {
	p := &Page{Path: name, IDs: map[string]bool{}}
	lex := htmllex.NewLexer(parse.NewInputBytes(src))
	var (
		tag   string
		attrs []oldAttr
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
			if !oldWanted(lex.AttrKey()) {
				continue // no allocation for class, aria-*, …: most attributes
			}
			key := strings.ToLower(string(lex.AttrKey()))
			val := strings.TrimSpace(string(lex.AttrVal()))
			if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') && val[len(val)-1] == val[0] {
				val = val[1 : len(val)-1]
			}
			attrs = append(attrs, oldAttr{key, html.UnescapeString(val)})
		case htmllex.StartTagCloseToken, htmllex.StartTagVoidToken:
			oldElement(p, tag, attrs, "")
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
		case htmllex.SVGToken:
			in = ""
			oldForeign(p, data, "svg")
		case htmllex.MathToken:
			in = ""
			oldForeign(p, data, "math")
		}
	}
}

// oldForeign reads the elements of an <svg> or <math> element as XML, for
// their ids and references.
func oldForeign(p *Page, src []byte, kind string) {
	lex := xml.NewLexer(parse.NewInputBytes(bytes.Clone(src)))
	var (
		tag   string
		attrs []oldAttr
		style bool
	)
	for {
		tt, data := lex.Next()
		switch tt {
		case xml.ErrorToken:
			return
		case xml.StartTagToken:
			tag, attrs, style = strings.ToLower(string(lex.Text())), attrs[:0], false
		case xml.AttributeToken:
			if !oldWanted(lex.Text()) {
				continue
			}
			val := strings.TrimSpace(string(lex.AttrVal()))
			if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') && val[len(val)-1] == val[0] {
				val = val[1 : len(val)-1]
			}
			attrs = append(attrs, oldAttr{strings.ToLower(string(lex.Text())), html.UnescapeString(val)})
		case xml.StartTagCloseToken, xml.StartTagCloseVoidToken:
			oldElement(p, tag, attrs, kind)
			style = tag == "style" && tt == xml.StartTagCloseToken
		case xml.TextToken, xml.CDATAToken:
			if tt == xml.CDATAToken {
				data = lex.Text()
			}
			if style {
				for _, u := range cssURLs(data) {
					p.Refs = append(p.Refs, Ref{Tag: "style", Attr: "url()", Value: u, Fetched: true})
				}
			}
		case xml.EndTagToken:
			style = false
		}
	}
}

// oldReadAttrs are the attributes check reads: the URL attributes and those
// element looks at.
var oldReadAttrs = func() [][]byte {
	keys := [][]byte{[]byte("id"), []byte("name"), []byte("lang"), []byte("rel"), []byte("content"), []byte("style"), []byte("http-equiv")}
	for k := range oldURLAttrs {
		keys = append(keys, []byte(k))
	}
	return keys
}()

// wanted reports whether check reads the attribute named key, in any case,
// without allocating.
func oldWanted(key []byte) bool {
	for _, k := range oldReadAttrs {
		if bytes.EqualFold(key, k) {
			return true
		}
	}
	return false
}

// oldElement records one start tag and its attributes; foreign is "svg" or
// "math" inside those elements, where only ids and references count.
func oldElement(p *Page, tag string, attrs []oldAttr, foreign string) {
	get := func(key string) (string, bool) {
		i := slices.IndexFunc(attrs, func(a oldAttr) bool { return a.key == key })
		if i < 0 {
			return "", false
		}
		return attrs[i].val, true
	}
	rel, _ := get("rel")
	rels := strings.Fields(strings.ToLower(rel))
	facts := tag
	if foreign != "" {
		facts = ""
	}
	switch facts {
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
		if equiv, _ := get("http-equiv"); strings.EqualFold(strings.TrimSpace(equiv), "refresh") {
			content, _ := get("content")
			if u := refreshURL([]byte(content)); u != nil {
				p.Refs = append(p.Refs, Ref{Tag: refreshTag, Attr: "content", Value: string(u), Fetched: true})
			}
		}
	case "link":
		if slices.Contains(rels, "canonical") {
			p.Canonical, _ = get("href")
		}
	}
	fetched := !followedTags[tag]
	if foreign == "math" && tag != "mglyph" {
		fetched = false
	}
	if facts == "link" && len(rels) > 0 && !slices.ContainsFunc(rels, func(r string) bool { return !linkRels[r] }) {
		fetched = false
	}
	for _, a := range attrs {
		only, isURL := oldURLAttrs[a.key]
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

// oldOutcome is what the old check made of one reference from file from,
// with the page's ids still unknown: nothing to check, a link out or a URL
// under the site's address (external), a problem, or an element id of a
// page to look for (target, id; target == from for the page itself).
func oldOutcome(s *siteFiles, from, ref string) outcome {
	switch {
	case strings.HasPrefix(ref, "data:"):
		return outcome{}
	case External(ref):
		return outcome{kind: external}
	}
	u, err := url.Parse(ref)
	if err != nil {
		return outcome{kind: problem, msg: "not a valid URL: " + err.Error()}
	}
	if strings.HasPrefix(u.Path, "/") {
		return outcome{kind: problem, msg: "absolute path: breaks when the site is opened from a folder (file://) or published below the server's root"}
	}
	target := from
	if u.Path != "" {
		target = path.Join(path.Dir(from), u.Path)
		if strings.HasPrefix(target, "../") || target == ".." {
			return outcome{kind: problem, msg: "points outside the site"}
		}
		switch {
		case s.isDir(target):
			return outcome{kind: problem, msg: "a bare directory (" + target + "/): from file:// that lists the folder instead of a page; link the file"}
		case !s.isFile(target):
			return outcome{kind: problem, msg: "no such file: " + target}
		}
	}
	if u.Fragment == "" || path.Ext(target) != ".html" {
		return outcome{}
	}
	return outcome{kind: fragmentOf, target: target, id: []byte(u.Fragment)}
}
