package build

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/search"
	"github.com/gzgov/nansha-microsite/internal/site"
	"github.com/gzgov/nansha-microsite/internal/srctest"
)

// generateOutputs returns the outputs at the given paths, generated from the
// repository's own sources.
func generateOutputs(t *testing.T, paths ...string) map[string][]byte {
	t.Helper()
	outs, err := Outputs(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for _, o := range outs {
		for _, p := range paths {
			if o.Path == p {
				var b bytes.Buffer
				if err := o.Content(&b); err != nil {
					t.Fatal(err)
				}
				got[p] = b.Bytes()
			}
		}
	}
	return got
}

func TestSearchOutputs(t *testing.T) {
	first := generateOutputs(t, site.SearchJSONPath, site.SearchScriptPath, site.SearchPath)
	for _, p := range []string{site.SearchJSONPath, site.SearchScriptPath, site.SearchPath} {
		if len(first[p]) == 0 {
			t.Fatalf("the build has no %s", p)
		}
	}
	var idx search.Index
	if err := json.Unmarshal(first[site.SearchJSONPath], &idx); err != nil {
		t.Fatalf("%s: %v", site.SearchJSONPath, err)
	}
	if len(idx.Measures) != 31 || idx.Measures[30].URL != "measures/31.html" {
		t.Errorf("%s: %d measures, the last at %q", site.SearchJSONPath, len(idx.Measures), idx.Measures[len(idx.Measures)-1].URL)
	}
	// The page's own index: every measure, as search.json has it, in one
	// file at 31 measures.
	var page struct {
		Version  int         `json:"version"`
		Page     string      `json:"page"`
		Measures [][2]string `json:"measures"`
	}
	script := first[site.SearchScriptPath]
	data, _, _ := bytes.Cut(bytes.TrimPrefix(script, []byte(search.ScriptPrefix)), []byte(search.ScriptSuffix))
	if err := json.Unmarshal(data, &page); err != nil {
		t.Fatalf("%s: %v", site.SearchScriptPath, err)
	}
	if page.Version != search.PageVersion || len(page.Measures) != len(idx.Measures) {
		t.Fatalf("%s: version %d, %d measures", site.SearchScriptPath, page.Version, len(page.Measures))
	}
	for i, m := range page.Measures {
		e := idx.Measures[i]
		if m != [2]string{e.Title, e.Text} || strings.Replace(page.Page, "%s", fmt.Sprintf("%02d", i+1), 1) != e.URL {
			t.Errorf("%s: measure %d is %q at %s, search.json has %q, %q at %s", site.SearchScriptPath, i+1, m, page.Page, e.Title, e.Text, e.URL)
		}
	}
	again := generateOutputs(t, site.SearchJSONPath, site.SearchScriptPath)
	if len(again) != 2 {
		t.Fatalf("the second build has %d of the 2 outputs", len(again))
	}
	for p, data := range again {
		if !bytes.Equal(data, first[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

// TestSearchShardOutputs: on a large site, the page index is a manifest and
// shards, each an output of the build at the path its layout gives, in each
// edition.
func TestSearchShardOutputs(t *testing.T) {
	src := srctest.Corpus(t, 2000)
	s, err := content.Load(os.DirFS(src))
	if err != nil {
		t.Fatal(err)
	}
	layout := search.Plan(s)
	if !layout.Sharded() {
		t.Fatalf("2,000 measures: %+v, want shards", layout)
	}
	outs, err := Outputs(os.DirFS(src))
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]Output{}
	for _, o := range outs {
		paths[o.Path] = o
	}
	for _, prefix := range []string{"", "zh-hans/"} {
		for _, p := range layout.Paths() {
			if _, ok := paths[prefix+p]; !ok {
				t.Errorf("no output %s%s", prefix, p)
			}
		}
		var b bytes.Buffer
		chunk := prefix + layout.Paths()[len(layout.Paths())-1] // the last display chunk
		if err := paths[chunk].Content(&b); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b.Bytes(), []byte(search.ShardCallback+`("m499",[["`)) {
			t.Errorf("%s starts %.60s", chunk, b.Bytes())
		}
	}
}

// TestSearchPageIndexable: search.html is a page worth finding, so it does
// not ask search engines to skip it (the 404 page does); its addresses
// with a query name it as their canonical page when the site has a
// base_url (see base.html).
func TestSearchPageIndexable(t *testing.T) {
	const noindex = `<meta name="robots" content="noindex">`
	pages := generateOutputs(t, site.SearchPath, site.NotFoundPath)
	if bytes.Contains(pages[site.SearchPath], []byte(noindex)) {
		t.Errorf("%s carries %s", site.SearchPath, noindex)
	}
	if !bytes.Contains(pages[site.NotFoundPath], []byte(noindex)) {
		t.Errorf("%s lacks %s", site.NotFoundPath, noindex)
	}
}
