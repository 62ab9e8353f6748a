package servertest

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// helperEnv makes the test binary, run again by TestMissingServer, start a
// kit whose server is not installed.
const helperEnv = "SERVERTEST_HELPER"

// TestMissingServer runs a test that starts a server this machine does not
// have: it is skipped, with one line that go test shows without -v, and
// with RequireEnv set it fails, because CI must never pass with its server
// tests not run.
func TestMissingServer(t *testing.T) {
	if os.Getenv(helperEnv) != "" {
		kit := *Nginx
		kit.Program = "microsite-no-such-server"
		Start(t, &kit, t.TempDir(), "/")
		t.Fatal("Start returned for a server that is not installed")
	}
	for _, tt := range []struct {
		name    string
		require string
		fails   bool
		want    string // in the output, without -v
	}{
		{"skipped", "", false, "--- SKIP: TestMissingServer: microsite-no-such-server is not installed (apt-get install nginx-light apache2 lighttpd lighttpd-mod-deflate); test skipped"},
		{"required", "1", true, "microsite-no-such-server is not installed (apt-get install nginx-light apache2 lighttpd lighttpd-mod-deflate), and " + RequireEnv + " is set"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestMissingServer$", "-test.count=1")
			noTerminal(cmd)
			cmd.Env = append(os.Environ(), helperEnv+"=1", RequireEnv+"="+tt.require)
			out, err := cmd.CombinedOutput()
			if failed := err != nil; failed != tt.fails {
				t.Errorf("failed: %v, want %v (%v):\n%s", failed, tt.fails, err, out)
			}
			if !strings.Contains(string(out), tt.want) {
				t.Errorf("output lacks %q:\n%s", tt.want, out)
			}
		})
	}
}
