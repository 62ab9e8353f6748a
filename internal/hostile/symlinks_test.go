package hostile

import (
	"strings"
	"testing"
)

// TestSymlinks: content, layout and asset entries that are symlinks out of
// the source tree. The build may refuse them or skip them with a warning;
// either way it names them, and nothing from outside is ever published
// (verifySite looks for the canary of the outside files and for
// /etc/passwd in every file a successful build wrote).
func TestSymlinks(t *testing.T) {
	// outsideMeasure is a copy of 05.md, marked, outside the sources.
	outsideMeasure := func(e *env, number string) {
		e.write("../outside/m.md", string(e.read(m05))+"\n"+canary+"\n")
		e.setLine("../outside/m.md", numberLine, "number = "+number)
	}
	linked := func(name, rel, target string, codes []int, setup func(e *env)) hcase {
		return hcase{name: name, args: []string{"build"}, codes: codes, want: []string{rel}, mutate: func(e *env) {
			if setup != nil {
				setup(e)
			}
			e.remove(rel)
			e.symlink(target, rel)
		}}
	}
	refusedOrSkipped := []int{0, 1}
	cases := []hcase{
		// The example.
		linked("asset_to_etc_passwd", "assets/passwd.css", "/etc/passwd", refusedOrSkipped, nil).proves(4),
		linked("asset_to_outside_file", "assets/x.css", "../../outside/secret.css", refusedOrSkipped, nil).proves(4),
		linked("asset_folder_to_outside", "assets/ext", "../../outside", refusedOrSkipped, nil),
		// Refused or skipped, measure 5 is missing: the build fails.
		linked("measure_to_outside", m05, "../../../outside/m.md", []int{1}, func(e *env) { outsideMeasure(e, "5") }).proves(4),
		linked("extra_measure_to_outside", "content/measures/32.md", "../../../outside/m.md", refusedOrSkipped, func(e *env) { outsideMeasure(e, "32") }).proves(4),
		linked("notice_to_outside", noticeFile, "../../outside/notice.md", []int{1}, func(e *env) {
			e.write("../outside/notice.md", string(e.read(noticeFile))+"\n"+canary+"\n")
		}).proves(4),
		linked("layout_to_outside", "layouts/measure.html", "../../outside/measure.html", []int{1}, func(e *env) {
			e.write("../outside/measure.html", string(e.read("layouts/measure.html")))
			e.replace("../outside/measure.html", "<h1>{{.Title}}</h1>", "<h1>{{.Title}}</h1><p>"+canary+"</p>")
		}).proves(4),
		linked("strings_to_outside", stringsFile, "../../outside/strings.toml", []int{1}, func(e *env) {
			e.write("../outside/strings.toml", string(e.read(stringsFile)))
			e.replace("../outside/strings.toml", `home = "首頁"`, `home = "`+canary+`"`)
		}).proves(4),
		linked("measures_folder_to_outside", "content/measures", "../../outside/measures", []int{1}, func(e *env) {
			for _, f := range sources {
				if name, ok := strings.CutPrefix(f.rel, "content/measures/"); ok {
					e.write("../outside/measures/"+name, string(f.data))
				}
			}
			e.appendTo("../outside/measures/05.md", canary+"\n")
		}).proves(4),

		// Within the sources a symlink is an editor's business.
		{name: "asset_to_an_asset", args: []string{"build"}, mutate: func(e *env) { e.symlink("site.css", "assets/alias.css") }},
		// The whole source tree through a symlink is still the source tree.
		{name: "source_through_a_symlink", args: []string{"build", "--source", "../link", "--out", "../out"},
			mutate: func(e *env) { e.symlink("site", "../link") }},
		linked("asset_loop", "assets/loop.css", "loop.css", refusedOrSkipped, nil),
		linked("asset_dangling", "assets/gone.css", "nothing-here.css", refusedOrSkipped, nil),
		linked("measure_loop", "content/measures/loop.md", "loop.md", []int{1}, nil),
	}
	runCases(t, "symlinks", cases)
}
