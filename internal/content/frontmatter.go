package content

import (
	"bytes"
	"errors"
)

// fmDelim opens and closes TOML front matter, as in Hugo and Zola.
var fmDelim = []byte("+++")

// document is a content file split into its front matter and its body.
type document struct {
	front     []byte // the TOML between the +++ lines
	frontLine int    // line of front's first byte in the file (1-based)
	body      []byte // everything after the closing +++ line
	bodyLine  int    // line of body's first byte in the file
}

// errNoFrontMatter and errUnclosed are reported at line 1 and at the last
// line, in the editor's words (readDocument).
var (
	errNoFrontMatter = errors.New("no front matter")
	errUnclosed      = errors.New("front matter not closed")
)

// splitFrontMatter splits src at its +++ lines. Lines may end in \n or \r\n.
func splitFrontMatter(src []byte) (document, error) {
	first, rest, _ := cutLine(src)
	if !bytes.Equal(trimCR(first), fmDelim) {
		return document{}, errNoFrontMatter
	}
	doc := document{front: rest, frontLine: 2}
	line := 2
	for off := 0; off < len(rest); line++ {
		l, after, _ := cutLine(rest[off:])
		if bytes.Equal(trimCR(l), fmDelim) {
			doc.front = rest[:off]
			doc.body = after
			doc.bodyLine = line + 1
			return doc, nil
		}
		off = len(rest) - len(after)
	}
	return document{}, errUnclosed
}

// cutLine returns the first line of b without its \n, the rest, and whether
// a \n was found.
func cutLine(b []byte) (line, rest []byte, found bool) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:], true
	}
	return b, nil, false
}

func trimCR(b []byte) []byte { return bytes.TrimSuffix(b, []byte("\r")) }
