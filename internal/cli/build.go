package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/gzgov/nansha-microsite/internal/build"
	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
)

var buildCommand = &command{
	name:    "build",
	summary: l10n.Msg("write the site into public/, ready to publish"),
	usage: l10n.Msg(`Usage: microsite build [--source DIR] [--out DIR] [--zip FILE] [--drafts] [--base-url URL]

Reads site.toml, content/, layouts/ and assets/ and writes the whole site
into a new folder beside the output folder, which replaces it only when
everything succeeded: a failed or killed build leaves the previous site as
it was, and the next build cleans up after a killed one. Prints one line
(pages, files, bytes, time); every error with its file and line.

Draft measures (draft = true in their front matter) are left out, as if
their files were not there, and the build says which; --drafts keeps them,
marked 草稿, for a copy to review (never to publish). They are checked
either way.

A build replaces only what a build wrote. An output folder that holds
anything its SHA256SUMS does not list (an uploads/ folder, a file of your
own), or a file changed since the build (a page edited by hand), is
refused, naming them, and nothing in it is touched. An empty or missing
folder is fine. When the output folder is a link (public -> /var/www/site),
the site replaces the folder it points to and the link stays.

Flags:
  --source DIR     the folder holding site.toml (default ".")
  --out DIR        the output folder (default "public")
  --zip FILE       also write the built site to this zip archive (see
                   "microsite help package"); checked before the build
  --drafts         keep the draft measures, marked (also -D, --buildDrafts)
  --base-url URL   the site's address, instead of site.toml's base_url: the
                   same sources for a staging host and for production (also
                   --baseURL, -b, and MICROSITE_BASE_URL in the environment)
  --lang LANG      the language of the messages: zh (Chinese) or en (English)

Examples:
  microsite build                     # sources in ., site in ./public
  microsite build --out /tmp/site     # write the site elsewhere
  microsite build --source ../site    # build another copy of the sources
  microsite build --zip nansha3.zip   # and an archive of it, for a USB stick
  microsite build --base-url https://staging.example.gov.cn/nansha3/ --out staging
`),
	run: runBuild,
}

func runBuild(c *command, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build")
	var opts build.Options
	fs.StringVar(&opts.Source, "source", ".", "")
	fs.StringVar(&opts.Out, "out", "public", "")
	zipFile := fs.String("zip", "", "")
	for _, name := range []string{"drafts", "D", "buildDrafts"} { // Hugo's spellings too
		fs.BoolVar(&opts.Drafts, name, false, "")
	}
	baseURL := baseURLFlag(fs)
	if code, ok := parseFlags(fs, c, args, stdout, stderr); !ok {
		return code
	}
	var err error
	if opts.BaseURL, opts.BaseURLFrom, err = chosenBaseURL(*baseURL); err != nil {
		l10n.Fprintf(stderr, "microsite %s: %v (see \"microsite %s -h\")\n", c.name, err, c.name)
		return exitUsage
	}
	if *zipFile != "" {
		// Before the build: a refused archive should not cost the site.
		if err := build.CheckArchive(opts.Out, *zipFile); err != nil {
			fmt.Fprintf(stderr, "microsite: %v\n", err)
			return exitFail
		}
	}
	defer paceCollector(opts.Source)()
	p := newProgress(stderr)
	opts.Progress = p.callback()
	sum, err := build.Run(opts)
	p.done()
	for _, n := range sum.Notes {
		fmt.Fprintf(stderr, "microsite: %s\n", n)
	}
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

// baseURLEnv names the environment variable that gives the site's address
// when no --base-url does.
const baseURLEnv = "MICROSITE_BASE_URL"

// baseURLFlag registers --base-url and Hugo's spellings of it, --baseURL
// and -b, on fs.
func baseURLFlag(fs *flag.FlagSet) *string {
	v := new(string)
	for _, name := range []string{"base-url", "baseURL", "b"} {
		fs.StringVar(v, name, "", "")
	}
	return v
}

// chosenBaseURL is the base URL a command is given, flag first, then the
// environment, checked as site.toml's is, and which of the two gave it;
// "" when neither gives one (the build takes site.toml's).
func chosenBaseURL(flag string) (u, from string, err error) {
	from, u = "--base-url", flag
	if u == "" {
		from, u = baseURLEnv, os.Getenv(baseURLEnv)
	}
	if u == "" {
		return "", "", nil
	}
	normalized, err := content.BaseURL(u)
	if err != nil {
		return "", "", fmt.Errorf("%s %w", from, err)
	}
	return normalized, from, nil
}

// printError prints why a build failed: the problems of its sources, or
// of the site it built, which failed the check.
func printError(w io.Writer, err error) {
	var bad *build.CheckError
	if errors.As(err, &bad) {
		diag.Print(w, bad.Problems, diag.BuiltSiteKept())
		return
	}
	diag.Print(w, err, diag.SiteKept())
}
