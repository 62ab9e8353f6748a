package render

import (
	"bytes"
	"io/fs"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/gzgov/nansha-microsite/internal/diag"
)

// templatePos finds where text/template and html/template say an error is:
// "template: measure.html:3:47: msg" (the column in bytes from 0), or
// "html/template:measure.html:3: msg". They give it in the message alone.
// Of errors nested in a shared part's, the innermost is the mistake.
var templatePos = regexp.MustCompile(`(?:^|: )(?:html/)?template: ?([^\s:]+\.html):(\d+)(?::(\d+))?: `)

var derivedName = regexp.MustCompile(`\$htmltemplate_\w+`)

// layoutError makes err, from executing or parsing the layouts in fsys, a
// problem at its place in the layout file as the editor wrote it, with its
// line, met on page ("" while parsing): nil when err does not say where it
// is. One mistake in a layout is met again on every page of its kind:
// diag.List.Sorted makes them one problem, counting the pages.
func layoutError(fsys fs.FS, err error, page string) *diag.Error {
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
	e := &diag.Error{Pos: diag.Pos{File: name, Line: line}, Msg: derivedName.ReplaceAllString(msg[m[1]:], ""), Err: err, Page: page}
	text, ok := lineOf(fsys, name, line)
	if ok {
		e.Text = text
	}
	if m[6] >= 0 {
		col, _ := strconv.Atoi(msg[m[6]:m[7]])
		// A column in bytes from 0; the editor counts characters from 1.
		if ok && col <= len(text) {
			e.Pos.Col = utf8.RuneCountInString(text[:col]) + 1
		} else {
			e.Pos.Col = col + 1
		}
	}
	return e
}

// lineOf returns line n of the file name in fsys, without its line end,
// and whether the file has it.
func lineOf(fsys fs.FS, name string, n int) (string, bool) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil || n < 1 {
		return "", false
	}
	for range n - 1 {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			return "", false
		}
		src = src[i+1:]
	}
	line, _, _ := bytes.Cut(src, []byte("\n"))
	return string(bytes.TrimSuffix(line, []byte("\r"))), true
}
