package hostile

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestSizes: empty files, huge files, very long lines, deep nesting, and
// files and folders where the other kind belongs.
func TestSizes(t *testing.T) {
	closeAndBlank := func(e *env, body string) {
		all := strings.Split(string(e.read(m05)), "\n")
		e.write(m05, strings.Join(all[:closeLine], "\n")+"\n"+body)
	}
	cases := []hcase{
		buildFails("empty_measure", func(e *env) { e.write(m05, "") }, at(m05, 1)),
		buildFails("empty_notice", func(e *env) { e.write(noticeFile, "") }, at(noticeFile, 1)),
		buildFails("empty_site_toml", func(e *env) { e.write(siteFile, "") }, at(siteFile, 1)),
		buildFails("front_matter_only", func(e *env) { closeAndBlank(e, "") }, at(m05, closeLine+1)),
		buildFails("blank_body", func(e *env) { closeAndBlank(e, "\n  \n\t\n\u3000\n") }, at(m05, closeLine+1)),
		builds("empty_stylesheet", func(e *env) { e.write("assets/site.css", "") }, nil),
		// Every measure page then lacks its heading: the site check says where.
		hcase{name: "empty_layout", mutate: func(e *env) { e.write("layouts/measure.html", "") },
			args: []string{"build"}, code: 1, want: []string{"measures/05.html"}},
		buildFails("site_toml_is_a_folder", func(e *env) { e.remove(siteFile); e.mkdir(siteFile) }, siteFile),
		buildFails("measure_is_a_folder", func(e *env) { e.mkdir("content/measures/32.md") }, "content/measures/32.md"),
		buildFails("measures_is_a_file", func(e *env) { e.remove("content/measures"); e.write("content/measures", "x\n") }, "content/measures"),
		buildFails("notice_missing", func(e *env) { e.remove(noticeFile) }, noticeFile),
		buildFails("assets_missing", func(e *env) { e.remove("assets") }, "assets"),
		buildFails("layouts_missing", func(e *env) { e.remove("layouts") }, "layouts/"),
		buildFails("layout_missing", func(e *env) { e.remove("layouts/home.html") }, "layouts/home.html"),
		builds("long_title", func(e *env) {
			e.setLine(m05, titleLine, `title = "`+strings.Repeat("進出口", 30000)+`"`)
		}, func(e *env, r *result) { e.outHolds("measures/05.html", strings.Repeat("進出口", 30000)) }),
		builds("long_line", func(e *env) { e.appendTo(m05, strings.Repeat("進出口貨物,", 200000)+"\n") }, nil),
		builds("deep_blockquote", func(e *env) { e.appendTo(m05, "\n"+strings.Repeat("> ", 5000)+"深\n") }, nil),
		builds("deep_list", func(e *env) {
			var b strings.Builder
			for i := range 200 {
				b.WriteString(strings.Repeat("  ", i) + "- 層\n")
			}
			e.appendTo(m05, "\n"+b.String())
		}, nil),
		builds("deep_emphasis", func(e *env) { e.appendTo(m05, "\n"+strings.Repeat("*", 20000)+"強"+strings.Repeat("*", 20000)+"\n") }, nil),
		builds("deep_asset_folders", func(e *env) {
			e.write("assets/"+strings.Repeat("d/", 100)+"x.svg", string(e.read("assets/favicon.svg")))
		}, nil),
		buildFails("deep_toml_array", func(e *env) {
			e.setLine(m05, scopeLine, lineText(e, m05, scopeLine)+"\nx = "+strings.Repeat("[", 5000)+strings.Repeat("]", 5000))
		}, at(m05, scopeLine+1)),
		{name: "huge_text", heavy: true, args: []string{"build"}, mutate: func(e *env) {
			e.appendTo(m05, strings.Repeat(strings.Repeat("進出口貨物收發貨人可登陸系統。", 100)+"\n\n", 1000))
		}},
		{name: "huge_asset", heavy: true, args: []string{"build"}, mutate: func(e *env) {
			var b bytes.Buffer
			r := rand.New(rand.NewPCG(1, 2))
			for b.Len() < 32<<20 {
				b.WriteByte(byte(r.Uint32()))
			}
			e.write("assets/big.png", b.String())
		}},
	}
	runCases(t, "sizes", cases)
}
