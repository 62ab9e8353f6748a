package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/scaffold"
)

var newCommand = &command{
	name:    "new",
	summary: l10n.Msg("create a new content file: microsite new measure …"),
	usage: l10n.Msg(`Usage: microsite new measure --title TEXT --category SLUG --unit NAME [flags]

Creates content/measures/NN.md for a new measure, front matter filled in,
after checking every value against site.toml and the other measures. The
new measure is a draft (draft = true): "microsite serve" shows it, marked
草稿, and "microsite build" leaves it out until you delete that line. Write
its text in the file (it starts with a TODO line, which a published measure
may not keep). It never overwrites a file, and refuses a number already
used or one that would leave a gap, a control character in any value, and
raw HTML in the text (the site publishes text only).

Flags:
  --title TEXT      the measure's title (項目名稱); required
  --category SLUG   its category, a slug or name from site.toml: investment,
                    trade, government, supervision, rule-of-law, finance,
                    green-city; required
  --unit NAME       a lead unit (牽頭單位), a name or slug from site.toml;
                    required; repeat it for several
  --number N        the measure's number (default: the next one)
  --scope TEXT      its scope (推廣范圍) (default: the one most measures have)
  --text TEXT       its text (實施內容), Markdown (default: a TODO line)
  --source DIR      the folder holding site.toml (default ".")
  --lang LANG       the language of the messages: zh (Chinese) or en (English)

Examples:
  microsite new measure --number 32 --category trade --title "跨境電商退貨新模式" --unit 廣州海關
  microsite new measure --category finance --title "…" --unit 市金融局 --unit 廣州供電局
`),
	run: runNew,
}

func runNew(c *command, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "measure" {
		switch {
		case len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help"):
			fmt.Fprint(stdout, c.usage)
			return exitOK
		case len(args) == 0 || args[0][0] == '-':
			l10n.Fprintf(stderr, "microsite new: say what to create: microsite new measure … (see \"microsite new -h\")\n")
		default:
			l10n.Fprintf(stderr, "microsite new: cannot create %q: it creates measures (see \"microsite new -h\")\n", args[0])
		}
		return exitUsage
	}
	fs := newFlags("new")
	var (
		m      scaffold.Measure
		number int
		source string
	)
	fs.IntVar(&number, "number", 0, "")
	fs.StringVar(&m.Title, "title", "", "")
	fs.StringVar(&m.Category, "category", "", "")
	fs.Func("unit", "", func(s string) error { m.Units = append(m.Units, s); return nil })
	fs.StringVar(&m.Scope, "scope", "", "")
	fs.StringVar(&m.Text, "text", "", "")
	fs.StringVar(&source, "source", ".", "")
	if code, ok := parseFlags(fs, c, args[1:], stdout, stderr); !ok {
		return code
	}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "number" { // given, even as 0: checked, not taken for "the next one"
			m.Number = &number
		}
	})
	for _, req := range []struct {
		flag string
		set  bool
	}{{"title", m.Title != ""}, {"category", m.Category != ""}, {"unit", len(m.Units) > 0}} {
		if !req.set {
			l10n.Fprintf(stderr, "microsite new measure: --%s is required (see \"microsite new -h\")\n", req.flag)
			return exitUsage
		}
	}
	name, err := scaffold.NewMeasure(source, m)
	if err != nil {
		diag.Print(stderr, err, diag.NoMeasure())
		return exitFail
	}
	l10n.Fprintf(stdout, "created %s, a draft: write its text there (run \"microsite serve\" to see it as you type), then delete its line draft = true to publish it\n", filepath.Join(source, filepath.FromSlash(name)))
	return exitOK
}
