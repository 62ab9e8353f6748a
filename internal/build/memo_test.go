package build

import (
	"testing"

	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// TestMemoKeysByWaysUp: a text that links to another source is converted
// for each way up from the edition's pages (render.Text.ByUp), so a site
// that grows a folder deeper must convert it again, while a text without
// links is the same from anywhere.
func TestMemoKeysByWaysUp(t *testing.T) {
	linked := &site.Source{Text: []byte("見[第3項](03.md)。"), Links: map[string]string{"03.md": "measures/03.html"}}
	plain := &site.Source{Text: []byte("無鏈接。")}
	sources := []*site.Source{linked, plain}
	var memo textMemo
	memo.keep("", ",../", sources, []render.Text{{Plain: "linked"}, {Plain: "plain"}})
	for _, tt := range []struct {
		ups  string
		want [2]bool
	}{
		{",../", [2]bool{true, true}},
		{",../,../../", [2]bool{false, true}},
	} {
		got := memo.lookup("", tt.ups, sources, make([]render.Text, 2))
		if got[0] != tt.want[0] || got[1] != tt.want[1] {
			t.Errorf("ways up %q: memo holds %v, want %v", tt.ups, got, tt.want)
		}
	}
}
