package render

import (
	"bytes"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/gzgov/nansha-microsite/internal/diag"
)

// LayoutError is a mistake in a layout, at its place in the file as the
// editor wrote it: met while parsing the layouts, or while rendering a page.
// One mistake in a layout is met again on every page of its kind: the build
// reports it once, with Pages counting them.
type LayoutError struct {
	Pos   diag.Pos // File is "layouts/measure.html"; Col in characters
	Msg   string
	Page  string // the page it was met on, or "" while parsing
	Pages int    // how many pages met it, when more than one
}

func (e *LayoutError) Error() string {
	s := e.Pos.String() + ": " + e.Msg
	switch {
	case e.Pages > 1:
		s += fmt.Sprintf(" (on %d pages, e.g. %s)", e.Pages, e.Page)
	case e.Page != "":
		s += " (on " + e.Page + ")"
	}
	return s
}

// Same reports whether two errors are one mistake, met on two pages.
func (e *LayoutError) Same(o *LayoutError) bool { return e.Pos == o.Pos && e.Msg == o.Msg }

// templatePos finds where text/template and html/template say an error is:
// "template: measure.html:3:47: msg" (the column in bytes from 0), or
// "html/template:measure.html:3: msg". They give it in the message alone.
// Of errors nested in a shared part's, the innermost is the mistake.
var templatePos = regexp.MustCompile(`(?:^|: )(?:html/)?template: ?([^\s:]+\.html):(\d+)(?::(\d+))?: `)

var derivedName = regexp.MustCompile(`\$htmltemplate_\w+`)

// layoutError makes err, from executing or parsing the layouts in fsys, a
// LayoutError, at its place in the layout file: nil when err does not say
// where it is.
func layoutError(fsys fs.FS, err error, page string) *LayoutError {
	msg := err.Error()
	all := templatePos.FindAllStringSubmatchIndex(msg, -1)
	if all == nil {
		return nil
	}
	m := all[len(all)-1]
	name := LayoutDir + "/" + msg[m[2]:m[3]]
	line, _ := strconv.Atoi(msg[m[4]:m[5]])
	// html/template names the templates it derives for each context
	// "print-header$htmltemplate_stateAttr_delimDoubleQuote": the editor
	// wrote "print-header".
	e := &LayoutError{Pos: diag.Pos{File: name, Line: line}, Msg: derivedName.ReplaceAllString(msg[m[1]:], ""), Page: page}
	if m[6] >= 0 {
		col, _ := strconv.Atoi(msg[m[6]:m[7]])
		e.Pos.Col = charColumn(fsys, name, line, col)
	}
	return e
}

// charColumn turns a column in bytes from 0 on line of file name into one
// in characters from 1, as the editor counts; or 1 past the bytes when the
// file cannot be read.
func charColumn(fsys fs.FS, name string, line, col int) int {
	src, err := fs.ReadFile(fsys, name)
	if err != nil || line < 1 {
		return col + 1
	}
	for range line - 1 {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			return col + 1
		}
		src = src[i+1:]
	}
	if col > len(src) {
		return col + 1
	}
	return utf8.RuneCount(src[:col]) + 1
}
