// Package cli is the microsite command's command line: it parses arguments,
// calls the package that does the work, and turns the outcome into output
// and an exit code (0 success, 1 failure, 2 usage error).
//
// Every command has its own flag set and help with examples ("microsite
// help build" or "microsite build -h", on stdout, exit 0). A usage error —
// an unknown command or flag, a missing or stray argument — is one line on
// stderr and exit 2; an unknown command or flag is answered with the
// nearest one ("did you mean serve?"). Hugo's spellings work too: server,
// --baseURL, -b, -D.
//
// Everything it prints is in the editor's language (internal/l10n):
// Chinese, unless --lang, MICROSITE_LANG or the locale (LC_ALL,
// LC_MESSAGES, LANG) asks for English.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/l10n"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// command is one of microsite's commands.
type command struct {
	name    string
	aliases []string // other names it answers to (Hugo's: server)
	summary l10n.Msg // one line for the command list
	usage   l10n.Msg // the text of "microsite help <name>"
	run     func(c *command, args []string, stdout, stderr io.Writer) int
}

// commands lists the commands in the order help shows them. It is filled in
// by init because the help command lists the others.
var commands []*command

func init() {
	commands = []*command{buildCommand, serveCommand, newCommand, checkCommand, packageCommand, helpCommand}
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name || slices.Contains(c.aliases, name) {
			return c
		}
	}
	return nil
}

// nearestCommand is the command name nearest to name, as nearest finds
// it among every name a command answers to: "sever" is one letter from
// server, which is serve.
func nearestCommand(name string) string {
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
		names = append(names, c.aliases...)
	}
	if near := nearest(name, names); near != "" {
		return lookup(near).name
	}
	return ""
}

var usage = l10n.Msg(`microsite builds and previews the microsite of 穗府函〔2018〕161號.

Usage:
  microsite <command> [flags]

Commands:
%s
Flags:
  -h, --help    show this help
  --version     print the version
  --lang LANG   the language of the messages, here or after any command:
                zh (Chinese) or en (English); also MICROSITE_LANG; by
                default the locale's (LC_ALL, LC_MESSAGES, LANG): Chinese,
                or English when the locale is not a Chinese one

Examples:
  microsite serve --open        # preview the site; pages reload as you save
  microsite new measure --category trade --title "…" --unit 廣州海關
  microsite build               # write the site into public/

Run "microsite help <command>" or "microsite <command> -h" for a command's
flags and examples.
`)

// overview is the top-level help.
func overview() string {
	var list strings.Builder
	for _, c := range commands {
		fmt.Fprintf(&list, "  %-7s %s\n", c.name, c.summary)
	}
	return usage.Sprintf(list.String())
}

// Main runs the command line args and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	// The language first: every word printed after depends on it. A
	// --lang before the command is the program's; one among a command's
	// flags is taken as they are parsed (see newFlags).
	lang := ""
	for len(args) > 0 {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
		if !strings.HasPrefix(args[0], "-") || name != "lang" {
			break
		}
		if !hasValue {
			if len(args) < 2 {
				chooseLanguage("")
				l10n.Fprintf(stderr, "microsite: flag needs an argument: --%s (run \"microsite help\")\n", "lang")
				return exitUsage
			}
			value, args = args[1], args[1:]
		}
		lang, args = value, args[1:]
	}
	if err := chooseLanguage(lang); err != nil {
		l10n.Fprintf(stderr, "microsite: %v (run \"microsite help\")\n", err)
		return exitUsage
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, overview())
		return exitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "-h", "-help", "--help":
		fmt.Fprint(stdout, overview())
		return exitOK
	case "-version", "--version", "version":
		fmt.Fprintln(stdout, "microsite", version())
		return exitOK
	}
	if c := lookup(name); c != nil {
		return c.run(c, rest, stdout, stderr)
	}
	if strings.HasPrefix(name, "-") {
		if near := nearest(strings.TrimLeft(name, "-"), []string{"help", "version", "lang"}); near != "" {
			l10n.Fprintf(stderr, "microsite: unknown flag %q: did you mean --%s? (run \"microsite help\")\n", name, near)
		} else {
			l10n.Fprintf(stderr, "microsite: unknown flag %q (run \"microsite help\")\n", name)
		}
		return exitUsage
	}
	if near := nearestCommand(name); near != "" {
		l10n.Fprintf(stderr, "microsite: unknown command %q: did you mean %s? (run \"microsite help\")\n", name, near)
	} else {
		l10n.Fprintf(stderr, "microsite: unknown command %q (run \"microsite help\")\n", name)
	}
	return exitUsage
}

// chooseLanguage makes the messages' language the one flag names, or the
// environment's (see l10n.Choose).
func chooseLanguage(flag string) error {
	tag, err := l10n.Choose(flag, os.Getenv)
	l10n.Use(tag)
	return err
}

var helpCommand = &command{
	name:    "help",
	summary: l10n.Msg("show this help, or a command's: microsite help serve"),
	usage: l10n.Msg(`Usage: microsite help [command]

Shows the list of commands, or what a command does, its flags and examples.

Examples:
  microsite help
  microsite help new
`),
	run: runHelp,
}

