package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/diag"
)

// Error is one problem in the sources, at a position.
type Error struct {
	Pos  diag.Pos // its column counts characters, not bytes
	Msg  string
	Text string // the offending source line, when known, for a caret display
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Excerpt shows the offending line with a caret under the column, or "" when
// the line is not known.
func (e *Error) Excerpt() string {
	if e.Text == "" {
		return ""
	}
	caret := ""
	if e.Pos.Col > 0 {
		// Col counts characters; a terminal shows CJK text two cells wide.
		width, n := 0, 0
		for _, r := range e.Text {
			if n++; n >= e.Pos.Col {
				break
			}
			width++
			if r >= 0x1100 && isWide(r) {
				width++
			}
		}
		caret = "\n    | " + strings.Repeat(" ", width) + "^"
	}
	return fmt.Sprintf("    | %s%s", e.Text, caret)
}

func isWide(r rune) bool {
	return (r >= 0x1100 && r <= 0x115F) || (r >= 0x2E80 && r <= 0xA4CF) ||
		(r >= 0xAC00 && r <= 0xD7A3) || (r >= 0xF900 && r <= 0xFAFF) ||
		(r >= 0xFE30 && r <= 0xFE4F) || (r >= 0xFF00 && r <= 0xFF60) ||
		(r >= 0xFFE0 && r <= 0xFFE6) || (r >= 0x20000 && r <= 0x3FFFD)
}

// ErrorList is every problem found in one load, sorted by file, line, column.
type ErrorList []*Error

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

func (l ErrorList) sort() {
	slices.SortStableFunc(l, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
		)
	})
}

// errs collects errors during a load.
type errs struct{ list ErrorList }

func (c *errs) add(pos diag.Pos, format string, args ...any) {
	c.list = append(c.list, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

func (c *errs) addErr(e *Error) { c.list = append(c.list, e) }

func (c *errs) err() error {
	if len(c.list) == 0 {
		return nil
	}
	c.list.sort()
	return c.list
}

// Join returns the errors of every list as one, sorted by file, line and
// column: problems found apart, reported together.
func Join(lists ...ErrorList) ErrorList {
	var all ErrorList
	for _, l := range lists {
		all = append(all, l...)
	}
	all.sort()
	return all
}
