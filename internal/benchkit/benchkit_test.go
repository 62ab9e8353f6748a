//go:build unix

package benchkit

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestSizes(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []int
	}{
		{"31", []int{31}},
		{"31, 1000,10000", []int{31, 1000, 10000}},
		{"0", nil},
		{"31,,1000", nil},
		{"-5", nil},
		{"1e3", nil},
	} {
		got, err := Sizes(tt.in)
		if !slices.Equal(got, tt.want) || (err == nil) != (tt.want != nil) {
			t.Errorf("Sizes(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestMedians(t *testing.T) {
	if got := Median(nil); got != -1 {
		t.Errorf("Median(nil) = %v, want -1", got)
	}
	v := []float64{3, 1, 2, 10}
	if got := Median(v); got != 2.5 || v[0] != 3 {
		t.Errorf("Median = %v (input now %v), want 2.5 and the input as it was", got, v)
	}
	u := MedianUsage([]Usage{{1, 9, 100}, {3, 7, 300}, {2, 8, 200}})
	if u != (Usage{2, 8, 200}) {
		t.Errorf("MedianUsage = %+v, want each figure's median {2 8 200}", u)
	}
}

func TestMeasure(t *testing.T) {
	if _, err := Measure([]string{"sh", "-c", "echo broken >&2; exit 3"}); err == nil || !slices.Contains(strings.Split(err.Error(), "\n"), "broken") {
		t.Errorf("a failed run: %v, want its stderr in the error", err)
	}
	u, err := Measure([]string{"sh", "-c", "sleep 0.05"})
	if err != nil || u.Wall < 0.05 || u.RSS <= 0 {
		t.Errorf("Measure = %+v, %v; want at least 0.05 s and a resident set", u, err)
	}
}

func TestLoadAverage(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name, text, want string
	}{
		{"figures", "0.52 0.58 0.59 1/467 12345\n", "0.52"},
		{"empty", "", "unknown"},
		{"missing", "-", "unknown"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(dir, tt.name)
			if tt.text != "-" {
				if err := os.WriteFile(file, []byte(tt.text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got := loadAverage(file); got != tt.want {
				t.Errorf("loadAverage(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestBuildMicrosite(t *testing.T) {
	dir := t.TempDir()
	bin, err := BuildMicrosite("../..", dir)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "--help").CombinedOutput(); !strings.Contains(string(out), "build") {
		t.Errorf("%s --help: %v\n%s\nwant the microsite command's usage", bin, err, out)
	}
	// A folder without the command: go build's own words.
	if _, err := BuildMicrosite(dir, dir); err == nil || !strings.HasPrefix(err.Error(), "go build: ") {
		t.Errorf("BuildMicrosite of a folder without cmd/microsite: %v, want go build's error", err)
	}
}
