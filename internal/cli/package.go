package cli

import (
	"errors"
	"io"

	"github.com/gzgov/nansha-microsite/internal/build"
	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
)

var packageCommand = &command{
	name:    "package",
	summary: l10n.Msg("write a built site to a zip archive, for USB copies"),
	usage: l10n.Msg(`Usage: microsite package [--site DIR] FILE

Writes the built site to the zip archive FILE, after checking it and every
file against its SHA256SUMS. The archive holds exactly the files SHA256SUMS
lists; a site holding anything else (a file or folder added after the
build) is refused. The same site always gives the same bytes: entries
sorted, ASCII names, one timestamp: SOURCE_DATE_EPOCH when set (before 1980
it becomes 1980-01-01, the earliest a zip can hold; after 2106-02-07, the
latest, it is an error), else 1980-01-01.

FILE is written only where nothing can be lost: it may be new, or an archive
this program wrote (it carries a comment saying so); any other file is never
replaced. It may not lie in the site, nor in a source tree's site.toml,
content/, layouts/ or assets/. A link is followed, and stays.

Flags:
  --site DIR   the built site (default "public")
  --lang LANG  the language of the messages: zh (Chinese) or en (English)

Examples:
  microsite package nansha3.zip
  microsite build --zip nansha3.zip    # build and package in one go
`),
	run: runPackage,
}

func runPackage(c *command, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("package")
	dir := fs.String("site", "public", "")
	if code, ok := parseFlagsArgs(fs, c, args, 1, 1, stdout, stderr); !ok {
		return code
	}
	return writePackage(*dir, fs.Arg(0), stdout, stderr)
}

func writePackage(dir, file string, stdout, stderr io.Writer) int {
	n, err := build.Package(dir, file)
	if err != nil {
		var bad *build.CheckError
		if errors.As(err, &bad) {
			err = bad.Problems
		}
		diag.Print(stderr, err, diag.NoArchive(dir))
		return exitFail
	}
	l10n.Fprintf(stdout, "packaged %d files of %s into %s\n", n, dir, file)
	return exitOK
}
