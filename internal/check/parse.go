package check

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
	htmllex "github.com/tdewolff/parse/v2/html"
	"github.com/tdewolff/parse/v2/xml"
)

// Ref is a reference from a page attribute (or a CSS url()) to a URL.
type Ref struct {
	Tag, Attr, Value string
	// Fetched is true when a browser loads the URL to show the page
	// (scripts, styles, images, fonts, frames), false when the URL is only
	// followed on request (<a href>, <link rel="canonical">).
	Fetched bool
}

// Page is what check reads from one HTML page. A Collector fills in the
// facts below Refs and passes the ids and references on as it reads them;
// the tests' ParsePage keeps them in IDs and Refs.
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

// attrInfo is what check does with an attribute it reads.
type attrInfo struct {
	key   string // the attribute's name, lower case
	url   bool   // it holds a URL …
	owner string // … on this element only ("" for any)
}

// readAttrs are the attributes check reads: the URL attributes and those
// element looks at. Every other attribute (class, aria-*, data-*, …) is
// skipped without a copy.
var readAttrs = [...]attrInfo{
	{key: "id"}, {key: "name"}, {key: "lang"}, {key: "rel"}, {key: "content"}, {key: "style"},
	{"href", true, ""}, {"src", true, ""}, {"srcset", true, ""}, {"imagesrcset", true, "link"},
	{"action", true, "form"}, {"poster", true, "video"}, {"data", true, "object"}, {"xlink:href", true, ""},
	{key: "http-equiv"},
}

// readAttr returns what check does with the attribute named key (in lower
// case), or nil. A switch, not a map: it runs for every attribute of every
// page.
func readAttr(key string) *attrInfo {
	i := -1
	switch key {
	case "id":
		i = 0
	case "name":
		i = 1
	case "lang":
		i = 2
	case "rel":
		i = 3
	case "content":
		i = 4
	case "style":
		i = 5
	case "href":
		i = 6
	case "src":
		i = 7
	case "srcset":
		i = 8
	case "imagesrcset":
		i = 9
	case "action":
		i = 10
	case "poster":
		i = 11
	case "data":
		i = 12
	case "xlink:href":
		i = 13
	case "http-equiv":
		i = 14
	default:
		return nil
	}
	return &readAttrs[i]
}

// followed reports whether a browser follows the URL of element tag only
// when the reader asks; every other element's URL is loaded with the page.
func followed(tag string) bool { return tag == "a" || tag == "area" || tag == "form" }

// linkRels are the <link rel> values that name a related document without
// loading it. A <link> with any other rel (stylesheet, icon, preload,
// preconnect …) is loaded with the page.
var linkRels = map[string]bool{
	"alternate": true, "author": true, "bookmark": true, "canonical": true, "help": true,
	"license": true, "me": true, "next": true, "prev": true, "search": true, "external": true,
	"nofollow": true, "noopener": true, "noreferrer": true, "tag": true, "shortlink": true,
}

// refSink hears of a page's ids and references as scanPage reads them, in
// document order. The byte slices stay valid as long as the page's bytes.
type refSink interface {
	id(v []byte)
	ref(el *element, attr string, value []byte, fetched bool)
}

// scratch is the memory scanPage works in, reused from page to page.
type scratch struct {
	el    element
	title []byte
}

