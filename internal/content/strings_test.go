package content

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/gzgov/nansha-microsite/internal/diag"
)

// TestStringsFileErrors checks that layouts/strings.toml is held to the
// rules of site.toml: every problem at its line and column in characters,
// control characters refused, a byte order mark accepted.
func TestStringsFileErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		// TOML says column 16, in bytes.
		{"syntax error after CJK", "skip = \"跳到正文\"\nhome = \"首頁\" x\n", `layouts/strings.toml:2:12: TOML syntax error: expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead`},
		{"raw control character", "skip = \"跳到\x1b正文\"\n", `layouts/strings.toml:1:11: control character U+001B: not allowed in text (only tab and line breaks are); delete it`},
		{"escaped control character", "home = \"首頁\"\nskip = \"跳到\\u0000正文\"\n", `layouts/strings.toml:2:1: skip: the value holds control character U+0000: not allowed in text (only tab and line breaks are)`},
		{"byte order mark", "\ufeffskip = \"跳到正文\"\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadStrings(fstest.MapFS{StringsFile: {Data: []byte(tt.src)}})
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var list diag.List
			if !errors.As(err, &list) || err.Error() != tt.want {
				t.Errorf("got %v (a %T)\nwant %s", err, err, tt.want)
			}
		})
	}
}
