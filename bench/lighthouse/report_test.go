//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseReport(t *testing.T) {
	cats := `"categories": {
		"performance": {"score": 0.99, "auditRefs": [{"id": "speed-index", "weight": 10}, {"id": "font-display", "weight": 0}]},
		"accessibility": {"score": 1, "auditRefs": [{"id": "color-contrast", "weight": 7}]},
		"best-practices": {"score": 0.96, "auditRefs": [{"id": "errors-in-console", "weight": 1}]},
		"seo": {"score": 0.6, "auditRefs": [{"id": "is-crawlable", "weight": 4}, {"id": "hreflang", "weight": 1}]}
	}`
	audits := `"audits": {
		"speed-index": {"title": "Speed Index", "score": 0.97, "scoreDisplayMode": "numeric", "displayValue": "2.2 s"},
		"font-display": {"title": "Font display", "score": 0, "scoreDisplayMode": "metricSavings"},
		"color-contrast": {"title": "Contrast", "score": 1, "scoreDisplayMode": "binary"},
		"errors-in-console": {"title": "Console errors", "score": 0, "scoreDisplayMode": "binary"},
		"is-crawlable": {"title": "Page is blocked from indexing", "score": 0, "scoreDisplayMode": "binary"},
		"hreflang": {"title": "hreflang", "score": null, "scoreDisplayMode": "notApplicable"}
	}`
	tests := []struct {
		name, json string
		scores     map[string]int
		failed     []string // category/audit (value)
		err        string
	}{
		{"scores and what cost points", "{" + cats + "," + audits + "}",
			map[string]int{"performance": 99, "accessibility": 100, "best-practices": 96, "seo": 60},
			[]string{"performance/speed-index (2.2 s)", "best-practices/errors-in-console (score 0.00)", "seo/is-crawlable (score 0.00)"}, ""},
		{"a page Lighthouse could not load", `{"runtimeError": {"code": "ERRORED_DOCUMENT_REQUEST", "message": "status 404"}, ` + cats + "," + audits + "}",
			nil, nil, "ERRORED_DOCUMENT_REQUEST: status 404"},
		{"a category without a score", `{"categories": {"performance": {"score": null}}}`, nil, nil, "no performance score"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := parseReport([]byte(tt.json))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for c, want := range tt.scores {
				if r.scores[c] != want {
					t.Errorf("%s = %d, want %d", c, r.scores[c], want)
				}
			}
			var got []string
			for _, f := range r.failed {
				got = append(got, f.category+"/"+f.id+" ("+f.value+")")
			}
			if strings.Join(got, "; ") != strings.Join(tt.failed, "; ") {
				t.Errorf("failed = %q, want %q", got, tt.failed)
			}
		})
	}
}

func TestMedians(t *testing.T) {
	tests := []struct {
		name string
		runs []int
		want int
	}{
		{"one run", []int{87}, 87},
		{"odd", []int{100, 79, 95}, 95},
		{"even: the lower middle", []int{100, 90, 80, 99}, 90},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r result
			for _, s := range tt.runs {
				r.add(&report{scores: map[string]int{"seo": s}})
			}
			if got := r.medians()["seo"]; got != tt.want {
				t.Errorf("median of %v = %d, want %d", tt.runs, got, tt.want)
			}
		})
	}
}

// TestWriteNewKeepsFiles: -keep never replaces a file in the user's folder.
func TestWriteNewKeepsFiles(t *testing.T) {
	name := filepath.Join(t.TempDir(), "index.html-desktop-1.json")
	if err := os.WriteFile(name, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeNew(name, []byte("{}")); err == nil {
		t.Error("writeNew replaced a file that was there")
	}
	if b, _ := os.ReadFile(name); string(b) != "precious" {
		t.Errorf("the file holds %q, want it as it was", b)
	}
	fresh := filepath.Join(filepath.Dir(name), "new.json")
	if err := writeNew(fresh, []byte("{}")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(fresh); string(b) != "{}" {
		t.Errorf("new file holds %q", b)
	}
}
