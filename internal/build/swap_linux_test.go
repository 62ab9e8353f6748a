package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestExchange: on Linux the swap is one renameat2 call, on the file
// systems this machine has (the test's temporary folder, and /dev/shm
// where benchmarks build); and a new site never replaces an empty folder
// made meanwhile.
func TestExchange(t *testing.T) {
	for _, base := range []string{t.TempDir(), "/dev/shm"} {
		if _, err := os.Stat(base); err != nil {
			continue
		}
		dir, err := os.MkdirTemp(base, "exchange-*")
		if err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(dir)
		a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
		for _, d := range []string{a, b} {
			os.Mkdir(d, 0o755)
			os.WriteFile(filepath.Join(d, "name"), []byte(filepath.Base(d)), 0o644)
		}
		if err := exchange(a, b); err != nil {
			t.Fatalf("%s: %v", base, err)
		}
		if got, _ := os.ReadFile(filepath.Join(a, "name")); string(got) != "b" {
			t.Errorf("%s: after the exchange a holds %q", base, got)
		}
		empty := filepath.Join(dir, "empty")
		os.Mkdir(empty, 0o755)
		if err := renameNew(a, empty); !errors.Is(err, fs.ErrExist) {
			t.Errorf("%s: renameNew onto an empty folder: %v, want it refused", base, err)
		}
	}
}
