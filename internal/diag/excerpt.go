package diag

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Excerpt shows the line the problem is on, with a caret under its column,
// for a terminal:
//
//	| home = "首␇頁"
//	|           ^
//
// It is "" when the line is not known, and the line alone when the column
// is not. A terminal shows a CJK character two cells wide, and expands a
// tab: the caret's line counts the one and copies the other.
func (e *Error) Excerpt() string {
	if e.Text == "" {
		return ""
	}
	s := "    | " + e.Line()
	if e.Pos.Col > 0 {
		var pad strings.Builder
		for _, r := range e.Before() {
			if r == '\t' {
				pad.WriteByte('\t')
				continue
			}
			pad.WriteString(strings.Repeat(" ", cells(r)))
		}
		s += "\n    | " + pad.String() + "^"
	}
	return s
}

// Before is the text of the line before the problem's column, control
// characters shown as in Excerpt: what a caret under the column must be
// preceded by. It is "" when the line or the column is not known.
func (e *Error) Before() string {
	if e.Pos.Col < 1 {
		return ""
	}
	n := 0
	for i := range e.Text {
		if n++; n == e.Pos.Col {
			return visible(e.Text[:i])
		}
	}
	return visible(e.Text) // a column just past the line's end
}

// Line is the problem's line as Excerpt shows it, or "".
func (e *Error) Line() string { return visible(e.Text) }

// cells is how many cells of a terminal r takes: 2 for East Asian wide and
// fullwidth characters (Unicode's East Asian Width, UAX #11), 0 for
// combining marks and format characters, else 1.
func cells(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 0
	}
	return 1
}

// visible shows each control character of s but tab as its Control
// Pictures symbol (␀ for NUL, ␡ for DEL) or, past ASCII, as U+FFFD: a
// line of a file may hold one (that may be the problem), and printed raw an
// escape code would act on the terminal instead of showing where it is.
// Every character stays one character, so columns still count.
func visible(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return r
		case r < 0x20:
			return 0x2400 + r
		case r == 0x7f:
			return 0x2421
		case unicode.IsControl(r):
			return unicode.ReplacementChar
		}
		return r
	}, s)
}
