package build

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/search"
	"github.com/gzgov/nansha-microsite/internal/site"
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
				if err := o.Generate(&b); err != nil {
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
	if got, want := first[site.SearchScriptPath], []byte(search.ScriptPrefix+string(first[site.SearchJSONPath])+search.ScriptSuffix); !bytes.Equal(got, want) {
		t.Errorf("%s is not %s wrapped as a script", site.SearchScriptPath, site.SearchJSONPath)
	}
	again := generateOutputs(t, site.SearchJSONPath, site.SearchScriptPath)
	for p, data := range again {
		if !bytes.Equal(data, first[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}
