package diag

import (
	"fmt"
	"io"

	"github.com/gzgov/nansha-microsite/internal/l10n"
)

// Outcome is what a command did about the problems it met: the line after
// them says it, with their number. Every such sentence of the program is
// here.
type Outcome struct {
	prog   string             // the command, as its own lines start: "microsite new measure"
	say    func(n int) string // the summary of n problems
	always bool               // say it when there is no problem too
}

// SiteKept is a build stopped by problems of its sources: the output
// folder was not touched.
func SiteKept() Outcome {
	return Outcome{prog: "microsite", say: func(n int) string {
		return l10n.Sprintf("%d error(s); the previous site was left as it was", n)
	}}
}

// BuiltSiteKept is a build whose new site failed the site check: it was
// not published.
func BuiltSiteKept() Outcome {
	return Outcome{prog: "microsite", say: func(n int) string {
		return l10n.Sprintf("the built site has %d problem(s); the previous site was left as it was", n)
	}}
}

// NoArchive is package refusing the site in dir, which fails the check.
func NoArchive(dir string) Outcome {
	return Outcome{prog: "microsite", say: func(n int) string {
		return l10n.Sprintf("%s has %d problem(s); no archive written", dir, n)
	}}
}

// NoMeasure is "new measure" refusing sources that do not load.
func NoMeasure() Outcome {
	return Outcome{prog: "microsite new measure", say: func(n int) string {
		return l10n.Sprintf("the sources have %d error(s); fix them first: no measure was written", n)
	}}
}

// Preview is the preview server's build failing: its pages show the
// problems instead.
func Preview() Outcome {
	return Outcome{prog: "microsite serve", say: func(n int) string {
		return l10n.Sprintf("%d error(s): the browser shows them until the sources are fixed", n)
	}}
}

// PreviewPage is what the preview's error page says above the problems.
func PreviewPage() Outcome {
	return Outcome{prog: "microsite serve", say: func(n int) string {
		return l10n.Sprintf("%d error(s). Fix the file and save it: this page reloads by itself.", n)
	}}
}

// Checked is "microsite check" having read a site's pages and style
// sheets; it reports their number with or without problems.
func Checked(pages, styles int) Outcome {
	return Outcome{prog: "microsite check", always: true, say: func(n int) string {
		return l10n.Sprintf("checked %d pages and %d style sheets: %d problem(s)", pages, styles, n)
	}}
}

// Summary is the outcome's sentence about n problems.
func (o Outcome) Summary(n int) string { return o.say(n) }

// Print writes the report of err on w, as every command shows one: each
// problem (see Problems) on a line of its own, file:line:col first, then
// the line it is on with a caret under the column (see Excerpt); then the
// outcome's summary line. An error that is no more than one message, with
// no place (a folder that cannot be replaced), is one line instead,
// "prog: message". A nil err reports nothing, unless the outcome always
// speaks.
func Print(w io.Writer, err error, o Outcome) {
	list := Problems(err)
	if len(list) == 1 && list[0].Pos == (Pos{}) && list[0].Page == "" {
		fmt.Fprintf(w, "%s: %s\n", o.prog, list[0].Msg)
		return
	}
	for _, e := range list {
		fmt.Fprintln(w, e)
		if ex := e.Excerpt(); ex != "" {
			fmt.Fprintln(w, ex)
		}
	}
	if len(list) > 0 || o.always {
		fmt.Fprintf(w, "%s: %s\n", o.prog, o.Summary(len(list)))
	}
}
