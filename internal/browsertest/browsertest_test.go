package browsertest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// childEnv makes the test binary, run again by the tests below, open a tab
// and end.
const childEnv = "BROWSERTEST_CHILD"

func TestChild(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		t.Skip("run by TestMainRemovesProfile")
	}
	tab := New(t)
	if got := Eval[int](t, tab, "6*7"); got != 42 {
		t.Errorf("6*7 = %d", got)
	}
}

// TestMainRemovesProfile runs a test that starts the browser, in a test
// binary of its own with a temporary folder of its own, and finds that
// folder empty after it: the profile (2–11 MB a run) and Chromium's socket
// folder are gone.
func TestMainRemovesProfile(t *testing.T) {
	need(t)
	tmp := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestChild$", "-test.v")
	cmd.Env = append(os.Environ(), childEnv+"=1", "TMPDIR="+tmp)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestChild") {
		t.Fatalf("the child test failed (%v):\n%s", err, out)
	}
	left, err := filepath.Glob(filepath.Join(tmp, "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(left) > 0 {
		t.Errorf("left in the temporary folder: %s", strings.Join(left, ", "))
	}
}