// scanPage reads an HTML page: the facts about the whole page into p, its
// ids and references to sink as they come.
func scanPage(name string, src []byte, p *Page, sink refSink, mem *scratch) error {
	input := parse.NewInputBytes(src)
	// NewInputBytes writes a NUL past the end of src when there is room:
	// give the caller's buffer back as it was.
	defer input.Restore()
	lex := htmllex.NewLexer(input)
	el := &mem.el
	title := mem.title[:0]
	defer func() { mem.title = title[:0] }()
	in := "" // the raw-text element being read: "title" or "style"
	for {
		tt, data := lex.Next()
		switch tt {
		case htmllex.ErrorToken:
			if err := lex.Err(); err != nil && err.Error() != "EOF" {
				return fmt.Errorf("%s: %w", name, err)
			}
			p.Title = strings.TrimSpace(html.UnescapeString(string(title)))
			return nil
		case htmllex.StartTagToken:
			el.start(data[1:])
			in = ""
		case htmllex.AttributeToken:
			el.attr(lex.AttrKey(), lex.AttrVal())
		case htmllex.StartTagCloseToken, htmllex.StartTagVoidToken:
			p.element(el, sink)
			switch {
			case el.tag == "title" || el.tag == "style":
				in = el.tag
			case !el.raw:
				skipText(input)
			}
		case htmllex.TextToken:
			switch in {
			case "title":
				title = append(title, data...)
			case "style":
				for _, u := range cssURLs(data) {
					sink.ref(&styleElement, "url()", []byte(u), true)
				}
			}
		case htmllex.EndTagToken:
			in = ""
			skipText(input)
		case htmllex.SVGToken, htmllex.MathToken:
			in = ""
			foreign(data, tt == htmllex.MathToken, el, sink)
		}
	}
}

// foreign hands sink the ids and references of an <svg> or <math> element,
// which the lexer gives whole, as one token. In SVG an <image href>, a
// <use xlink:href> or a <style> loads a file as an <img> does, and an <a>
// links; in MathML an href on any element links, and an <mglyph src> loads.
// Its elements are read as XML, as browsers read foreign content, only for
// ids and references (an SVG <title> is not the page's).
func foreign(src []byte, math bool, el *element, sink refSink) {
	// The XML lexer writes into its input (it turns line breaks in
	// attribute values into spaces): give it a copy of the page's bytes.
	lex := xml.NewLexer(parse.NewInputBytes(bytes.Clone(src)))
	style := false // in a <style>, whose text is CSS
	for {
		tt, data := lex.Next()
		switch tt {
		case xml.ErrorToken:
			return
		case xml.StartTagToken:
			el.start(bytes.ToLower(lex.Text()))
			style = false
		case xml.AttributeToken:
			el.attr(bytes.ToLower(lex.Text()), lex.AttrVal())
		case xml.StartTagCloseToken, xml.StartTagCloseVoidToken:
			fetched := !followed(el.tag)
			if math && el.String() != "mglyph" {
				fetched = false
			}
			el.refs(sink, fetched)
			style = el.tag == "style" && tt == xml.StartTagCloseToken
		case xml.TextToken, xml.CDATAToken:
			if style {
				if tt == xml.CDATAToken {
					data = lex.Text()
				}
				for _, u := range cssURLs(data) {
					sink.ref(&styleElement, "url()", []byte(u), true)
				}
			}
		case xml.EndTagToken:
			style = false
		}
	}
}

// skipText moves the lexer's input past the text before the next '<', which
// check does not read outside <title> and <style>. The lexer would read it
// byte by byte with the same outcome: in the data state only a '<' can end
// text (the lexer has no template delimiters); IndexByte is many times
// faster. Call it only where the lexer is in the data state: after an end
// tag or the end of a start tag whose content is not raw text.
func skipText(input *parse.Input) {
	if input.Peek(0) == '<' {
		return // no text, as between most tags
	}
	rest := input.Bytes()[input.Offset():]
	i := bytes.IndexByte(rest, '<')
	if i < 0 {
		i = len(rest)
	}
	input.Move(i)
}

// element is the start tag being read, reused from tag to tag.
type element struct {
	name  []byte // as the lexer gives it (ASCII letters in lower case)
	tag   string // the lower-case name when it is a known element, else ""
	full  string // the lower-case name of an unknown element, once needed
	raw   bool   // the lexer reads its content as raw text
	attrs []attr // the attributes check reads, in order
}

type attr struct {
	*attrInfo
	val []byte
}

// styleElement names the <style> element of a url() in its text.
var styleElement = element{tag: "style"}

func (el *element) start(name []byte) {
	el.name, el.full, el.attrs = name, "", el.attrs[:0]
	el.tag, el.raw = knownTag(string(name))
	if el.tag == "" && !isASCII(name) {
		el.tag = strings.ToLower(string(name))
	}
}

