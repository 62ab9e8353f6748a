package hostile

import (
	"fmt"
	"strings"
	"testing"
)

// draftLine is the line of the key that draftIs adds to a measure file:
// after its scope, before the closing +++.
const draftLine = closeLine

// draftIs sets draft = v in measure file rel.
func draftIs(rel, v string) func(e *env) {
	return func(e *env) { e.replace(rel, "\n+++\n", "\ndraft = "+v+"\n+++\n") }
}

// draftAt makes measure file rel a draft.
func draftAt(rel string) func(e *env) { return draftIs(rel, "true") }

// TestDrafts (issue 14): draft = true keeps a measure out of a build, never
// out of numbering; a published measure holding the placeholder of "new
// measure" fails.
func TestDrafts(t *testing.T) {
	m31 := "content/measures/31.md"
	newDraft := func(e *env) {
		e.write("content/measures/32.md", "+++\nnumber = 32\ntitle = \"草稿DRAFT-c4n4ry\"\ncategory = \"trade\"\n"+
			"lead_units = [\"廣州海關\"]\nscope = \"市有關行政區\"\ndraft = true\n+++\n\nTODO:請在此處用 Markdown 寫下本項的實施內容。\n")
	}
	leftOut := func(e *env, r *result) {
		if n := len(e.measuresJSON().Measures); n != 31 {
			e.t.Errorf("measures.json holds %d measures", n)
		}
		for _, f := range []string{"measures.html", "search.json", "search-index.js", "measures.csv", "SHA256SUMS", "categories/trade.html", "zh-hans/measures.html"} {
			if strings.Contains(e.out(f), "DRAFT-c4n4ry") || strings.Contains(e.out(f), "32.html") {
				e.t.Errorf("public/%s holds the draft", f)
			}
		}
		if e.exists("public/measures/32.html") || e.exists("public/zh-hans/measures/32.html") {
			e.t.Error("the draft's page was published")
		}
	}
	cases := []hcase{
		builds("draft_left_out", newDraft, leftOut),
		{name: "draft_kept_with_drafts", mutate: newDraft, args: []string{"build", "--drafts"}, then: func(e *env, r *result) {
			e.outHolds("measures/32.html", `class="draft"`)
			e.outHolds("measures.html", "DRAFT-c4n4ry")
		}},
		// The last published measure turned into a draft is fine; one in
		// the middle would leave a gap in the notice's numbers.
		builds("last_measure_a_draft", draftAt(m31), func(e *env, r *result) {
			if n := len(e.measuresJSON().Measures); n != 30 {
				e.t.Errorf("measures.json holds %d measures, want 30", n)
			}
		}),
		buildFails("draft_in_the_middle", draftAt(m05), at(m05, draftLine)),
		{name: "draft_in_the_middle_with_drafts", mutate: draftAt(m05), args: []string{"build", "--drafts"}, code: 1, want: []string{at(m05, draftLine)}},
		buildFails("draft_not_a_boolean", draftIs(m05, `"no"`), at(m05, draftLine)),
		buildFails("draft_twice", draftIs(m31, "true\ndraft = false"), at(m31, draftLine+1)),
		// The scaffold's placeholder, published: at its line and column.
		buildFails("placeholder_published", func(e *env) {
			newDraft(e)
			e.replace("content/measures/32.md", "draft = true\n", "")
		}, "content/measures/32.md:9:1"),
		buildFails("old_placeholder_published", func(e *env) {
			e.appendTo(m05, "\n   TODO: write the text of this measure here, in Markdown.\n")
		}, at(m05, textLine+2)+":4"),
		{name: "placeholder_in_a_draft_previewed", mutate: newDraft, args: []string{"build", "--drafts"}},
	}
	runCases(t, "drafts", cases)
}

// TestLinks (issue 14): links between texts by their source files, and
// what cannot be one.
func TestLinks(t *testing.T) {
	link := func(md string) func(e *env) { return func(e *env) { e.appendTo(m05, "\n"+md+"\n") } }
	linkLine := textLine + 2
	col := func(c int) string { return fmt.Sprintf("%s:%d", at(m05, linkLine), c) }
	cases := []hcase{
		builds("to_a_measure_and_the_notice", link("見[第3項](03.md#)、[通知](../notice.md#三加強組織實施)。"), func(e *env, r *result) {
			e.outHolds("measures/05.html", `<a href="../measures/03.html">第3項</a>`)
			e.outHolds("measures.html", `<a href="measures/03.html">第3項</a>`)
			e.outHolds("zh-hans/measures.html", `<a href="index.html#%E4%B8%89`)
		}),
		buildFails("to_no_source", link("見[第99項](99.md)。"), col(9)),
		buildFails("to_no_heading", link("見[通知](../notice.md#四)。"), col(7)),
		buildFails("to_a_draft", func(e *env) {
			draftAt("content/measures/31.md")(e)
			link("見[第31項](31.md)。")(e)
		}, col(9)),
		buildFails("to_a_built_page", link("見[第3項](03.html)。"), col(8)),
		buildFails("image_relative", link("![圖](../../assets/favicon.svg)"), col(6)),
		// Out of the sources, through the link: no such source, and
		// nothing of outside is read or published.
		buildFails("traversal", func(e *env) {
			e.write("../outside/secret.md", canary+"\n")
			link("[x](../../../outside/secret.md)")(e)
		}, col(5)),
		buildFails("to_site_toml", link("[x](../../site.toml)"), col(5)),
		buildFails("to_etc_passwd_md", link("[x](../../../../../../../../etc/passwd.md)"), col(5)),
		// Full addresses, addresses from the server's root and fragments
		// of the page are the built pages' own, for the site check.
		builds("full_address", link("[政府](https://www.gz.gov.cn/)"), func(e *env, r *result) {
			e.outHolds("measures.html", `<a href="https://www.gz.gov.cn/">政府</a>`)
		}),
		buildFails("raw_html_only", func(e *env) {
			e.write("content/measures/32.md", "+++\nnumber = 32\ntitle = \"x\"\ncategory = \"trade\"\nlead_units = [\"廣州海關\"]\n"+
				"scope = \"x\"\ndraft = true\n+++\n\n<script>alert(1)</script>\n")
		}, "content/measures/32.md:10:1"),
		buildFails("link_with_control_character_reference", link("[x](03.md&#x1b;)"), col(10)),
	}
	runCases(t, "links", cases)
}
