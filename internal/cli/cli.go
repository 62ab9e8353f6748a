// Package cli is the microsite command's command line: it parses arguments,
// calls the package that does the work, and turns the outcome into output
// and an exit code (0 success, 1 failure, 2 usage error).
//
// Every command has its own flag set and help with examples ("microsite
// help build" or "microsite build -h", on stdout, exit 0). A usage error —
// an unknown command or flag, a missing or stray argument — is one line on
// stderr and exit 2.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
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
	summary string // one line for the command list
	usage   string // the text of "microsite help <name>"
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
		if c.name == name {
			return c
		}
	}
	return nil
}

const usage = `microsite builds and previews the microsite of 穗府函〔2018〕161號.

Usage:
  microsite <command> [flags]

Commands:
%s
Flags:
  -h, --help    show this help
  --version     print the version

Examples:
  microsite serve --open        # preview the site; pages reload as you save
  microsite new measure --category trade --title "…" --unit 廣州海關
  microsite build               # write the site into public/

Run "microsite help <command>" or "microsite <command> -h" for a command's
flags and examples.
`

// overview is the top-level help.
func overview() string {
	var list strings.Builder
	for _, c := range commands {
		fmt.Fprintf(&list, "  %-7s %s\n", c.name, c.summary)
	}
	return fmt.Sprintf(usage, list.String())
}

// Main runs the command line args and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
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
	what := "command"
	if strings.HasPrefix(name, "-") {
		what = "flag"
	}
	fmt.Fprintf(stderr, "microsite: unknown %s %q (run \"microsite help\")\n", what, name)
	return exitUsage
}

var helpCommand = &command{
	name:    "help",
	summary: "show this help, or a command's: microsite help serve",
	usage: `Usage: microsite help [command]

Shows the list of commands, or what a command does, its flags and examples.

Examples:
  microsite help
  microsite help new
`,
	run: runHelp,
}

func runHelp(_ *command, args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		fmt.Fprint(stdout, overview())
		return exitOK
	case len(args) > 2 || len(args) == 2 && args[0] != "new":
		fmt.Fprintf(stderr, "microsite help: unexpected argument %q\n", args[len(args)-1])
		return exitUsage
	}
	c := lookup(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "microsite help: unknown command %q (run \"microsite help\")\n", args[0])
		return exitUsage
	}
	if len(args) == 2 && args[1] != "measure" {
		fmt.Fprintf(stderr, "microsite help: microsite new cannot create %q: it creates measures\n", args[1])
		return exitUsage
	}
	fmt.Fprint(stdout, c.usage)
	return exitOK
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
		fmt.Fprintf(stderr, "microsite %s: %v (see \"microsite %s -h\")\n", c.name, err, c.name)
		return exitUsage, false
	case fs.NArg() > max:
		fmt.Fprintf(stderr, "microsite %s: unexpected argument %q (see \"microsite %s -h\")\n", c.name, fs.Arg(max), c.name)
		return exitUsage, false
	case fs.NArg() < min:
		fmt.Fprintf(stderr, "microsite %s: missing argument (see \"microsite %s -h\")\n", c.name, c.name)
		return exitUsage, false
	}
	return 0, true
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
