package corpus

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/gzgov/nansha-microsite/internal/content"
)

// meanTextLength is the mean length in characters of the measures' texts
// of the source tree at dir.
func meanTextLength(t *testing.T, dir string) float64 {
	t.Helper()
	s, err := content.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, m := range s.Measures {
		total += utf8.RuneCount(bytes.TrimSpace(m.Body.Text))
	}
	return float64(total) / float64(len(s.Measures))
}

func TestTextScale(t *testing.T) {
	real := meanTextLength(t, "../..")
	for _, scale := range []float64{1, 4} {
		t.Run(fmt.Sprint(scale), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "src")
			if err := Write(dir, "../..", 400, WithTextScale(scale)); err != nil {
				t.Fatal(err)
			}
			got := meanTextLength(t, dir)
			if want := scale * real; got < 0.9*want || got > 1.15*want {
				t.Errorf("mean text length %.0f characters, want about %.0f (%g × the real %.0f)", got, want, scale, real)
			}
		})
	}
}

// TestDeterministic: benchmarks compare builds of the same corpus made
// again, so the same options must give the same files.
func TestDeterministic(t *testing.T) {
	var trees [2]string
	for i := range trees {
		trees[i] = filepath.Join(t.TempDir(), "src")
		if err := Write(trees[i], "../..", 50, WithTextScale(2)); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i <= 50; i++ {
		name := filepath.Join("content", "measures", fmt.Sprintf("%02d.md", i))
		a, errA := os.ReadFile(filepath.Join(trees[0], name))
		b, errB := os.ReadFile(filepath.Join(trees[1], name))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Fatalf("%s differs between two runs (%v, %v)", name, errA, errB)
		}
	}
}

// TestTextScaleRefused: a scale that would loop forever or fill the disk is
// refused before anything is written.
func TestTextScaleRefused(t *testing.T) {
	for _, scale := range []float64{-1, 1001, math.NaN(), math.Inf(1)} {
		dir := filepath.Join(t.TempDir(), "src")
		if err := Write(dir, "../..", 2, WithTextScale(scale)); err == nil {
			t.Errorf("scale %g: no error", scale)
		}
		if _, err := os.Stat(dir); err == nil {
			t.Errorf("scale %g: %s was written", scale, dir)
		}
	}
}
