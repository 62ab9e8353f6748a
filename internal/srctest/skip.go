package srctest

import (
	"fmt"
	"io"
	"os"
	"testing"
)

// SkipOrFail ends a test that cannot run on this machine: Chromium, a tool
// or a web server is missing, as the message (format and args) says, with
// how to install it. When the environment variable requireEnv is set, to
// any value, the test fails instead — CI sets MICROSITE_REQUIRE_BROWSER,
// MICROSITE_REQUIRE_TOOLS and MICROSITE_REQUIRE_SERVERS, so that such a
// test can never pass there by not running. Otherwise it is skipped, and
// says so (see Skip).
func SkipOrFail(t testing.TB, requireEnv, format string, args ...any) {
	t.Helper()
	missing := fmt.Sprintf(format, args...)
	if os.Getenv(requireEnv) != "" {
		t.Fatalf("%s, and %s is set: this test must run", missing, requireEnv)
		return // a real test stops at Fatalf; this is for a stand-in
	}
	Skip(t, "%s; test skipped (set %s to make this a failure)", missing, requireEnv)
}

// Skip skips the test, saying why on the terminal as well as in the test's
// log: "go test ./..." prints nothing of a package that passed, not even
// what its tests wrote to stderr, so a skip would go unseen. The line goes
// to /dev/tty, which go test does not capture, or to stderr where there is
// no terminal (there, as in CI, a skip should be made a failure instead).
func Skip(t testing.TB, format string, args ...any) {
	t.Helper()
	reason := fmt.Sprintf(format, args...)
	w, done := noteOut()
	skipNote(w, t.Name(), reason)
	done()
	t.Skip(reason)
}

// noteOut is where Skip writes its line, and what to do once it is
// written; a test points it at a buffer.
var noteOut = terminal

// terminal returns /dev/tty, or stderr where there is none.
func terminal() (io.Writer, func()) {
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		return tty, func() { tty.Close() }
	}
	return os.Stderr, func() {}
}

// skipNote writes the one line Skip shows.
func skipNote(w io.Writer, test, reason string) {
	fmt.Fprintf(w, "--- SKIP: %s: %s\n", test, reason)
}
