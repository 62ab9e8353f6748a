// Package cli is the microsite command's command line: it parses arguments,
// calls the package that does the work, and turns the outcome into output
// and an exit code (0 success, 1 failure, 2 usage error).
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/gzgov/nansha-microsite/internal/build"
	"github.com/gzgov/nansha-microsite/internal/content"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

const usage = `microsite builds the microsite of 穗府函〔2018〕161號.

Usage:
  microsite build [--source DIR] [--out DIR] [--zip FILE]
  microsite check [DIR]
  microsite package [--site DIR] FILE

Commands:
  build     read site.toml, content/, layouts/ and assets/ and write the site
  check     check a built site (default public/): links, references, page metadata
  package   write a built site (default public/) to a zip archive for distribution

Examples:
  microsite build                     # sources in ., site in ./public
  microsite build --out /tmp/site     # write the site elsewhere
  microsite build --zip nansha3.zip   # and an archive of it, for a USB stick
`

// Main runs the command line args and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "build":
		return runBuild(rest, stdout, stderr)
	case "check":
		return runCheck(rest, stdout, stderr)
	case "package":
		return runPackage(rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "microsite: unknown command %q (run \"microsite help\")\n", cmd)
		return exitUsage
	}
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts build.Options
	fs.StringVar(&opts.Source, "source", ".", "the source `directory` (holding site.toml)")
	fs.StringVar(&opts.Out, "out", "public", "the output `directory`, replaced as a whole")
	zipFile := fs.String("zip", "", "also write the built site to this zip `file` (see microsite package)")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: microsite build [--source DIR] [--out DIR] [--zip FILE]\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "microsite build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	sum, err := build.Run(opts)
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

// printError prints a build error; content errors one a line, each with the
// offending source line when known.
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
