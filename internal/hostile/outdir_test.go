package hostile

import (
	"bytes"
	"os"
	"testing"
)

// TestOutdir: output folders that are not a previous build's: the source
// tree, its parent, /, $HOME, a source folder, a file, a web root with files
// of its own, a symlink, a folder without write permission.
func TestOutdir(t *testing.T) {
	out := func(dir string) []string { return []string{"build", "--out", dir} }
	refused := func(name, dir string, mutate func(e *env), want ...string) hcase {
		return hcase{name: name, mutate: mutate, args: out(dir), code: 1, want: want}
	}
	newTitle := func(e *env) {
		e.replace(m05, "進出口貨物收發貨人注冊登記無紙化", "進出口貨物收發貨人注冊登記無紙化(新)")
	}
	cases := []hcase{
		refused("source_folder", ".", nil),
		refused("source_folder_by_another_name", "../site", nil, "../site"),
		refused("parent_of_source", "..", nil, ".."),
		refused("file_system_root", "/", nil),
		refused("home", "../home", nil, "../home"),
		refused("home_with_index_html", "../home", func(e *env) { e.write("../home/index.html", "<title>mine</title>\n") }, "../home"),
		refused("content", "content", nil, "content"),
		refused("measures", "content/measures", nil, "content/measures"),
		refused("layouts", "layouts", nil, "layouts"),
		refused("inside_assets", "assets/site", nil, "assets/site"),
		refused("site_toml", "site.toml", nil, "site.toml"),
		refused("a_file", "notes.txt", func(e *env) { e.write("notes.txt", "mine\n") }, "notes.txt"),
		refused("folder_of_other_files", "../sibling", nil, "../sibling"),
		refused("symlink_to_sources", "self", func(e *env) { e.symlink(".", "self") }, "self"),
		refused("symlink_to_home", "h", func(e *env) { e.symlink("../home", "h") }, "h"),
		refused("parent_not_writable", "../ro/site", func(e *env) { e.mkdir("../ro"); e.chmod("../ro", 0o555) }, "ro"),

		// The example: a server's web root, its uploads beside the pages.
		refused("web_root_with_uploads", "www", func(e *env) {
			e.write("www/index.html", "x\n")
			e.write("www/uploads/r.pdf", "keep\n")
		}, "uploads").proves(1),
		refused("another_sites_folder", "../sibling/www", nil, "index.html").proves(1),
		refused("docs_folder", "docs", func(e *env) {
			e.write("docs/index.html", "<title>docs</title>\n")
			e.write("docs/README.md", "# how to\n")
		}, "README.md").proves(1),
		// A previous build, plus a file the web team put there since.
		refused("previous_site_and_a_file_of_the_team", "public", func(e *env) {
			e.write("public/google1234.html", "google-site-verification: google1234.html\n")
		}, "google1234.html").proves(1),

		{name: "previous_site", args: out("public"), then: func(e *env, r *result) {
			if e.out("index.html") != string(prev("index.html")) {
				e.t.Error("rebuilt from the same sources, index.html differs")
			}
		}},
		{name: "trailing_slash", args: out("public/")},
		{name: "new_nested_folder", args: out("a/b/c"), writes: []string{"a"}},
		{name: "empty_folder", args: out("empty"), mutate: func(e *env) { e.mkdir("empty") }},
		{name: "previous_site_elsewhere", args: out("../sibling/old"), mutate: func(e *env) {
			if err := os.Rename(e.path("public"), e.path("../sibling/old")); err != nil {
				e.t.Fatal(err)
			}
		}},
		// The new site goes into the link's target and the link stays; or
		// the build is refused, naming it.
		hcase{name: "symlinked_public", args: out("public"), codes: []int{0, 1}, writes: []string{"realpub"},
			mutate: func(e *env) {
				newTitle(e)
				e.rename("public", "realpub")
				e.symlink("realpub", "public")
			},
			then: func(e *env, r *result) {
				if link, err := os.Readlink(e.path("public")); err != nil || link != "realpub" {
					e.t.Errorf("public is no longer the symlink to realpub (%q, %v)", link, err)
				}
				if r.code == 1 {
					if !holds(r.output(), "public") {
						e.t.Error("the refusal does not name public")
					}
					return
				}
				if !holdsFile(e, "realpub/measures/05.html", "(新)") {
					e.t.Error("realpub, the link's target, still holds the previous site")
				}
			}}.proves(6),
		// Renaming a folder out of its parent needs write permission on it:
		// the build either manages or says why, naming the folder.
		{name: "public_not_writable", args: out("public"), codes: []int{0, 1}, mutate: func(e *env) { e.chmod("public", 0o555) },
			then: func(e *env, r *result) {
				if r.code == 1 && !holds(r.output(), "public") {
					e.t.Error("the refusal does not name public")
				}
			}},
	}
	runCases(t, "outdir", cases)
}

// holdsFile reports whether the scratch file rel holds s.
func holdsFile(e *env, rel, s string) bool {
	data, err := os.ReadFile(e.path(rel))
	return err == nil && bytes.Contains(data, []byte(s))
}
