package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/gzgov/nansha-microsite/internal/serve"
)

var serveCommand = &command{
	name:    "serve",
	summary: "preview the site in a browser while you edit it",
	usage: `Usage: microsite serve [--port N] [--open] [--source DIR]

Builds the site into a temporary folder (public/ is not touched) and serves
it at http://127.0.0.1:PORT/, for this computer only, draft measures
included (marked 草稿). It watches site.toml,
content/, layouts/ and assets/: when you save a file the site is rebuilt
and the pages open in the browser reload by themselves. A mistake in a file
shows in the browser and here, with the file, the line and what is wrong;
fix it and save, and the pages come back. Ctrl-C (or closing the terminal)
stops the server and removes the temporary folder.

Flags:
  --port N       the port to serve on (default 8080; 0 picks a free one)
  --open         open the home page in the default browser
  --source DIR   the folder holding site.toml (default ".")

Examples:
  microsite serve --open          # then edit content/measures/03.md and save
  microsite serve --port 9000     # when 8080 is taken
`,
	run: runServe,
}

func runServe(c *command, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var opts serve.Options
	fs.StringVar(&opts.Source, "source", ".", "")
	port := fs.Int("port", 8080, "")
	open := fs.Bool("open", false, "")
	if code, ok := parseFlags(fs, c, args, stdout, stderr); !ok {
		return code
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "microsite serve: --port %d: expected a port from 0 to 65535 (see \"microsite serve -h\")\n", *port)
		return exitUsage
	}
	opts.Addr = fmt.Sprintf("127.0.0.1:%d", *port)
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
	fmt.Fprintf(stdout, "serving %s (press Ctrl-C to stop)\n", s.URL())
	if *open {
		if err := openBrowser(s.URL()); err != nil {
			fmt.Fprintf(stderr, "microsite serve: cannot open a browser (%v): open %s yourself\n", err, s.URL())
		}
	}
	if err := s.Run(ctx); err != nil {
		fmt.Fprintf(stderr, "microsite serve: %v\n", err)
		return exitFail
	}
	fmt.Fprintln(stdout, "stopped")
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
