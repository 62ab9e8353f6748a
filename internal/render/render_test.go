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
		BaseLayout: {Data: []byte("<!doctype html>\n<html>\n<body>\n<p>{{.Title}</p>\n</body>\n</html>\n")},
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
		BaseLayout: {Data: []byte("<!doctype html>\n<html>\n<body>\n<p>{{t \"skip\"}}</p>\n\n<p>說明:{{t \"nowhere\"}}</p>\n</body>\n</html>\n")},
	}
	for _, k := range Kinds {
		fsys[LayoutDir+"/"+string(k.Kind)+".html"] = &fstest.MapFile{}
	}
	l, err := New(fsys, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := l.For(map[string]string{"skip": "跳到正文"})
	if err != nil {
		t.Fatal(err)
	}
	hans, err := l.For(map[string]string{"skip": "跳到正文"})
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

// TestForAfterRendering asks for a second edition's renderer after the
// first has rendered, when the layouts can no longer be copied: it parses
// them anew, and both editions render their own words.
func TestForAfterRendering(t *testing.T) {
	fsys := fstest.MapFS{BaseLayout: {Data: []byte(`<p>{{t "home"}}</p>`)}}
	for _, k := range Kinds {
		fsys[LayoutDir+"/"+string(k.Kind)+".html"] = &fstest.MapFile{}
	}
	l, err := New(fsys, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, word := range []string{"首頁", "首页"} {
		r, err := l.For(map[string]string{"home": word})
		if err != nil {
			t.Fatal(err)
		}
		got, err := r.Bytes(&Page{Kind: Home, Path: "index.html", Site: &site.Site{}})
		if want := "<p>" + word + "</p>"; err != nil || string(got) != want {
			t.Errorf("got %s, %v; want %s", got, err, want)
		}
	}
}
