package chromium

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestFlags(t *testing.T) {
	flags := Flags()
	for _, want := range []string{"--headless", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync"} {
		if !slices.Contains(flags, want) {
			t.Errorf("Flags() = %v, want %s among them", flags, want)
		}
	}
	if root := os.Geteuid() == 0; slices.Contains(flags, "--no-sandbox") != root {
		t.Errorf("Flags() = %v: --no-sandbox should be there exactly when running as root (root: %v)", flags, root)
	}
	seen := map[string]bool{}
	for _, f := range flags {
		if !strings.HasPrefix(f, "--") || seen[f] {
			t.Errorf("Flags() = %v: %q is not a --flag, or is there twice", flags, f)
		}
		seen[f] = true
	}
	if n := len(Options("/usr/bin/chromium", t.TempDir())); n != len(flags)+3 {
		t.Errorf("Options holds %d options, want the %d flags, the binary, the window and the profile", n, len(flags))
	}
}

// TestPath puts fake browsers in PATH: Debian's name wins over the
// others, and nothing found is "".
func TestPath(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files []string
		want  string
	}{
		{"Debian's", []string{"google-chrome", "chromium"}, "chromium"},
		{"Ubuntu's", []string{"google-chrome", "chromium-browser"}, "chromium-browser"},
		{"Google's", []string{"google-chrome"}, "google-chrome"},
		{"none", nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, f), []byte("#!/bin/sh\n"), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			t.Setenv("PATH", dir)
			want := ""
			if tt.want != "" {
				want = filepath.Join(dir, tt.want)
			}
			if got := Path(); got != want {
				t.Errorf("Path() = %q, want %q", got, want)
			}
		})
	}
}
