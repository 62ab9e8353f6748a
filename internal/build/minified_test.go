package build

import (
	"bytes"
	"html"
	"os"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/minify"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// plain is HTML with its character references replaced and without its
// ASCII whitespace.
func plain(b []byte) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' {
			return -1
		}
		return r
	}, html.UnescapeString(string(b)))
}

// maxUnminified is how much of a page's bytes the page minifier may still
// remove, at most, from a page the build wrote without minifying it: the
// pages come from minified layouts and texts, and what is left is
// whitespace next to template actions, which the layouts' minifier cannot
// judge (measured: about 0.4% of the real site's pages, 0.3% of a corpus).
const maxUnminified = 0.01

// TestPagesMinified checks that the pages are minified although the build
// no longer minifies them one by one: running the page minifier over each
// page changes it by at most maxUnminified of its bytes.
func TestPagesMinified(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
	}{
		{"site", repo},
		{"corpus", srctest.Corpus(t, 100)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			outs, err := Outputs(os.DirFS(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			m := minify.New()
			var total, removed, pages int
			worst, worstPath := 0.0, ""
			for _, o := range outs {
				if !o.Page {
					continue
				}
				if !o.Minified {
					t.Errorf("%s: the build minifies this page again", o.Path)
				}
				var b bytes.Buffer
				if err := o.Content(&b); err != nil {
					t.Fatal(err)
				}
				// A copy: the minifier writes into the bytes it reads.
				minified, err := m.Bytes("text/html", bytes.Clone(b.Bytes()))
				if err != nil {
					t.Fatal(err)
				}
				// And what it changes is whitespace, and characters that
				// html/template writes as references ("+" as "&#43;").
				if x, y := plain(minified), plain(b.Bytes()); x != y {
					i := 0
					for i < len(x) && i < len(y) && x[i] == y[i] {
						i++
					}
					t.Errorf("%s: the page minifier changes more than whitespace and references: %q, not %q",
						o.Path, x[max(0, i-40):min(len(x), i+20)], y[max(0, i-40):min(len(y), i+20)])
				}
				pages++
				total += b.Len()
				removed += b.Len() - len(minified)
				if r := float64(b.Len()-len(minified)) / float64(b.Len()); r > worst {
					worst, worstPath = r, o.Path
				}
			}
			if pages == 0 {
				t.Fatal("no pages")
			}
			share := float64(removed) / float64(total)
			t.Logf("%d pages, %d bytes: the page minifier removes %d bytes (%.2f%%); at most %.2f%% of one page (%s)",
				pages, total, removed, 100*share, 100*worst, worstPath)
			if worst > maxUnminified {
				t.Errorf("the page minifier removes %.2f%% of %s, more than %.0f%%", 100*worst, worstPath, 100*maxUnminified)
			}
		})
	}
}
