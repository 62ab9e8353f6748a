package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/gzgov/nansha-microsite/internal/build"
	"github.com/gzgov/nansha-microsite/internal/content"
)

var buildCommand = &command{
	name:    "build",
	summary: "write the site into public/, ready to publish",
	usage: `Usage: microsite build [--source DIR] [--out DIR] [--zip FILE]

Reads site.toml, content/, layouts/ and assets/ and writes the whole site
into a new folder, which replaces the output folder only when everything
succeeded: a failed build leaves the previous site as it was. Prints one
line (pages, files, bytes, time); every error with its file and line.

Flags:
  --source DIR   the folder holding site.toml (default ".")
  --out DIR      the output folder, replaced as a whole (default "public")
  --zip FILE     also write the built site to this zip archive (see
                 "microsite help package")

Examples:
  microsite build                     # sources in ., site in ./public
  microsite build --out /tmp/site     # write the site elsewhere
  microsite build --source ../site    # build another copy of the sources
  microsite build --zip nansha3.zip   # and an archive of it, for a USB stick
`,
	run: runBuild,
}

func runBuild(c *command, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	var opts build.Options
	fs.StringVar(&opts.Source, "source", ".", "")
	fs.StringVar(&opts.Out, "out", "public", "")
	zipFile := fs.String("zip", "", "")
	if code, ok := parseFlags(fs, c, args, stdout, stderr); !ok {
		return code
	}
	paceCollector(opts.Source)
	p := newProgress(stderr)
	opts.Progress = p.callback()
	sum, err := build.Run(opts)
	p.done()
	if err != nil {
		printError(stderr, err)
		return exitFail
	}
	fmt.Fprintln(stdout, sum)
	if *zipFile != "" {
		return writePackage(opts.Out, *zipFile, stdout, stderr)
	}
	return exitOK
}

// printError prints a build error: content errors and site check problems
// one a line, each content error with the offending source line when known.
func printError(w io.Writer, err error) {
	var bad *build.CheckError
	if errors.As(err, &bad) {
		for _, p := range bad.Problems {
			fmt.Fprintln(w, p)
		}
		fmt.Fprintf(w, "microsite: the built site has %d problem(s); the previous site was left as it was\n", len(bad.Problems))
		return
	}
	var list content.ErrorList
	if !errors.As(err, &list) {
		fmt.Fprintf(w, "microsite: %v\n", err)
		return
	}
	for _, e := range list {
		fmt.Fprintln(w, e)
		if ex := e.Excerpt(); ex != "" {
			fmt.Fprintln(w, ex)
		}
	}
	fmt.Fprintf(w, "microsite: %d error(s); the previous site was left as it was\n", len(list))
}
