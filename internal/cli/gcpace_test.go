package cli

import (
	"fmt"
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
		name, source, gogc string
		want               int
	}{
		{"small site", small, "", 400},
		{"large site", large, "", 100},
		{"GOGC set", small, "100", 100},
		{"no measures folder", t.TempDir(), "", 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOGC", tt.gogc)
			if tt.gogc == "" {
				os.Unsetenv("GOGC")
			}
			before := debug.SetGCPercent(100)
			defer debug.SetGCPercent(before)
			paceCollector(tt.source)
			if got := debug.SetGCPercent(100); got != tt.want {
				t.Errorf("GOGC = %d, want %d", got, tt.want)
			}
		})
	}
}
