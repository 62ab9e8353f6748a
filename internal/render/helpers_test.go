package render

import (
	"bytes"
	"os"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/content"
)

// repoRenderer parses the repository's layouts, for its UI strings, with
// every file in its assets/ mapped to itself (the tests look at pages, not
// at hashed names).
func repoRenderer(t *testing.T) *Renderer { t.Helper(); return repoRendererWith(t, nil) }

// repoRendererWith is repoRenderer with more assets, by name, as the build
// would have named them.
func repoRendererWith(t *testing.T, more map[string]string) *Renderer {
	t.Helper()
	entries, err := os.ReadDir("../../assets")
	if err != nil {
		t.Fatal(err)
	}
	assets := map[string]Asset{}
	for _, e := range entries {
		data, err := os.ReadFile("../../assets/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		assets[e.Name()] = Asset{Path: "assets/" + e.Name(), Data: data}
	}
	for name, hashed := range more {
		assets[name] = Asset{Path: hashed}
	}
	l, err := New(os.DirFS("../.."), assets)
	if err != nil {
		t.Fatal(err)
	}
	ui, err := content.LoadStrings(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	r, err := l.For(ui)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Bytes renders p into a new slice.
func (r *Renderer) Bytes(p *Page) ([]byte, error) {
	var b bytes.Buffer
	err := r.Render(&b, p)
	return b.Bytes(), err
}
