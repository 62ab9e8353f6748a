package cli

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/serve"
)

var serveCommand = &command{
	name:    "serve",
	aliases: []string{"server"}, // Hugo's name for it
	summary: l10n.Msg("preview the site in a browser while you edit it"),
	usage: l10n.Msg(`Usage: microsite serve [--port N] [--bind ADDR] [--open] [--source DIR] [--base-url URL]

Builds the site into a temporary folder (public/ is not touched) and serves
it at http://127.0.0.1:PORT/, for this computer only, draft measures
included (marked 草稿). It watches site.toml, content/, layouts/ and
assets/: when you save a file the site is rebuilt and the pages open in the
browser reload by themselves. A mistake in a file shows in the browser and
here, with the file, the line and what is wrong; fix it and save, and the
pages come back. Ctrl-C (or closing the terminal) stops the server and
removes the temporary folder. "microsite server" is the same command.

To look at the preview on a phone or another computer of the office
network, bind it to an address other computers reach: --bind 0.0.0.0 (all
of this computer's addresses) or one of them. It then prints the addresses
to open there, and a warning: anyone who can reach this computer can read
the preview, drafts included. It answers only to requests addressed to this
computer (its addresses, or the name given to --bind), never to another
name pointed at it.

Flags:
  --port N         the port to serve on (default 8080; 0 picks a free one)
  --bind ADDR      the address to listen on (default 127.0.0.1: this
                   computer only)
  --open           open the home page in the default browser
  --source DIR     the folder holding site.toml (default ".")
  --base-url URL   the site's address, instead of site.toml's base_url (also
                   --baseURL, -b, and MICROSITE_BASE_URL in the environment)
  --lang LANG      the language of the messages: zh (Chinese) or en (English)

Examples:
  microsite serve --open            # then edit content/measures/03.md and save
  microsite serve --port 9000       # when 8080 is taken
  microsite serve --bind 0.0.0.0    # and open the address it prints on a phone
`),
	run: runServe,
}

func runServe(c *command, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve")
	var opts serve.Options
	fs.StringVar(&opts.Source, "source", ".", "")
	port := fs.Int("port", 8080, "")
	bind := fs.String("bind", "127.0.0.1", "")
	open := fs.Bool("open", false, "")
	baseURL := baseURLFlag(fs)
	if code, ok := parseFlags(fs, c, args, stdout, stderr); !ok {
		return code
	}
	if *port < 0 || *port > 65535 {
		l10n.Fprintf(stderr, "microsite serve: --port %d: expected a port from 0 to 65535 (see \"microsite serve -h\")\n", *port)
		return exitUsage
	}
	host := strings.TrimSuffix(strings.TrimPrefix(*bind, "["), "]")
	if host == "" || strings.ContainsAny(host, "/:%") && net.ParseIP(host) == nil || strings.ContainsFunc(host, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		l10n.Fprintf(stderr, "microsite serve: --bind %q: expected an address of this computer, such as 127.0.0.1 or 0.0.0.0 (see \"microsite serve -h\")\n", *bind)
		return exitUsage
	}
	var err error
	if opts.BaseURL, opts.BaseURLFrom, err = chosenBaseURL(*baseURL); err != nil {
		l10n.Fprintf(stderr, "microsite %s: %v (see \"microsite %s -h\")\n", c.name, err, c.name)
		return exitUsage
	}
	opts.Addr = net.JoinHostPort(host, strconv.Itoa(*port))
	opts.Log = stdout
	p := newProgress(stderr)
	opts.Progress = p.callback()

	// Ctrl-C, a polite kill and closing the terminal (SIGHUP) end the
	// server cleanly, temporary folder removed, instead of killing the
	// process where it stands.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	s, err := serve.New(opts)
	p.done()
	if err != nil {
		fmt.Fprintf(stderr, "microsite serve: %v\n", err)
		return exitFail
	}
	l10n.Fprintf(stdout, "serving %s (press Ctrl-C to stop)\n", s.URL())
	if exposed := s.Exposed(); len(exposed) > 0 {
		l10n.Fprintf(stderr, "microsite serve: warning: the preview is open to the network, at %s: anyone who can reach this computer can read it, drafts included. Stop it when you are done, or serve without --bind.\n", strings.Join(exposed, " "))
	}
	if *open {
		if err := openBrowser(s.URL()); err != nil {
			l10n.Fprintf(stderr, "microsite serve: cannot open a browser (%v): open %s yourself\n", err, s.URL())
		}
	}
	if err := s.Run(ctx); err != nil {
		fmt.Fprintf(stderr, "microsite serve: %v\n", err)
		return exitFail
	}
	fmt.Fprintln(stdout, l10n.Sprintf("stopped"))
	return exitOK
}

// openBrowser opens url in the desktop's default browser.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it; the browser outlives it
	return nil
}