// knownTag returns the name of a tag check looks at or that holds URLs (so
// that most references name their element without a copy), and whether the
// lexer reads the element's content as raw text, as it decides (only
// ASCII names are known).
func knownTag(name string) (tag string, raw bool) {
	// Each case returns its constant: returning name would copy it.
	switch name {
	case "a":
		return "a", false
	case "area":
		return "area", false
	case "form":
		return "form", false
	case "html":
		return "html", false
	case "h1":
		return "h1", false
	case "meta":
		return "meta", false
	case "link":
		return "link", false
	case "img":
		return "img", false
	case "source":
		return "source", false
	case "video":
		return "video", false
	case "audio":
		return "audio", false
	case "object":
		return "object", false
	case "embed":
		return "embed", false
	case "input":
		return "input", false
	case "track":
		return "track", false
	case "image":
		return "image", false
	case "use":
		return "use", false
	case "base":
		return "base", false
	case "button":
		return "button", false
	case "picture":
		return "picture", false
	case "title":
		return "title", true
	case "style":
		return "style", true
	case "script":
		return "script", true
	case "iframe":
		return "iframe", true
	case "textarea":
		return "textarea", true
	case "xmp":
		return "xmp", true
	case "plaintext":
		return "plaintext", true
	}
	return "", false
}

// String returns the element's name in lower case.
func (el *element) String() string {
	if el.tag != "" {
		return el.tag
	}
	if el.full == "" && len(el.name) > 0 { // noElement, shared, has no name
		el.full = string(el.name) // already lower case: only ASCII names get here
	}
	return el.full
}

// attr records an attribute if check reads it. The lexer gives the key with
// its ASCII letters in lower case.
func (el *element) attr(key, raw []byte) {
	info := readAttr(string(key))
	if info == nil && !isASCII(key) {
		info = readAttr(strings.ToLower(string(key))) // as before: "xlinK:href" with a Kelvin sign is "xlink:href"
	}
	if info == nil {
		return
	}
	val := bytes.TrimSpace(raw)
	if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') && val[len(val)-1] == val[0] {
		val = val[1 : len(val)-1]
	}
	if bytes.IndexByte(val, '&') >= 0 {
		val = []byte(html.UnescapeString(string(val)))
	}
	el.attrs = append(el.attrs, attr{info, val})
}

// get returns the first value of the attribute key.
func (el *element) get(key string) ([]byte, bool) {
	for _, a := range el.attrs {
		if a.key == key {
			return a.val, true
		}
	}
	return nil, false
}

// element records the facts of one start tag and hands its ids and
// references to sink.
func (p *Page) element(el *element, sink refSink) {
	tag := el.tag
	fetched := !followed(tag)
	switch tag {
	case "html":
		var lang []byte
		lang, p.HasLang = el.get("lang")
		p.Lang = string(lang)
	case "title":
		p.HasTitle = true
	case "h1":
		p.H1++
	case "meta":
		if name, _ := el.get("name"); bytes.EqualFold(name, []byte("description")) {
			var content []byte
			content, p.HasDescription = el.get("content")
			p.Description = string(bytes.TrimSpace(content))
		}
		if equiv, _ := el.get("http-equiv"); bytes.EqualFold(bytes.TrimSpace(equiv), []byte("refresh")) {
			content, _ := el.get("content")
			if u := refreshURL(content); u != nil {
				// Sent there without asking: checked as a load.
				sink.ref(&refreshElement, "content", u, true)
			}
		}
	case "link":
		rel, _ := el.get("rel")
		canonical, onlyNamed := linkRel(rel)
		if canonical {
			href, _ := el.get("href")
			p.Canonical = string(href)
		}
		if onlyNamed {
			fetched = false
		}
	}
	el.refs(sink, fetched)
}

