package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Outline is what a check of the sources needs to know of a Markdown text
// without rendering it (see Inspect).
type Outline struct {
	Links []Link   // every link and image, in the order of the text
	IDs   []string // the headings' IDs, as Convert gives them
	// RawHTML is the first raw HTML of the text, which is not published
	// (see the package doc), or "".
	RawHTML string
	// Empty: the text shows nothing a reader could read, once its raw
	// HTML is left out.
	Empty bool
}

// Link is a link or an image of a text, with its destination as written.
type Link struct {
	Dest   string
	Image  bool
	Offset int // of the destination in the text, in bytes, or of the link when it is not found there
}

// Inspect parses src and outlines it: its links, its headings' IDs, its raw
// HTML, whether it shows any text.
func (c *Converter) Inspect(src []byte) Outline {
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	root := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var o Outline
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if id, ok := n.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					o.IDs = append(o.IDs, string(b))
				}
			}
		case *ast.Link:
			o.Links = append(o.Links, Link{Dest: string(n.Destination), Offset: destOffset(n, n.Destination, src)})
		case *ast.Image:
			o.Links = append(o.Links, Link{Dest: string(n.Destination), Image: true, Offset: destOffset(n, n.Destination, src)})
		case *ast.RawHTML:
			if o.RawHTML == "" {
				var b bytes.Buffer
				for i := range n.Segments.Len() {
					seg := n.Segments.At(i)
					b.Write(seg.Value(src))
				}
				o.RawHTML = b.String()
			}
		case *ast.HTMLBlock:
			if o.RawHTML == "" {
				var b bytes.Buffer
				for i := range n.Lines().Len() {
					seg := n.Lines().At(i)
					b.Write(seg.Value(src))
				}
				o.RawHTML = strings.TrimSpace(b.String())
			}
		}
		return ast.WalkContinue, nil
	})
	o.Empty = strings.TrimSpace(plainText(root, src)) == ""
	return o
}

// destOffset finds where a link's destination is written: after the
// link's text, for an inline link, or anywhere in the text, for one whose
// destination is given in a definition ([x][ref] … [ref]: dest). goldmark
// keeps no position of it: it is looked for from the start of the link's
// text, which the first text inside it gives.
func destOffset(n ast.Node, dest []byte, src []byte) int {
	from := start(n)
	if len(dest) > 0 {
		if i := bytes.Index(src[from:], dest); i >= 0 {
			return from + i
		}
		if i := bytes.Index(src, dest); i >= 0 {
			return i
		}
	}
	return max(from-1, 0) // the "[" before the text
}

// start is the offset of the first text inside n, or of the block it is
// in; 0 when there is none.
func start(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// Convert parses src once and returns its HTML and its plain text, with
// transform, unless nil, applied to the text a reader sees (not to code,
// URLs or attributes). Heading IDs come from the text before transform, so
// the same section has the same #fragment in every edition.
//
// A link whose destination is a key of links (a text's link to another
// source, "03.md") leads to its value instead, a path from the edition's
// root, written for every page that shows the text: Document.ByUp holds
// the HTML for a page that many folders below the root ("", "../"), one
// for each of ups. When no link is rewritten, ByUp is nil and HTML serves
// every page.
func (c *Converter) Convert(src []byte, transform func(string) string, links map[string]string, ups []string) (Document, error) {
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	root := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	if transform != nil {
		src = transformText(root, src, transform)
	}
	var rewrite []*ast.Link
	targets := map[*ast.Link]string{}
	if len(links) > 0 {
		_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if l, ok := n.(*ast.Link); ok && entering {
				if target, ok := links[string(l.Destination)]; ok {
					rewrite = append(rewrite, l)
					targets[l] = target
				}
			}
			return ast.WalkContinue, nil
		})
	}
	doc := Document{Text: plainText(root, src)}
	render := func() ([]byte, error) {
		var buf bytes.Buffer
		err := c.md.Renderer().Render(&buf, src, root)
		return buf.Bytes(), err
	}
	if len(rewrite) == 0 {
		html, err := render()
		doc.HTML = html
		return doc, err
	}
	doc.ByUp = make(map[string][]byte, len(ups))
	for _, up := range ups {
		for _, l := range rewrite {
			// The renderer escapes what it writes in href: a target is a
			// path of the site with a #fragment, written as a URL.
			l.Destination = []byte(up + targets[l])
		}
		html, err := render()
		if err != nil {
			return Document{}, err
		}
		doc.ByUp[up] = html
	}
	doc.HTML = doc.ByUp[ups[0]]
	return doc, nil
}
