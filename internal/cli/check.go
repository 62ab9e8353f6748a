package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/gzgov/nansha-microsite/internal/check"
	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
)

var checkCommand = &command{
	name:    "check",
	summary: l10n.Msg("check a built site: links, references, page metadata"),
	usage: l10n.Msg(`Usage: microsite check [DIR]

Reads the built site in DIR (default public) and reports every problem a
reader would meet, one a line, then exits 1 if there was any: a link or
reference (href, xlink:href, src, srcset, CSS url(), in SVG too) to no file,
to a bare folder or to a missing #fragment; anything loaded from outside the
site; a <meta http-equiv="refresh"> to another site; a symbolic link to a
file outside the site; a page without <html lang>, <title>, a meta
description or exactly one <h1>. Links out of the site are allowed and
listed. A folder with no page (no .html file) is an error too. Every build
runs the same check.

Flags:
  --lang LANG  the language of the messages: zh (Chinese) or en (English)

Examples:
  microsite check              # the site in public/
  microsite check /tmp/site    # any built site
`),
	run: runCheck,
}

func runCheck(c *command, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check")
	if code, ok := parseFlagsArgs(fs, c, args, 0, 1, stdout, stderr); !ok {
		return code
	}
	dir := "public"
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		l10n.Fprintf(stderr, "microsite check: %s is not a directory (build the site first: microsite build)\n", dir)
		return exitFail
	}
	r, err := check.Site(os.DirFS(dir))
	if err != nil {
		fmt.Fprintf(stderr, "microsite check: %v\n", err)
		return exitFail
	}
	if r.Pages == 0 {
		// Nothing to check is no clean bill: a wrong folder, or a build
		// that never ran, must not pass.
		l10n.Fprintf(stderr, "microsite check: %s holds no pages (no .html file): is it a built site? (build one with: microsite build)\n", dir)
		return exitFail
	}
	printReport(stdout, r)
	if len(r.Problems) > 0 {
		return exitFail
	}
	return exitOK
}

// printReport prints the links out of the site, then the problems and the
// summary, last, where a reader looks.
func printReport(w io.Writer, r *check.Report) {
	if len(r.External) > 0 {
		l10n.Fprintf(w, "links out of the site (%d):\n", len(r.External))
		for _, l := range r.External {
			fmt.Fprintf(w, "  %s\n", l)
		}
	}
	diag.Print(w, r.Problems, diag.Checked(r.Pages, r.Styles))
}
