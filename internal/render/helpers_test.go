package render

import (
	"bytes"
	"os"
	"testing"
)

// repoRenderer parses the repository's layouts, with every file in its
// assets/ mapped to itself (the tests look at pages, not at hashed names).
func repoRenderer(t *testing.T) *Renderer {
	t.Helper()
	entries, err := os.ReadDir("../../assets")
	if err != nil {
		t.Fatal(err)
	}
	assets := map[string]string{}
	for _, e := range entries {
		assets[e.Name()] = "assets/" + e.Name()
	}
	r, err := New(os.DirFS("../.."), assets)
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