// refs hands sink the element's ids and references; fetched says whether
// a browser loads its URLs with the page.
func (el *element) refs(sink refSink, fetched bool) {
	tag := el.tag
	for _, a := range el.attrs {
		switch {
		case a.key == "id" || a.key == "name" && tag == "a":
			sink.id(a.val)
		case a.key == "style":
			for _, u := range cssURLs(a.val) {
				sink.ref(el, "style", []byte(u), true)
			}
		case a.url && (a.owner == "" || a.owner == tag):
			if a.key == "srcset" || a.key == "imagesrcset" {
				for cands := a.val; ; {
					cand, rest, more := bytes.Cut(cands, []byte(","))
					if f := firstField(cand); len(f) > 0 {
						sink.ref(el, a.key, f, fetched)
					}
					if !more {
						break
					}
					cands = rest
				}
			} else {
				sink.ref(el, a.key, a.val, fetched)
			}
		}
	}
}

// refreshElement names the <meta http-equiv="refresh"> of a reference to
// the URL its content sends the reader to.
var refreshElement = element{tag: refreshTag}

const refreshTag = `meta http-equiv="refresh"`

// refreshURL returns the URL a <meta http-equiv="refresh"> content sends
// the reader to ("5; url='next.html'"), read as browsers do (HTML's shared
// declarative refresh steps), or nil when it names none (the page reloads
// itself) or is not a refresh browsers follow.
func refreshURL(content []byte) []byte {
	s := bytes.TrimLeft(content, "\t\n\f\r ")
	n := 0
	for n < len(s) && ('0' <= s[n] && s[n] <= '9' || s[n] == '.') {
		n++
	}
	if n == 0 {
		return nil
	}
	if s = s[n:]; len(s) > 0 && !bytes.ContainsAny(s[:1], ";,\t\n\f\r ") {
		return nil // "5x": not a refresh
	}
	s = bytes.TrimLeft(s, "\t\n\f\r ")
	if len(s) > 0 && (s[0] == ';' || s[0] == ',') {
		s = bytes.TrimLeft(s[1:], "\t\n\f\r ")
	}
	if len(s) >= 3 && bytes.EqualFold(s[:3], []byte("url")) {
		if rest := bytes.TrimLeft(s[3:], "\t\n\f\r "); len(rest) > 0 && rest[0] == '=' {
			s = bytes.TrimLeft(rest[1:], "\t\n\f\r ")
		}
	}
	if len(s) > 0 && (s[0] == '\'' || s[0] == '"') {
		if i := bytes.IndexByte(s[1:], s[0]); i >= 0 {
			s = s[1 : 1+i]
		} else {
			s = s[1:]
		}
	}
	// The URL parser drops leading and trailing C0 controls and spaces.
	s = bytes.TrimFunc(s, func(r rune) bool { return r <= ' ' })
	if len(s) == 0 {
		return nil
	}
	return s
}

// linkRel reads a <link rel>: whether it names the canonical URL, and
// whether it has values and every one only names a related document (so
// that the link loads nothing).
func linkRel(rel []byte) (canonical, onlyNamed bool) {
	if isASCII(rel) {
		// The common case, without a copy: ASCII fields, compared in
		// lower case.
		var buf [32]byte
		onlyNamed = true
		n := 0
		for f := range bytes.FieldsSeq(rel) {
			n++
			if len(f) > len(buf) {
				onlyNamed = false
				continue
			}
			lower := buf[:len(f)]
			for i, c := range f {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				lower[i] = c
			}
			canonical = canonical || string(lower) == "canonical"
			onlyNamed = onlyNamed && linkRels[string(lower)]
		}
		return canonical, onlyNamed && n > 0
	}
	fields := strings.Fields(strings.ToLower(string(rel)))
	onlyNamed = len(fields) > 0
	for _, f := range fields {
		canonical = canonical || f == "canonical"
		onlyNamed = onlyNamed && linkRels[f]
	}
	return canonical, onlyNamed
}

// firstField returns the first run of non-space characters of b, as
// strings.Fields splits.
func firstField(b []byte) []byte {
	b = bytes.TrimLeftFunc(b, unicode.IsSpace)
	if i := bytes.IndexFunc(b, unicode.IsSpace); i >= 0 {
		return b[:i]
	}
	return b
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// cssURLs returns the URLs a style sheet loads: every url() and every
// @import "string".
func cssURLs(src []byte) []string {
	var urls []string
	input := parse.NewInputBytes(src)
	defer input.Restore() // src may be a slice of a page: leave it as it was
	lex := css.NewLexer(input)
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
