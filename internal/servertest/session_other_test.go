//go:build !unix

package servertest

import "os/exec"

// noTerminal does nothing where there is no /dev/tty: a skip's line goes
// to stderr.
func noTerminal(*exec.Cmd) {}
