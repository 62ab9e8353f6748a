//go:build unix

package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/build"
	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/corpus"
)

// TestSingleEdition checks that -single-edition leaves the source edition
// alone, with the rest of site.toml as it was, and that the site then
// builds no other edition.
func TestSingleEdition(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src")
	if err := corpus.Write(src, "../", 3); err != nil {
		t.Fatal(err)
	}
	before, err := content.Load(os.DirFS(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(before.Editions) < 2 {
		t.Fatalf("the repository's site.toml has %d editions; this test needs two or more", len(before.Editions))
	}
	if err := singleEdition(src); err != nil {
		t.Fatal(err)
	}
	after, err := content.Load(os.DirFS(src))
	if err != nil {
		t.Fatal(err)
	}
	if *after.Editions[0] != *before.Editions[0] || after.Title != before.Title || after.Publisher != before.Publisher {
		t.Errorf("site.toml changed beyond the editions: %+v, want %+v", after, before)
	}
	out := filepath.Join(t.TempDir(), "out")
	if _, err := build.Run(build.Options{Source: src, Out: out}); err != nil {
		t.Fatal(err)
	}
	if p := before.Editions[1].Prefix(); p != "" {
		if _, err := os.Stat(filepath.Join(out, p)); !os.IsNotExist(err) {
			t.Errorf("%s: built (%v), want no such edition", p, err)
		}
	}
}
