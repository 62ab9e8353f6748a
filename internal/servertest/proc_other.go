//go:build !unix

package servertest

import "os/exec"

// ownGroup does nothing where there are no process groups (Windows: the
// servers are Debian's, so Start skips there anyway, but the tests must
// compile).
func ownGroup(*exec.Cmd) {}

// signalGroup stops cmd.
func signalGroup(cmd *exec.Cmd, _ bool) { cmd.Process.Kill() }
