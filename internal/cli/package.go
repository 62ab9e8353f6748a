package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/gzgov/nansha-microsite/internal/build"
)

func runPackage(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("package", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("site", "public", "the built site's `directory`")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: microsite package [--site DIR] FILE\n\n"+
			"Writes the built site to the zip archive FILE, after checking it and its SHA256SUMS.\n"+
			"The same site always gives the same bytes; SOURCE_DATE_EPOCH sets the entries' date.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	return writePackage(*dir, fs.Arg(0), stdout, stderr)
}

func writePackage(dir, file string, stdout, stderr io.Writer) int {
	n, err := build.Package(dir, file)
	if err != nil {
		var bad *build.CheckError
		if errors.As(err, &bad) {
			for _, p := range bad.Problems {
				fmt.Fprintln(stderr, p)
			}
			fmt.Fprintf(stderr, "microsite: %s has %d problem(s); no archive written\n", dir, len(bad.Problems))
			return exitFail
		}
		fmt.Fprintf(stderr, "microsite: %v\n", err)
		return exitFail
	}
	fmt.Fprintf(stdout, "packaged %d files of %s into %s\n", n, dir, file)
	return exitOK
}
