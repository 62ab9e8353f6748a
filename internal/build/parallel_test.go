package build

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// TestParallelOutputIsSerialOutput builds a corpus on one goroutine and on
// many: whatever order the workers finish in, every file must come out the
// same, byte for byte.
func TestParallelOutputIsSerialOutput(t *testing.T) {
	src := srctest.Corpus(t, 300)
	out := srctest.ScratchDir(t)
	build := func(procs int) map[string][]byte {
		t.Helper()
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		dir := filepath.Join(out, fmt.Sprint("procs-", procs))
		if _, err := Run(Options{Source: src, Out: dir}); err != nil {
			t.Fatal(err)
		}
		return readTree(t, dir)
	}
	serial, concurrent := build(1), build(8)
	if len(serial) < 300 || len(serial) != len(concurrent) {
		t.Fatalf("serial build wrote %d files, parallel build %d", len(serial), len(concurrent))
	}
	for name, data := range serial {
		if !bytes.Equal(data, concurrent[name]) {
			t.Errorf("%s differs between a serial and a parallel build", name)
		}
	}
}
