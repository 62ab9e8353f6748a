package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Temp writes a corpus of n measures for a benchmark or a test, from the
// repository's own sources, and returns its folder, removed when tb ends.
// It writes under /dev/shm when there is one: benchmarks should time the
// program, not the disk.
func Temp(tb testing.TB, n int) string {
	tb.Helper()
	root, err := repoRoot()
	if err != nil {
		tb.Fatal(err)
	}
	dir := ScratchDir(tb)
	if err := Write(dir, root, n); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// ScratchDir returns a new empty folder, under /dev/shm when there is one,
// removed when tb ends.
func ScratchDir(tb testing.TB) string {
	tb.Helper()
	if fi, err := os.Stat("/dev/shm"); err != nil || !fi.IsDir() {
		return tb.TempDir()
	}
	dir, err := os.MkdirTemp("/dev/shm", "microsite-test-*")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// repoRoot is the folder holding go.mod, above the working directory (tests
// run in their package's folder).
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("corpus: no go.mod above the working directory")
		}
		dir = parent
	}
}
