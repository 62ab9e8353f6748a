// Package diag is how the program tells an editor what is wrong: one error
// type for a problem at a place in a file, a list of them, and the one
// printer every command uses.
//
// A problem carries its position from birth: the file, the line and the
// column in characters (not bytes), the message, and the text of the line,
// so that a terminal and the preview's error page can show it with a caret
// under the column. Content, layouts, assets, the site check: every stage
// that knows where a problem is makes an *Error, and a run's problems travel
// as a List, sorted by file, line and column, each once. A mistake met
// again and again — in a layout that every page of a kind runs — is one
// Error counting the pages (Page, Pages).
//
// Print writes a report on a terminal, and Outcome says what the command
// did about the problems; the summary lines are all in this package, so
// that their wording changes in one place, and in the editor's language
// (internal/l10n), as every message is.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/l10n"
)

// Pos is a place in a file.
type Pos struct {
	File string // slash-separated: from the source root (content/measures/03.md) or the site's (measures/03.html)
	Line int    // 1-based; 0 when unknown
	Col  int    // 1-based, in characters, not bytes; 0 when unknown
}

// String is file:line:col, as far as it is known: "" for no place.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is one problem, at its place.
type Error struct {
	Pos  Pos
	Msg  string // what is wrong, and what to do about it
	Text string // the line at Pos.Line as the file has it, when known, for the caret
	Err  error  // the cause, when a library's error is behind Msg

	// Page is the page of the site the problem was met on, when it was
	// met while making the pages, and Pages how many met it, when more
	// than one.
	Page  string
	Pages int
}

// Error is "file:line:col: " and Message.
func (e *Error) Error() string {
	if p := e.Pos.String(); p != "" {
		return p + ": " + e.Message()
	}
	return e.Message()
}

// Message is Msg and, when the problem was met on pages of the site, which:
// "… (on 62 pages, e.g. measures/01.html)".
func (e *Error) Message() string {
	switch {
	case e.Pages > 1:
		return e.Msg + l10n.Sprintf(" (on %d pages, e.g. %s)", e.Pages, e.Page)
	case e.Page != "":
		return e.Msg + l10n.Sprintf(" (on %s)", e.Page)
	}
	return e.Msg
}

// Unwrap returns the cause, for errors.Is and errors.As.
func (e *Error) Unwrap() error { return e.Err }

// place is what makes two Errors one problem, met twice.
type place struct {
	pos       Pos
	msg, text string
}

// pages is how many pages met e: 0 when it was not met on a page.
func (e *Error) pages() int {
	if e.Page == "" {
		return 0
	}
	return max(e.Pages, 1)
}

// List is problems found in one run, reported together.
type List []*Error

func (l List) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Sorted returns the problems of l in order of file, line and column, each
// once: a problem met again is merged into its first, which counts the
// pages of both. Files come in the order of a walk of their folders (a
// folder's files before the file named like it plus ".html", as '/' sorts
// first); among problems at one place, the order of l stays. l is left as
// it was.
func (l List) Sorted() List {
	out := make(List, 0, len(l))
	seen := make(map[place]int, len(l)) // index in out
	for _, e := range l {
		k := place{e.Pos, e.Msg, e.Text}
		if i, ok := seen[k]; ok {
			if n := out[i].pages() + e.pages(); n > 0 {
				merged := *out[i]
				if merged.Page == "" {
					merged.Page = e.Page
				}
				merged.Pages = n
				out[i] = &merged
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b *Error) int {
		return cmp.Or(
			comparePaths(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
		)
	})
	return out
}

// Join returns errs as one error, nil when every one is nil. When each holds
// problems only (an *Error, a List, or an errors.Join of them), it is a
// List of them all, Sorted; otherwise an errors.Join of that List, first,
// and of the other errors, in the order given.
func Join(errs ...error) error {
	var list List
	var other []error
	for _, err := range errs {
		l, o := split(err)
		list, other = append(list, l...), append(other, o...)
	}
	list = list.Sorted()
	switch {
	case len(other) == 0 && len(list) == 0:
		return nil
	case len(other) == 0:
		return list
	case len(list) == 0:
		return errors.Join(other...)
	}
	return errors.Join(append([]error{list}, other...)...)
}

// split takes err apart, through errors.Join, into its problems and the
// errors that are none. An error that wraps a problem with words of its
// own ("… would not load: %w") stays whole: those words would be lost.
func split(err error) (List, []error) {
	switch e := err.(type) {
	case nil:
		return nil, nil
	case *Error:
		return List{e}, nil
	case List:
		return e, nil
	case interface{ Unwrap() []error }:
		var list List
		var other []error
		for _, err := range e.Unwrap() {
			l, o := split(err)
			list, other = append(list, l...), append(other, o...)
		}
		return list, other
	}
	return nil, []error{err}
}

// Problems returns what err holds as problems to show, one each: its
// problems, Sorted, then each other error as a problem with no place, its
// message as Msg. It returns nil for a nil err.
func Problems(err error) List {
	list, other := split(err)
	list = list.Sorted()
	for _, err := range other {
		list = append(list, &Error{Msg: err.Error(), Err: err})
	}
	return list
}

// comparePaths orders slash-separated paths as fs.WalkDir meets them:
// byte by byte, with '/' before any other byte.
func comparePaths(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		ca, cb := a[i], b[i]
		if ca == cb {
			continue
		}
		switch {
		case ca == '/':
			return -1
		case cb == '/':
			return 1
		}
		return cmp.Compare(ca, cb)
	}
	return cmp.Compare(len(a), len(b))
}
