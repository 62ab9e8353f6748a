package build

import (
	"testing"

	"github.com/gzgov/nansha-microsite/internal/render"
)

// TestAssetURLs checks that a style sheet's url() of another asset names
// its hashed file, and that every other URL stays as written.
func TestAssetURLs(t *testing.T) {
	names := map[string]render.Asset{"cursor.svg": {Path: "assets/cursor.1a2b3c4d.svg"}, "img/hand.svg": {Path: "assets/img/hand.5e6f7a8b.svg"}}
	tests := []struct{ name, file, in, want string }{
		{"plain", "assets/site.css", "a{cursor:url(cursor.svg) 3 3,auto}", "a{cursor:url(cursor.1a2b3c4d.svg) 3 3,auto}"},
		{"quoted", "assets/site.css", `a{cursor:url("cursor.svg")}`, "a{cursor:url(cursor.1a2b3c4d.svg)}"},
		{"in a folder", "assets/site.css", "a{cursor:url(img/hand.svg)}", "a{cursor:url(img/hand.5e6f7a8b.svg)}"},
		{"from a folder", "assets/img/x.css", "a{cursor:url(../cursor.svg)}", "a{cursor:url(../cursor.1a2b3c4d.svg)}"},
		{"not an asset", "assets/site.css", "a{background:url(other.svg)}", "a{background:url(other.svg)}"},
		{"out of assets", "assets/site.css", "a{background:url(../cursor.svg)}", "a{background:url(../cursor.svg)}"},
		{"data", "assets/site.css", "a{background:url(data:image/svg+xml,x)}", "a{background:url(data:image/svg+xml,x)}"},
		{"no url", "assets/site.css", "a{content:\"cursor.svg\"}", "a{content:\"cursor.svg\"}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(assetURLs(tt.file, []byte(tt.in), names)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
