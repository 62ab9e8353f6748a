// Package srctest gives tests source trees to build and folders to write
// in: a copy of the repository's sources to edit, so that no test ever
// touches the real content/, layouts/ or assets/; a synthetic corpus of any
// number of measures; a scratch folder in RAM.
//
// It is the project's one helper package for tests, and only tests import
// it: production packages do not import "testing" (CI checks it with
// go list -deps).
package srctest

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/corpus"
)

// Parts are the pieces of a source tree, as the build reads it.
var Parts = []string{"site.toml", "content", "layouts", "assets"}

// Copy copies the given parts (default: all of Parts) of the source tree at
// root into a new temporary folder, removed when the test ends, and returns
// the folder.
func Copy(tb testing.TB, root string, parts ...string) string {
	tb.Helper()
	if len(parts) == 0 {
		parts = Parts
	}
	dst := tb.TempDir()
	if err := corpus.CopyParts(dst, root, parts...); err != nil {
		tb.Fatal(err)
	}
	return dst
}

// Corpus writes a source tree of n measures (see package corpus) from the
// repository's own sources, for a benchmark or a test, and returns its
// folder, removed when tb ends. It writes under /dev/shm when there is one:
// benchmarks should time the program, not the disk.
func Corpus(tb testing.TB, n int) string {
	tb.Helper()
	root, err := RepoRoot()
	if err != nil {
		tb.Fatal(err)
	}
	dir := ScratchDir(tb)
	if err := corpus.Write(dir, root, n); err != nil {
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

// RepoRoot is the folder holding go.mod, above the working directory (tests
// run in their package's folder).
func RepoRoot() (string, error) {
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
			return "", errors.New("srctest: no go.mod above the working directory")
		}
		dir = parent
	}
}
