//go:build unix

package servertest

import (
	"os/exec"
	"syscall"
)

// noTerminal starts cmd in a session of its own, without the test's
// terminal, so that a skip's line (srctest.Skip: /dev/tty, or stderr where
// there is none) comes out in its output.
func noTerminal(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true} }