func runHelp(_ *command, args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		fmt.Fprint(stdout, overview())
		return exitOK
	case len(args) > 2 || len(args) == 2 && args[0] != "new":
		l10n.Fprintf(stderr, "microsite help: unexpected argument %q\n", args[len(args)-1])
		return exitUsage
	}
	c := lookup(args[0])
	near := nearestCommand(args[0])
	switch {
	case c == nil && near != "":
		l10n.Fprintf(stderr, "microsite help: unknown command %q: did you mean %s? (run \"microsite help\")\n", args[0], near)
		return exitUsage
	case c == nil:
		l10n.Fprintf(stderr, "microsite help: unknown command %q (run \"microsite help\")\n", args[0])
		return exitUsage
	case len(args) == 2 && args[1] != "measure":
		l10n.Fprintf(stderr, "microsite help: microsite new cannot create %q: it creates measures\n", args[1])
		return exitUsage
	}
	fmt.Fprint(stdout, c.usage)
	return exitOK
}

// newFlags returns the flag set of a command, which takes --lang as every
// command does: the messages after it are in its language.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Func("lang", "", func(v string) error { return chooseLanguage(v) })
	return fs
}

// parseFlags parses a command's flags, allowing no other arguments. It
// prints the help (-h) or a one-line usage error itself, and then returns
// false and the exit code.
func parseFlags(fs *flag.FlagSet, c *command, args []string, stdout, stderr io.Writer) (int, bool) {
	return parseFlagsArgs(fs, c, args, 0, 0, stdout, stderr)
}

// parseFlagsArgs is parseFlags for a command that takes from min to max
// arguments after its flags (fs.Args()).
func parseFlagsArgs(fs *flag.FlagSet, c *command, args []string, min, max int, stdout, stderr io.Writer) (int, bool) {
	// The flag package would print the whole flag list after an error:
	// say what is wrong in one line instead, and where to look.
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, c.usage)
		return exitOK, false
	case err != nil:
		l10n.Fprintf(stderr, "microsite %s: %s (see \"microsite %s -h\")\n", c.name, flagProblem(fs, args, err), c.name)
		return exitUsage, false
	case fs.NArg() > max:
		l10n.Fprintf(stderr, "microsite %s: unexpected argument %q (see \"microsite %s -h\")\n", c.name, fs.Arg(max), c.name)
		return exitUsage, false
	case fs.NArg() < min:
		l10n.Fprintf(stderr, "microsite %s: missing argument (see \"microsite %s -h\")\n", c.name, c.name)
		return exitUsage, false
	}
	return 0, true
}

// flagProblem says what is wrong with the flags args, which fs refused
// with err: the flag package's own message is in English, and names a
// mistyped flag without the one that was meant. It walks the arguments as
// the flag package does to find the one it stopped at.
func flagProblem(fs *flag.FlagSet, args []string, err error) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") || a == "-" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := fs.Lookup(name)
		if f == nil {
			var names []string
			fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
			if near := nearest(name, names); near != "" {
				return l10n.Sprintf("unknown flag %q: did you mean --%s?", a, near)
			}
			return l10n.Sprintf("unknown flag %q", a)
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			if hasValue {
				if err := f.Value.Set(value); err != nil {
					return l10n.Sprintf("invalid value %q for --%s: expected true or false", value, name)
				}
			}
			continue
		}
		if !hasValue {
			if i+1 == len(args) {
				return l10n.Sprintf("flag needs an argument: --%s", name)
			}
			i++
			value = args[i]
		}
		if err := f.Value.Set(value); err != nil {
			if g, ok := f.Value.(flag.Getter); ok {
				switch g.Get().(type) {
				case int, int64, uint, uint64, float64:
					return l10n.Sprintf("invalid value %q for --%s: expected a number", value, name)
				}
			}
			return l10n.Sprintf("invalid value %q for --%s: %v", value, name, err)
		}
	}
	return err.Error()
}

// nearest returns the candidate closest to name, ignoring case, when it is
// close enough to be what was meant: one or two letters off (a typo, two
// letters swapped), or name is its start; else "".
func nearest(name string, candidates []string) string {
	name = strings.ToLower(name)
	best, bestDist := "", 3
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := distance(name, lc)
		if len(name) >= 3 && strings.HasPrefix(lc, name) {
			d = min(d, 1)
		}
		if d < bestDist && d <= max(1, len([]rune(name))/2) {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, in characters:
// how many to insert, delete or replace to make one the other. (Twenty
// lines: the libraries that offer it would be a dependency for one
// suggestion; cobra, Hugo's, writes its own too.)
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := range ra {
		cur := make([]int, len(rb)+1)
		cur[0] = i + 1
		for j := range rb {
			cost := 1
			if ra[i] == rb[j] {
				cost = 0
			}
			cur[j+1] = min(prev[j+1]+1, cur[j]+1, prev[j]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// Version is the version "microsite --version" prints when set at link time:
//
//	go build -ldflags "-X github.com/gzgov/nansha-microsite/internal/cli.Version=v1.2.0" ./cmd/microsite
//
// Otherwise it is taken from the build information Go records (the module
// version for "go install …@version", the commit for "go build" in a clone).
var Version string

func version() string {
	if Version != "" {
		return Version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var commit, date, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			commit = s.Value[:min(12, len(s.Value))]
		case "vcs.time":
			date = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = ", modified"
			}
		}
	}
	if commit != "" && !strings.Contains(v, commit) {
		v += fmt.Sprintf(" (commit %s %s%s)", commit, date, dirty)
	}
	return v + " " + info.GoVersion
}
