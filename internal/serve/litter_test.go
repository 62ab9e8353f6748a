package serve

import "testing"

// TestRelevantIgnoresLitter: the server does not rebuild for a file the
// build ignores, by the one rule both follow (content.Ignored).
func TestRelevantIgnoresLitter(t *testing.T) {
	for _, dir := range []string{"content/measures/", "layouts/", "assets/"} {
		for _, name := range []string{".#05.md", "._05.md", ".hidden.md", ".DS_Store", "05.md~", "site.css.bak", "05.md.swo", "#05.md#", "Thumbs.db"} {
			if relevant(dir+name, false) {
				t.Errorf("relevant(%q) = true, want false: the build ignores it", dir+name)
			}
		}
	}
}
