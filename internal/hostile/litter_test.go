package hostile

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestLitter: what editors and operating systems leave beside the files —
// Emacs locks, macOS AppleDouble files, dotfiles, backups, swap files —
// is ignored alike by the build (content, layouts, assets) and serve.
func TestLitter(t *testing.T) {
	// appleDouble is the start of a macOS ._ file: binary, not UTF-8.
	const appleDouble = "\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02\x00\x00\x00\x09\x00\x00\x00\x32\xff\xff"
	copyOf := func(from, to string) func(e *env) {
		return func(e *env) { e.write(to, string(e.read(from))) }
	}
	ignored := func(name string, mutate func(e *env)) hcase {
		return hcase{name: name, args: []string{"build"}, mutate: mutate, then: func(e *env, r *result) {
			if n := len(e.measuresJSON().Measures); n != 31 {
				e.t.Errorf("measures.json holds %d measures, want 31", n)
			}
			e.nothingLitterPublished()
		}}
	}
	emacsLock := func(rel string) func(e *env) {
		return func(e *env) { e.symlink("editor@host.4242:1700000000", rel) }
	}
	cases := []hcase{
		ignored("emacs_lock_of_a_measure", emacsLock("content/measures/.#05.md")).proves(7),
		ignored("emacs_lock_as_a_file", copyOf(m05, "content/measures/.#05.md")).proves(7),
		ignored("macos_appledouble", func(e *env) { e.write("content/measures/._05.md", appleDouble) }).proves(7),
		ignored("hidden_measure", copyOf(m05, "content/measures/.hidden.md")).proves(7),
		ignored("asset_backup_tilde", copyOf("assets/site.css", "assets/site.css~")).proves(7),
		ignored("asset_backup_bak", copyOf("assets/site.css", "assets/site.css.bak")).proves(7),
		ignored("asset_swap_file", copyOf("assets/site.css", "assets/site.css.swp")).proves(7),
		ignored("measure_backup_tilde", copyOf(m05, "content/measures/05.md~")),
		ignored("measure_backup_bak", copyOf(m05, "content/measures/05.md.bak")),
		ignored("vim_swap_of_a_measure", func(e *env) { e.write("content/measures/.05.md.swp", "b0VIM 9.0\x00\x00") }),
		ignored("ds_store_in_measures", func(e *env) { e.write("content/measures/.DS_Store", "\x00\x00\x00\x01Bud1") }),
		ignored("vim_swap_of_an_asset", func(e *env) { e.write("assets/.site.css.swp", "b0VIM 9.0\x00\x00") }),
		ignored("ds_store_in_assets", func(e *env) { e.write("assets/.DS_Store", "\x00\x00\x00\x01Bud1") }),
		ignored("emacs_lock_of_an_asset", emacsLock("assets/.#site.css")),
		ignored("layout_backup_tilde", copyOf("layouts/measure.html", "layouts/measure.html~")),
		ignored("emacs_lock_of_a_layout", emacsLock("layouts/.#measure.html")),
		ignored("vim_swap_of_the_notice", func(e *env) { e.write("content/.notice.md.swp", "b0VIM 9.0\x00\x00") }),
	}
	runCases(t, "litter", cases)
}

// nothingLitterPublished fails the case when the built site holds a
// dotfile, a backup or a swap file.
func (e *env) nothingLitterPublished() {
	e.t.Helper()
	root := e.path("public")
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == root {
			return err
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".bak") || strings.HasSuffix(name, ".swp") {
			rel, _ := filepath.Rel(root, p)
			e.t.Errorf("the built site holds %s", filepath.ToSlash(rel))
		}
		return nil
	})
}
