// Package chromium finds Debian's Chromium and holds the flags every
// Chromium of the project starts with: the browser tests'
// (internal/browsertest), go run ./bench/search's (through chromedp) and
// go run ./bench/lighthouse's (as Lighthouse's --chrome-flags). One list,
// so that a browser test and a benchmark see the same browser.
//
// The flags run it headless, without a GPU, and keep it from reaching for
// hosts this machine cannot reach (updates, sync, QUIC); as root it runs
// without its sandbox, which needs a user of its own.
package chromium

import (
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// names are the flags, without their "--": chromedp's Headless and
// DisableGPU (with the flags they set beside), then the networking ones.
var names = []string{
	"headless", "hide-scrollbars", "mute-audio",
	"disable-gpu", "enable-unsafe-swiftshader",
	"no-first-run", "no-default-browser-check",
	"disable-quic", "disable-background-networking", "disable-component-update", "disable-sync",
}

// Path returns the Chromium binary found in PATH, or "" when there is
// none.
func Path() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Flags are the flags as command-line arguments ("--headless", …), for a
// program that starts Chromium itself, as Lighthouse does.
func Flags() []string {
	var args []string
	for _, n := range flagNames() {
		args = append(args, "--"+n)
	}
	return args
}

// Options are the flags for chromedp.NewExecAllocator, starting the
// binary at path in a window of 1280×900 with its profile in the folder
// profile.
func Options(path, profile string) []chromedp.ExecAllocatorOption {
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(path)}
	for _, n := range flagNames() {
		opts = append(opts, chromedp.Flag(n, true))
	}
	return append(opts, chromedp.WindowSize(1280, 900), chromedp.UserDataDir(profile))
}

func flagNames() []string {
	if os.Geteuid() == 0 {
		return append(names[:len(names):len(names)], "no-sandbox")
	}
	return names
}
