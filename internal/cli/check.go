package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/gzgov/nansha-microsite/internal/check"
)

const checkUsage = "Usage: microsite check [DIR]\n\nChecks the built site in DIR (default public): links, #fragments, CSS url(),\nnothing loaded from outside, <html lang>, <title>, meta description, one <h1>.\n"

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, checkUsage) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	dir := "public"
	switch fs.NArg() {
	case 0:
	case 1:
		dir = fs.Arg(0)
	default:
		fmt.Fprintf(stderr, "microsite check: unexpected argument %q\n", fs.Arg(1))
		return exitUsage
	}
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "microsite check: %s is not a directory (build the site first: microsite build)\n", dir)
		return exitFail
	}
	r, err := check.Site(os.DirFS(dir))
	if err != nil {
		fmt.Fprintf(stderr, "microsite check: %v\n", err)
		return exitFail
	}
	printReport(stdout, r)
	if len(r.Problems) > 0 {
		return exitFail
	}
	return exitOK
}

// printReport prints the problems, the links out of the site, and a summary.
func printReport(w io.Writer, r *check.Report) {
	for _, p := range r.Problems {
		fmt.Fprintln(w, p)
	}
	if len(r.External) > 0 {
		fmt.Fprintf(w, "links out of the site (%d):\n", len(r.External))
		for _, l := range r.External {
			fmt.Fprintf(w, "  %s\n", l)
		}
	}
	fmt.Fprintf(w, "checked %d pages and %d style sheets: %d problem(s)\n", r.Pages, r.Styles, len(r.Problems))
}
