// Package markdown turns the sources' Markdown into HTML and plain text with
// the project's one goldmark configuration.
//
// Raw HTML in content is never passed through (goldmark's default, kept on
// purpose: content is text, and the layouts own the markup). Headings get IDs
// that keep Chinese text, so "## 一、主要內容" links as #一主要內容.
//
// A text may link to another source by its file ("03.md", "../notice.md#…"):
// Inspect finds the links for the check of the sources, and Convert
// writes each as the relative link to that source's page from every page
// that shows the text, which may be in different folders.
package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Converter converts Markdown. It is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
}

// New returns the project's Markdown converter.
func New() *Converter {
	return &Converter{md: goldmark.New(
		goldmark.WithExtensions(
			// Chinese text has no spaces between words: a line break inside
			// a paragraph must not become a space between two characters.
			extension.CJK,
			// Tables, strikethrough and autolinks, as editors expect from
			// GitHub-flavoured Markdown.
			extension.GFM,
		),
		// IDs on every heading, so sections can be linked; the generator is
		// supplied per document (see Convert) because it keeps state.
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)}
}

// Document is a converted Markdown source (see Convert).
type Document struct {
	HTML []byte
	Text string // the plain text, blocks separated by newlines
	// ByUp is the HTML for a page that many folders below the edition's
	// root ("", "../"), when the text links to other sources (see
	// Convert); else nil, and HTML serves every page.
	ByUp map[string][]byte
}

// transformText rewrites the text nodes of the tree: it appends each
// transformed text to a copy of src and points the node at it, so the
// renderer reads the new text while everything else keeps its place.
func transformText(root ast.Node, src []byte, transform func(string) string) []byte {
	out := bytes.Clone(src)
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.RawHTML, *ast.HTMLBlock, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			value := transform(string(n.Segment.Value(src)))
			start := len(out)
			out = append(out, value...)
			n.Segment = text.NewSegment(start, len(out))
		case *ast.String:
			n.Value = []byte(transform(string(n.Value)))
		}
		return ast.WalkContinue, nil
	})
	return out
}

// plainText collects the text of every block, one block a line.
func plainText(root ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Text:
			if entering {
				b.Write(n.Segment.Value(src))
				if n.HardLineBreak() || n.SoftLineBreak() && needsSpace(&b) {
					b.WriteByte(' ')
				}
			}
		case *ast.String:
			if entering {
				b.Write(n.Value)
			}
		case *ast.CodeSpan:
			// its children are Text nodes: handled above
		default:
			if !entering && n.Type() == ast.TypeBlock && b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte('\n')
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// needsSpace reports whether a soft line break after the text so far should
// read as a space: not after CJK text, where lines are joined directly.
func needsSpace(b *strings.Builder) bool {
	s := b.String()
	if s == "" {
		return false
	}
	r := []rune(s[max(0, len(s)-4):])
	last := r[len(r)-1]
	return !unicode.In(last, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) && !unicode.IsPunct(last)
}

// headingIDs makes heading IDs from heading text, keeping letters and digits
// of every script (goldmark's default keeps only ASCII, so Chinese headings
// would all become "heading", "heading-1" …).
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	var b strings.Builder
	dash := false
	for _, r := range string(value) {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == ' ' || r == '-' || r == '_':
			dash = true
		}
	}
	id := b.String()
	if id == "" {
		id = "section"
	}
	unique := id
	for i := 1; h.used[unique]; i++ {
		unique = id + "-" + strconv.Itoa(i)
	}
	h.used[unique] = true
	return []byte(unique)
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }
