package hostile

import (
	"strings"
	"testing"
)

// TestPortal: the portal's settings of issue 15 — the identity items of
// [publisher] and the notice's facts and related links — given hostile
// values: scripts for addresses, files outside the sources or of the wrong
// kind, markup, values of the wrong type. Each is an error at its line,
// before anything is built; nothing from outside is published.
func TestPortal(t *testing.T) {
	markLine := lineOf(t, siteFile, "conac_mark = ")
	markURLLine := lineOf(t, siteFile, "conac_url = ")
	contactURLLine := lineOf(t, siteFile, "contact_url = ")
	statementURLLine := lineOf(t, siteFile, "statement_url = ")
	siteCodeLine := lineOf(t, siteFile, "site_code = ")
	policeLine := lineOf(t, siteFile, "police_reg = ")
	attachment := lineOf(t, noticeFile, "attachment = ")
	closing := lineOfText(t, noticeFile, "+++", 2)

	// mark sets the 黨政機關 mark to the value given, with a page for it.
	mark := func(value string) func(e *env) {
		return func(e *env) {
			e.write("assets/dzjg.png", "\x89PNG\r\n\x1a\n")
			e.replace(siteFile, `conac_mark = ""`, `conac_mark = `+value)
			e.replace(siteFile, `conac_url = ""`, `conac_url = "https://bszs.conac.cn/sitename?method=show&id=X"`)
		}
	}
	setting := func(key, value string) func(e *env) {
		return func(e *env) { e.replace(siteFile, key+` = ""`, key+` = `+value) }
	}
	// fact adds a line to the notice's front matter, at the line of
	// attachment (which moves down).
	fact := func(line string) func(e *env) {
		return func(e *env) { e.setLine(noticeFile, attachment, line+"\n"+lineText(e, noticeFile, attachment)) }
	}
	// related adds a [[related]] entry at the end of the front matter: its
	// header is on the closing line's number, its keys below.
	related := func(keys string) func(e *env) {
		return func(e *env) { e.setLine(noticeFile, closing, "[[related]]\n"+keys+"\n+++") }
	}
	cases := []hcase{
		// The 黨政機關網站 mark: a file of assets/, an image, with its page.
		buildFails("conac_mark_outside_the_sources", mark(`"../../etc/passwd.png"`), at(siteFile, markLine)),
		buildFails("conac_mark_absolute", mark(`"/etc/passwd.png"`), at(siteFile, markLine)),
		buildFails("conac_mark_in_content", mark(`"content/notice.md"`), at(siteFile, markLine)),
		buildFails("conac_mark_a_style_sheet", mark(`"assets/site.css"`), at(siteFile, markLine)),
		buildFails("conac_mark_missing", mark(`"assets/conac.png"`), at(siteFile, markLine)),
		buildFails("conac_mark_markup", mark(`"assets/\"><script>.png"`), at(siteFile, markLine)),
		buildFails("conac_mark_link_out", func(e *env) {
			mark(`"assets/dzjg.png"`)(e)
			e.remove("assets/dzjg.png")
			e.symlink("/etc/passwd", "assets/dzjg.png")
		}, at(siteFile, markLine)),
		buildFails("conac_mark_without_page", setting("conac_mark", `"assets/favicon.svg"`), at(siteFile, markLine)),
		buildFails("conac_page_without_mark", setting("conac_url", `"https://bszs.conac.cn/"`), at(siteFile, markURLLine)),
		buildFails("conac_page_javascript", func(e *env) {
			mark(`"assets/dzjg.png"`)(e)
			e.replace(siteFile, `"https://bszs.conac.cn/sitename?method=show&id=X"`, `"javascript:alert(1)"`)
		}, at(siteFile, markURLLine)),
		// The portal's pages, the site code, the public-security number.
		buildFails("contact_url_javascript", setting("contact_url", `"javascript:alert(1)"`), at(siteFile, contactURLLine)),
		buildFails("statement_url_data", setting("statement_url", `"data:text/html,<script>alert(1)</script>"`), at(siteFile, statementURLLine)),
		buildFails("statement_url_relative", setting("statement_url", `"statement.html"`), at(siteFile, statementURLLine)),
		buildFails("site_code_markup", setting("site_code", `"44\"><b>0001"`), at(siteFile, siteCodeLine)),
		buildFails("site_code_too_short", setting("site_code", `"440100"`), at(siteFile, siteCodeLine)),
		buildFails("police_reg_without_digits", setting("police_reg", `"粵公網安備號"`), at(siteFile, policeLine)),
		builds("every_identity_item", func(e *env) {
			mark(`"assets/dzjg.png"`)(e)
			e.replace(siteFile, `base_url = ""`, `base_url = "https://www.gz.gov.cn/nansha3/"`)
			e.replace(siteFile, `site_code = ""`, `site_code = "0000000000"`)
			e.replace(siteFile, `police_reg = ""`, `police_reg = "粵公網安備 00000000000000號"`)
		}, func(e *env, r *result) {
			e.outHolds("measures/05.html", "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=0000000000&amp;url=https%3A%2F%2Fwww.gz.gov.cn%2Fnansha3%2Fmeasures%2F05.html")
			e.outHolds("index.html", "https://beian.mps.gov.cn/#/query/webSearch?code=00000000000000")
			e.outHolds("index.html", `alt="黨政機關網站"`)
		}),

		// The notice's facts.
		buildFails("published_a_string", fact(`published = "2018-07-10"`), at(noticeFile, attachment)),
		buildFails("published_a_time_alone", fact(`published = 16:30:00`), at(noticeFile, attachment)),
		buildFails("published_not_a_date", fact(`published = 2018-02-30`), at(noticeFile, attachment)),
		buildFails("index_markup", fact(`index = "<b>000014349/2018-00110</b>"`), at(noticeFile, attachment)),
		buildFails("validity_unknown", fact(`validity = "永久"`), at(noticeFile, attachment)),
		buildFails("topic_two_lines", fact(`topic = """綜合政務
政務公開"""`), at(noticeFile, attachment)),
		buildFails("originals_a_string", fact(`originals = "content/files/161.pdf"`), at(noticeFile, attachment)),

		// Its related links: addresses outside the site, files of it.
		buildFails("link_javascript", related("title = \"解讀\"\nurl = \"javascript:alert(1)\""), at(noticeFile, closing+2)),
		buildFails("link_url_with_quote", related("title = \"解讀\"\nurl = \"https://www.gz.gov.cn/\\\" onclick=\\\"x\""), at(noticeFile, closing+2)),
		buildFails("link_file_outside_the_sources", related("title = \"文件\"\nfile = \"../../etc/passwd.pdf\""), at(noticeFile, closing+2)),
		buildFails("link_file_a_page", func(e *env) {
			e.write("content/files/x.html", "<script>alert(1)</script>")
			related("title = \"文件\"\nfile = \"content/files/x.html\"")(e)
		}, at(noticeFile, closing+2)),
		buildFails("link_file_a_source", related("title = \"文件\"\nfile = \"site.toml\""), at(noticeFile, closing+2)),
		buildFails("link_file_a_folder", func(e *env) {
			e.mkdir("content/files/x.pdf")
			related("title = \"文件\"\nfile = \"content/files/x.pdf\"")(e)
		}, at(noticeFile, closing+2)),
		buildFails("link_file_link_out", func(e *env) {
			e.symlink("/etc/passwd", "content/files/x.pdf")
			related("title = \"文件\"\nfile = \"content/files/x.pdf\"")(e)
		}, at(noticeFile, closing+2)),
		buildFails("link_file_litter", func(e *env) {
			e.write("content/files/.x.pdf", "%PDF")
			related("title = \"文件\"\nfile = \"content/files/.x.pdf\"")(e)
		}, at(noticeFile, closing+2)),
		buildFails("link_without_title", related("url = \"https://www.gz.gov.cn/\""), at(noticeFile, closing)),
		buildFails("link_both_url_and_file", func(e *env) {
			e.write("content/files/x.pdf", "%PDF")
			related("title = \"文件\"\nurl = \"https://www.gz.gov.cn/\"\nfile = \"content/files/x.pdf\"")(e)
		}, at(noticeFile, closing+3)),
		buildFails("link_misspelt_key", related("title = \"文件\"\nulr = \"https://www.gz.gov.cn/\""), "ulr"),
		builds("every_fact_and_link", func(e *env) {
			e.write("content/files/x.pdf", "%PDF-1.4\n")
			fact(`published = 2018-07-10 16:30:00` + "\n" + `index = "000014349/2018-00110"` + "\n" + `originals = ["content/files/x.pdf"]`)(e)
			e.setLine(noticeFile, closing+3, "[[related]]\ntitle = \"文件\"\nfile = \"content/files/x.pdf\"\n+++")
		}, func(e *env, r *result) {
			e.outHolds("files/x.pdf", "%PDF-1.4")
			e.outHolds("index.html", `<a href="files/x.pdf">`)
			e.outHolds("index.html", "000014349/2018-00110")
			e.outHolds("measures/05.html", `<meta name="PubDate" content="2018-07-10 16:30">`)
			if !strings.Contains(e.out("SHA256SUMS"), "  files/x.pdf\n") {
				e.t.Error("SHA256SUMS does not list files/x.pdf")
			}
		}),
	}
	runCases(t, "portal", cases)
}
