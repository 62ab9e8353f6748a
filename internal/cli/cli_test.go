package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExitCodes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "site.toml"), []byte("title = \"x\"\nlanguage = 3\n"), 0o644)
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a substring of what is printed
		stderr string
	}{
		{"build", []string{"build", "--source", "../..", "--out", out}, 0, "pages", ""},
		{"no command", nil, 2, "", "Usage:"},
		{"unknown command", []string{"bild"}, 2, "", `unknown command "bild"`},
		{"unknown flag", []string{"build", "--sauce", "."}, 2, "", `unknown flag "--sauce": did you mean --source?`},
		{"stray argument", []string{"build", "extra"}, 2, "", `unexpected argument "extra"`},
		{"help", []string{"help"}, 0, "microsite build", ""},
		{"content error", []string{"build", "--source", bad, "--out", filepath.Join(t.TempDir(), "o")}, 1, "",
			"site.toml:2:1: language: expected a language tag such as \"zh-Hant\", got an integer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Main(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr: %s)", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout %q does not contain %q", stdout.String(), tt.stdout)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.stderr)
			}
		})
	}
}
