package diag

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

func TestPosString(t *testing.T) {
	tests := []struct {
		pos  Pos
		want string
	}{
		{Pos{}, ""},
		{Pos{File: "site.toml"}, "site.toml"},
		{Pos{File: "site.toml", Line: 3}, "site.toml:3"},
		{Pos{File: "site.toml", Line: 3, Col: 10}, "site.toml:3:10"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.pos.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{"placed", &Error{Pos: Pos{File: "a.md", Line: 2, Col: 5}, Msg: "bad"}, "a.md:2:5: bad"},
		{"no place", &Error{Msg: "bad"}, "bad"},
		{"on a page", &Error{Pos: Pos{File: "layouts/base.html", Line: 1}, Msg: "bad", Page: "index.html"}, "layouts/base.html:1: bad (on index.html)"},
		{"on pages", &Error{Pos: Pos{File: "layouts/base.html", Line: 1}, Msg: "bad", Page: "index.html", Pages: 62}, "layouts/base.html:1: bad (on 62 pages, e.g. index.html)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestErrorUnwrap(t *testing.T) {
	e := &Error{Pos: Pos{File: "assets/site.css"}, Msg: "cannot read it", Err: fs.ErrPermission}
	if !errors.Is(e, fs.ErrPermission) {
		t.Error("errors.Is does not find the cause")
	}
	var found *Error
	if !errors.As(fmt.Errorf("x: %w", e), &found) || found != e {
		t.Error("errors.As does not find the Error")
	}
}

// at makes an Error at file:line:col.
func at(file string, line, col int, msg string) *Error {
	return &Error{Pos: Pos{File: file, Line: line, Col: col}, Msg: msg}
}

func TestSorted(t *testing.T) {
	onPage := func(e *Error, page string) *Error { e.Page = page; return e }
	tests := []struct {
		name string
		in   List
		want string
	}{
		{"by file, line, column", List{at("b.md", 1, 1, "x"), at("a.md", 9, 1, "x"), at("a.md", 2, 7, "x"), at("a.md", 2, 3, "x"), at("", 0, 0, "plain")},
			"plain\na.md:2:3: x\na.md:2:7: x\na.md:9:1: x\nb.md:1:1: x"},
		{"one place keeps its order", List{at("a.md", 1, 1, "second"), at("a.md", 1, 1, "first")},
			"a.md:1:1: second\na.md:1:1: first"},
		{"a duplicate dropped", List{at("a.md", 1, 1, "x"), at("a.md", 1, 1, "x")},
			"a.md:1:1: x"},
		{"one layout mistake on many pages", List{
			onPage(at("layouts/measure.html", 3, 48, "can't evaluate"), "measures/01.html"),
			onPage(at("layouts/home.html", 1, 1, "other"), "index.html"),
			onPage(at("layouts/measure.html", 3, 48, "can't evaluate"), "measures/02.html"),
			onPage(at("layouts/measure.html", 3, 48, "can't evaluate"), "zh-hans/measures/01.html"),
		}, "layouts/home.html:1:1: other (on index.html)\n" +
			"layouts/measure.html:3:48: can't evaluate (on 3 pages, e.g. measures/01.html)"},
		{"files in the order of a walk", List{at("zh-hans.html", 0, 0, "x"), at("zh-hans/404.html", 0, 0, "x"), at("zh-hans/units/a.html", 0, 0, "x"), at("zh-hans/units-a.html", 0, 0, "x")},
			"zh-hans/404.html: x\nzh-hans/units/a.html: x\nzh-hans/units-a.html: x\nzh-hans.html: x"},
		{"same message, other line", List{at("a.md", 1, 1, "x"), at("a.md", 2, 1, "x")},
			"a.md:1:1: x\na.md:2:1: x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.in.Error()
			if got := tt.in.Sorted().Error(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			if tt.in.Error() != before {
				t.Error("Sorted changed its list")
			}
		})
	}
}

func TestJoin(t *testing.T) {
	plain := errors.New("write public/x: no space left")
	tests := []struct {
		name     string
		errs     []error
		want     string
		wantList bool
	}{
		{"nothing", []error{nil, nil}, "", false},
		{"lists merged and sorted", []error{List{at("b.md", 1, 1, "x")}, nil, List{at("a.md", 1, 1, "y")}},
			"a.md:1:1: y\nb.md:1:1: x", true},
		{"through errors.Join", []error{errors.Join(at("b.md", 1, 1, "x"), errors.Join(at("a.md", 1, 1, "y")))},
			"a.md:1:1: y\nb.md:1:1: x", true},
		{"other errors after the problems", []error{plain, at("a.md", 1, 1, "y")},
			"a.md:1:1: y\nwrite public/x: no space left", false},
		{"a wrapper keeps its words", []error{fmt.Errorf("05.md would not load: %w", at("a.md", 1, 1, "y"))},
			"05.md would not load: a.md:1:1: y", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Join(tt.errs...)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("got %v, want nil", err)
				}
				return
			}
			if err == nil || err.Error() != tt.want {
				t.Fatalf("got:\n%v\nwant:\n%s", err, tt.want)
			}
			if _, ok := err.(List); ok != tt.wantList {
				t.Errorf("a List: %v, want %v", ok, tt.wantList)
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct {
		name string
		text string
		col  int
		want string
	}{
		{"no line", "", 3, ""},
		{"no column", "number = x", 0, "    | number = x"},
		{"ASCII", "number = x", 10, "    | number = x\n    |          ^"},
		{"first column", "x", 1, "    | x\n    | ^"},
		{"CJK is two cells wide", `title = "報關單"x`, 14, "    | title = \"報關單\"x\n    |                 ^"},
		{"fullwidth punctuation too", "a\uff0cb", 3, "    | a\uff0cb\n    |    ^"},
		{"curly quotes are one (East Asian ambiguous)", "“一”x", 4, "    | “一”x\n    |     ^"},
		{"a tab stays a tab", "\tkey = x", 8, "    | \tkey = x\n    | \t      ^"},
		{"a combining mark takes no cell", "e\u0301x", 3, "    | e\u0301x\n    |  ^"},
		{"control characters shown, one column each", "a\x1b[2Jb", 6, "    | a␛[2Jb\n    |      ^"},
		{"DEL and C1 too", "a\x7f\u009bb", 4, "    | a␡\ufffdb\n    |    ^"},
		{"the column just past the end", "abc", 4, "    | abc\n    |    ^"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &Error{Pos: Pos{File: "f", Line: 1, Col: tt.col}, Text: tt.text}
			if got := e.Excerpt(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestBefore(t *testing.T) {
	e := &Error{Pos: Pos{Line: 1, Col: 6}, Text: "報關\x07單“一鍵”"}
	if got, want := e.Before(), "報關␇單“"; got != want {
		t.Errorf("Before() = %q, want %q", got, want)
	}
	if got, want := e.Line(), "報關␇單“一鍵”"; got != want {
		t.Errorf("Line() = %q, want %q", got, want)
	}
	e.Pos.Col = 0
	if got := e.Before(); got != "" {
		t.Errorf("Before() with no column = %q, want \"\"", got)
	}
}

func TestPrint(t *testing.T) {
	content := List{
		{Pos: Pos{File: "site.toml", Line: 5, Col: 12}, Msg: "base_url: holds a space", Text: `base_url = "a b"`},
		{Pos: Pos{File: "content/measures/02.md", Line: 4, Col: 12}, Msg: `unknown category "tarde"`, Text: `category = "tarde"`},
	}
	layout := errors.Join(
		&Error{Pos: Pos{File: "layouts/measure.html", Line: 3, Col: 5}, Msg: "executing \"crumbs\": no such field", Text: "\t<p>{{.Nmber}}</p>", Page: "measures/01.html"},
		&Error{Pos: Pos{File: "layouts/measure.html", Line: 3, Col: 5}, Msg: "executing \"crumbs\": no such field", Text: "\t<p>{{.Nmber}}</p>", Page: "measures/02.html"},
		errors.New("measures/03.html: write: no space left on device"),
	)
	checked := List{
		{Pos: Pos{File: "404.html"}, Msg: `<a href="gone.html">: no such file: gone.html`},
		{Pos: Pos{File: "404.html"}, Msg: "<h1>: missing"},
	}
	tests := []struct {
		name    string
		err     error
		outcome Outcome
		want    string
	}{
		{"a build's sources", content, SiteKept(), `content/measures/02.md:4:12: unknown category "tarde"
    | category = "tarde"
    |            ^
site.toml:5:12: base_url: holds a space
    | base_url = "a b"
    |            ^
microsite: 2 error(s); the previous site was left as it was
`},
		{"a layout met on two pages, and a write error", layout, SiteKept(), `layouts/measure.html:3:5: executing "crumbs": no such field (on 2 pages, e.g. measures/01.html)
    | 	<p>{{.Nmber}}</p>
    | 	   ^
measures/03.html: write: no space left on device
microsite: 2 error(s); the previous site was left as it was
`},
		{"a lone message", errors.New("refusing output directory www: it holds 2 files"), SiteKept(),
			"microsite: refusing output directory www: it holds 2 files\n"},
		{"the built site", checked, BuiltSiteKept(), `404.html: <a href="gone.html">: no such file: gone.html
404.html: <h1>: missing
microsite: the built site has 2 problem(s); the previous site was left as it was
`},
		{"package", checked[:1], NoArchive("public"), `404.html: <a href="gone.html">: no such file: gone.html
microsite: public has 1 problem(s); no archive written
`},
		{"new measure", content[1:], NoMeasure(), `content/measures/02.md:4:12: unknown category "tarde"
    | category = "tarde"
    |            ^
microsite new measure: the sources have 1 error(s); fix them first: no measure was written
`},
		{"new measure's own refusal", errors.New("number 3 is already used by content/measures/03.md"), NoMeasure(),
			"microsite new measure: number 3 is already used by content/measures/03.md\n"},
		{"serve", content[:1], Preview(), `site.toml:5:12: base_url: holds a space
    | base_url = "a b"
    |            ^
microsite serve: 1 error(s): the browser shows them until the sources are fixed
`},
		{"check, problems", checked, Checked(3, 1), `404.html: <a href="gone.html">: no such file: gone.html
404.html: <h1>: missing
microsite check: checked 3 pages and 1 style sheets: 2 problem(s)
`},
		{"check, none", nil, Checked(3, 1), "microsite check: checked 3 pages and 1 style sheets: 0 problem(s)\n"},
		{"nothing to say", nil, SiteKept(), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			Print(&b, tt.err, tt.outcome)
			if got := b.String(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestProblemsKeepsEveryOther: errors without a place follow the problems,
// in their order, each one problem.
func TestProblemsKeepsEveryOther(t *testing.T) {
	err := errors.Join(errors.New("first"), at("a.md", 1, 1, "x"), errors.New("second"))
	var got []string
	for _, e := range Problems(err) {
		got = append(got, e.Error())
	}
	if want := "a.md:1:1: x|first|second"; strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}
