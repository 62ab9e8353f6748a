package render

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/gzgov/nansha-microsite/internal/diag"
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
	if want := `layouts/base.html:4: bad character U+007D '}'`; err == nil || err.Error() != want {
		t.Fatalf("New = %v, want %s", err, want)
	}
}

// TestExecErrorLine checks that an error met while a layout executes is
// reported at its line as written too, in either edition's renderer.
func TestExecErrorLine(t *testing.T) {
	fsys := fstest.MapFS{
		StringsFile: {Data: []byte("skip = \"跳到正文\"\n")},
		BaseLayout:  {Data: []byte("<!doctype html>\n<html>\n<body>\n<p>{{t \"skip\"}}</p>\n\n<p>說明:{{t \"nowhere\"}}</p>\n</body>\n</html>\n")},
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
		// Column 9 in characters, where "t" is: 13 in bytes.
		want := `layouts/base.html:6:9: executing "base.html" at <t "nowhere">: error calling t: UI string "nowhere" is not in layouts/strings.toml (it has skip) (on index.html)`
		if err == nil || err.Error() != want {
			t.Errorf("%s: Render = %v\nwant %s", name, err, want)
		}
		// The line as written, with the caret under "t" (說明 is four
		// cells wide on a terminal).
		var e *diag.Error
		if !errors.As(err, &e) {
			t.Fatalf("%s: Render = %T, want a *diag.Error", name, err)
		}
		if got, want := e.Excerpt(), "    | <p>說明:{{t \"nowhere\"}}</p>\n    |           ^"; got != want {
			t.Errorf("%s: excerpt\n%s\nwant\n%s", name, got, want)
		}
	}
}
