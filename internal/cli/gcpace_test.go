package cli

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// TestPaceCollector checks that a small site's build runs the collector at
// GOGC=400, and a large one's, or one where GOGC is set, at the pace it had.
func TestPaceCollector(t *testing.T) {
	site := func(measures int) string {
		dir := srctest.ScratchDir(t) // in RAM: two thousand files
		m := filepath.Join(dir, filepath.FromSlash(content.MeasuresDir))
		if err := os.MkdirAll(m, 0o755); err != nil {
			t.Fatal(err)
		}
		for i := 1; i <= measures; i++ {
			if err := os.WriteFile(filepath.Join(m, fmt.Sprintf("%02d.md", i)), nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	small, large := site(31), site(smallSite+1)
	tests := []struct {
		name, source, gogc, gomemlimit string
		want                           int
		held                           bool // the memory limit is set
	}{
		{"small site", small, "", "", 400, true},
		{"large site", large, "", "", 100, true},
		{"GOGC set", small, "100", "", 100, false},
		{"GOMEMLIMIT set", large, "", "1GiB", 100, false},
		{"GOMEMLIMIT set, small site", small, "", "1GiB", 100, false},
		{"no measures folder", t.TempDir(), "", "", 100, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for name, v := range map[string]string{"GOGC": tt.gogc, "GOMEMLIMIT": tt.gomemlimit} {
				t.Setenv(name, v)
				if v == "" {
					os.Unsetenv(name)
				}
			}
			before := debug.SetGCPercent(100)
			defer debug.SetGCPercent(before)
			unlimited := debug.SetMemoryLimit(-1)
			restore := paceCollector(tt.source)
			if got := debug.SetGCPercent(-1); got != tt.want {
				t.Errorf("GOGC = %d, want %d", got, tt.want)
			}
			debug.SetGCPercent(tt.want)
			if limit := debug.SetMemoryLimit(-1); (limit == unlimited) == tt.held {
				t.Errorf("memory limit %d with the process's %d; want it set: %v", limit, unlimited, tt.held)
			}
			restore()
			if got := debug.SetGCPercent(-1); got != 100 {
				t.Errorf("GOGC = %d after restore, want 100", got)
			}
			debug.SetGCPercent(100)
			if limit := debug.SetMemoryLimit(-1); limit != unlimited {
				t.Errorf("memory limit %d after restore, want %d", limit, unlimited)
			}
		})
	}
}

// TestMemoryLimit: the floor until what is live comes near it, then half
// above what is live, so that a site that outgrows the floor is not
// collected without pause.
func TestMemoryLimit(t *testing.T) {
	const mib = 1 << 20
	for _, tt := range []struct {
		live uint64
		want int64
	}{
		{0, memoryFloor},
		{100 * mib, memoryFloor},
		{130 * mib, memoryFloor},
		{300 * mib, 450 * mib},
		{math.MaxUint64, math.MaxInt64/2 + math.MaxInt64/4},
	} {
		if got := memoryLimit(tt.live); got != tt.want {
			t.Errorf("memoryLimit(%d MiB) = %d MiB, want %d MiB", tt.live/mib, got/mib, tt.want/mib)
		}
	}
}
