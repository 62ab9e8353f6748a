package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gzgov/nansha-microsite/internal/site"
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

// TestExecErrorLine checks that an error met while a layout executes is
// reported at its line as written too, in either edition's renderer.
func TestExecErrorLine(t *testing.T) {
	fsys := fstest.MapFS{
		StringsFile: {Data: []byte("skip = \"跳到正文\"\n")},
		BaseLayout:  {Data: []byte("<!doctype html>\n<html>\n<body>\n<p>{{t \"skip\"}}</p>\n\n<p>{{t \"nowhere\"}}</p>\n</body>\n</html>\n")},
	}
	for _, kind := range Kinds {
		fsys[LayoutDir+"/"+string(kind)+".html"] = &fstest.MapFile{}
	}
	r, err := New(fsys, nil)
	if err != nil {
		t.Fatal(err)
	}
	hans, err := r.ForStrings(map[string]string{"skip": "跳到正文"})
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]*Renderer{"source": r, "converted": hans} {
		_, err := r.Bytes(&Page{Kind: Home, Path: "index.html", Site: &site.Site{}})
		if err == nil || !strings.Contains(err.Error(), "base.html:6:") || !strings.Contains(err.Error(), `"nowhere"`) {
			t.Errorf("%s: Render = %v, want the missing string at base.html:6", name, err)
		}
	}
}
