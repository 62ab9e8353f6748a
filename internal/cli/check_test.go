package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const okPage = `<!doctype html><html lang="zh-Hant"><head><title>T</title><meta name="description" content="D"></head><body><h1>H</h1>`

func TestCheck(t *testing.T) {
	tests := []struct {
		name       string
		files      map[string]string
		args       []string // after "check"; the site's folder is appended when nil
		code       int
		stdout     string
		wantStderr string
	}{
		{
			name:  "good site",
			files: map[string]string{"index.html": okPage + `<a href="https://www.gz.gov.cn/">portal</a></body></html>`},
			code:  0,
			stdout: "links out of the site (1):\n" +
				"  index.html: <a href=\"https://www.gz.gov.cn/\">\n" +
				"microsite check: checked 1 pages and 0 style sheets: 0 problem(s)\n",
		},
		{
			name: "broken site",
			files: map[string]string{
				"index.html": okPage + `<a href="x.html">x</a><script src="https://cdn.example.com/a.js"></script></body></html>`,
			},
			code: 1,
			stdout: "index.html: <a href=\"x.html\">: no such file: x.html\n" +
				"index.html: <script src=\"https://cdn.example.com/a.js\">: loaded from outside the site: every script, style sheet, image, font and frame must be a file of the site\n" +
				"microsite check: checked 1 pages and 0 style sheets: 2 problem(s)\n",
		},
		{
			name: "links out and a problem",
			files: map[string]string{
				"index.html": okPage + `<a href="https://www.gz.gov.cn/">portal</a><a href="x.html">x</a></body></html>`,
			},
			code: 1,
			stdout: "links out of the site (1):\n" +
				"  index.html: <a href=\"https://www.gz.gov.cn/\">\n" +
				"index.html: <a href=\"x.html\">: no such file: x.html\n" +
				"microsite check: checked 1 pages and 0 style sheets: 1 problem(s)\n",
		},
		{name: "not a directory", args: []string{"no-such-dir"}, code: 1,
			wantStderr: "microsite check: no-such-dir is not a directory (build the site first: microsite build)\n"},
		{name: "no pages", files: map[string]string{"notes.txt": "x", "assets/site.css": "body{}"}, code: 1,
			wantStderr: "microsite check: DIR holds no pages (no .html file): is it a built site? (build one with: microsite build)\n"},
		{name: "empty folder", files: map[string]string{}, code: 1,
			wantStderr: "microsite check: DIR holds no pages (no .html file): is it a built site? (build one with: microsite build)\n"},
		{name: "two arguments", args: []string{"a", "b"}, code: 2, wantStderr: "microsite check: unexpected argument \"b\" (see \"microsite check -h\")\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			args := tt.args
			if args == nil {
				args = []string{dir}
			}
			var stdout, stderr bytes.Buffer
			code := Main(append([]string{"check"}, args...), &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr: %s)", code, tt.code, stderr.String())
			}
			if stdout.String() != tt.stdout {
				t.Errorf("stdout:\n%s\nwant:\n%s", stdout.String(), tt.stdout)
			}
			if got := strings.ReplaceAll(stderr.String(), dir, "DIR"); got != tt.wantStderr {
				t.Errorf("stderr:\n%s\nwant:\n%s", got, tt.wantStderr)
			}
		})
	}
}
