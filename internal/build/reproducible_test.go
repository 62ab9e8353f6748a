package build

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"
)

// sameTree fails the test unless two built sites hold the same files with
// the same bytes.
func sameTree(t *testing.T, what string, a, b string) {
	t.Helper()
	fa, fb := readTree(t, a), readTree(t, b)
	if !slices.Equal(slices.Sorted(maps.Keys(fa)), slices.Sorted(maps.Keys(fb))) {
		t.Fatalf("%s: different files:\n%q\n%q", what, slices.Sorted(maps.Keys(fa)), slices.Sorted(maps.Keys(fb)))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s: %s differs", what, name)
		}
	}
}

func TestReproducibleAcrossGOMAXPROCS(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var outs []string
	for _, n := range []int{1, 2, 1, 2} {
		runtime.GOMAXPROCS(n)
		outs = append(outs, buildTree(t, repo))
	}
	for i, out := range outs[1:] {
		sameTree(t, "GOMAXPROCS 1, 2, 1, 2: build "+string(rune('2'+i)), outs[0], out)
	}
}

// TestReproducibleAcrossCheckouts builds a copy of the sources whose files
// and folders carry other modification times, as a fresh checkout does.
func TestReproducibleAcrossCheckouts(t *testing.T) {
	src := sourceTree(t, nil)
	i := 0
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		i++
		when := time.Date(2001+i%20, time.Month(1+i%12), 1+i%28, i%24, 0, 0, 0, time.UTC)
		return os.Chtimes(p, when, when)
	})
	if err != nil {
		t.Fatal(err)
	}
	sameTree(t, "another checkout", buildTree(t, repo), buildTree(t, src))
}

// TestSourceDateEpochDoesNotChangeSite: every date in the site comes from
// the content, so SOURCE_DATE_EPOCH (which only dates a zip's entries)
// leaves the site's bytes alone, as does the clock.
func TestSourceDateEpochDoesNotChangeSite(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	plain := buildTree(t, repo)
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	sameTree(t, "SOURCE_DATE_EPOCH set", plain, buildTree(t, repo))
}
