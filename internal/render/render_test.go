package render

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestLayoutErrorLine checks that a broken layout is reported at its line
// as written, although New parses it minified (on one line).
func TestLayoutErrorLine(t *testing.T) {
	fsys := fstest.MapFS{
		StringsFile: {Data: []byte("skip = \"跳到正文\"\n")},
		BaseLayout:  {Data: []byte("<!doctype html>\n<html>\n<body>\n<p>{{.Title}</p>\n</body>\n</html>\n")},
	}
	_, err := New(fsys, nil)
	if err == nil || !strings.Contains(err.Error(), "base.html:4:") {
		t.Fatalf("New = %v, want an error at base.html:4", err)
	}
}
