package hostile

import (
	"strings"
	"testing"
)

// TestTOML: broken TOML — syntax, types, unknown and missing keys — in
// site.toml, layouts/strings.toml and the front matter.
func TestTOML(t *testing.T) {
	title := lineOf(t, siteFile, "title = ")
	lang := lineOf(t, siteFile, "language = ")
	sponsor := lineOf(t, siteFile, "sponsor = ")
	summary := lineOf(t, siteFile, "summary = ")
	court := lineOf(t, siteFile, `name = "市法院"`)
	convert := lineOf(t, siteFile, "convert = ")
	baseURL := lineOf(t, siteFile, "base_url = ")
	firstUnits := lineOfText(t, siteFile, "[[units]]", 1)
	home := lineOf(t, stringsFile, "home = ")
	date := lineOf(t, noticeFile, "date = ")
	addressees := lineOf(t, noticeFile, "addressees = ")
	noticeNumber := lineOf(t, noticeFile, "number = ")
	lines05 := lines(m05)

	cases := []hcase{
		// site.toml
		buildFails("site_unclosed_string", func(e *env) {
			e.setLine(siteFile, title, `title = "中國(廣東)自由貿易試驗區`)
		}, at(siteFile, title)),
		buildFails("site_key_without_value", func(e *env) { e.setLine(siteFile, title, "title =") }, at(siteFile, title)),
		buildFails("site_key_without_equals", func(e *env) { e.setLine(siteFile, title, `title "x"`) }, at(siteFile, title)),
		buildFails("site_fullwidth_equals", func(e *env) { e.setLine(siteFile, title, `title ＝ "x"`) }, at(siteFile, title)),
		buildFails("site_duplicate_key", func(e *env) {
			e.setLine(siteFile, title, lineText(e, siteFile, title)+"\ntitle = \"again\"")
		}, at(siteFile, title+1)),
		buildFails("site_title_integer", func(e *env) { e.setLine(siteFile, title, "title = 3") }, at(siteFile, title)),
		buildFails("site_language_array", func(e *env) { e.setLine(siteFile, lang, `language = ["zh-Hant"]`) }, at(siteFile, lang)),
		buildFails("site_base_url_array", func(e *env) { e.setLine(siteFile, baseURL, `base_url = ["https://a.example/", 1]`) }, at(siteFile, baseURL)),
		buildFails("site_unknown_key", func(e *env) { e.prepend(siteFile, "lang = \"zh\"\n") }, at(siteFile, 1), "lang"),
		buildFails("site_unknown_publisher_key", func(e *env) { e.replace(siteFile, "sponsor = ", "sponser = ") }, at(siteFile, sponsor), "sponser"),
		buildFails("site_unknown_category_key", func(e *env) { e.replace(siteFile, "summary = ", "sumary = ") }, at(siteFile, summary), "sumary"),
		buildFails("site_unknown_unit_key", func(e *env) { e.replace(siteFile, `name = "市法院"`, `nmae = "市法院"`) }, at(siteFile, court), "nmae"),
		buildFails("site_missing_title", func(e *env) { e.setLine(siteFile, title, "") }, at(siteFile, 1), "title"),
		buildFails("site_missing_units", func(e *env) {
			e.write(siteFile, strings.Join(strings.Split(string(e.read(siteFile)), "\n")[:firstUnits-1], "\n"))
		}, at(siteFile, 1), "units"),
		buildFails("site_edition_without_convert", func(e *env) { e.setLine(siteFile, convert, "") }, entry(t, "convert = ")),
		buildFails("site_table_defined_twice", func(e *env) { e.appendTo(siteFile, "\n[publisher]\n") }, at(siteFile, lines(siteFile)+2)),
		buildFails("site_array_of_tables_as_table", func(e *env) {
			e.replace(siteFile, "[[units]]", "[units]")
		}, either(at(siteFile, firstUnits), at(siteFile, lineOfText(t, siteFile, "[[units]]", 2)))),

		// layouts/strings.toml: its messages name the file (see the report on
		// their line numbers)
		buildFails("strings_unclosed_string", func(e *env) { e.setLine(stringsFile, home, `home = "首頁`) }, stringsFile),
		buildFails("strings_integer", func(e *env) { e.setLine(stringsFile, home, "home = 3") }, stringsFile),
		buildFails("strings_duplicate_key", func(e *env) { e.appendTo(stringsFile, "home = \"again\"\n") }, stringsFile),
		buildFails("strings_table", func(e *env) { e.appendTo(stringsFile, "[nav]\nhome = \"x\"\n") }, stringsFile),
		buildFails("strings_bare_word", func(e *env) { e.appendTo(stringsFile, "home\n") }, stringsFile),

		// front matter
		buildFails("front_unclosed_string", func(e *env) { e.setLine(m05, titleLine, `title = "進出口`) }, at(m05, titleLine)),
		buildFails("front_key_without_value", func(e *env) { e.setLine(m05, titleLine, "title =") }, at(m05, titleLine)),
		buildFails("front_fullwidth_equals", func(e *env) { e.setLine(m05, titleLine, `title ＝ "進出口"`) }, at(m05, titleLine)),
		buildFails("front_unknown_key", func(e *env) {
			e.setLine(m05, scopeLine, lineText(e, m05, scopeLine)+"\nunit = \"廣州海關\"")
		}, at(m05, scopeLine+1), "unit"),
		buildFails("front_misspelt_key", func(e *env) { e.replace(m05, "scope = ", "scoep = ") }, at(m05, scopeLine), "scoep"),
		buildFails("front_missing_key", func(e *env) { e.setLine(m05, scopeLine, "") }, at(m05, 1), "scope"),
		buildFails("front_units_string", func(e *env) { e.setLine(m05, unitsLine, `lead_units = "廣州海關"`) }, at(m05, unitsLine)),
		buildFails("front_title_integer", func(e *env) { e.setLine(m05, titleLine, "title = 5") }, at(m05, titleLine)),
		buildFails("front_title_inline_table", func(e *env) { e.setLine(m05, titleLine, `title = {zh = "進出口"}`) }, at(m05, titleLine)),
		buildFails("front_title_array", func(e *env) { e.setLine(m05, titleLine, `title = ["進出口"]`) }, at(m05, titleLine)),
		buildFails("front_duplicate_key", func(e *env) {
			e.setLine(m05, catLine, "category = \"trade\"\ncategory = \"finance\"")
		}, at(m05, catLine+1)),
		buildFails("front_table_header", func(e *env) {
			e.setLine(m05, scopeLine, lineText(e, m05, scopeLine)+"\n[extra]\nnote = 1")
		}, at(m05, scopeLine+1), "extra"),
		buildFails("front_yaml_fences", func(e *env) { e.replaceAll(m05, "+++", "---") }, at(m05, 1)),
		// A front matter never closed runs to the end of the file.
		buildFails("front_not_closed", func(e *env) { e.setLine(m05, closeLine, "++") }, at(m05, lines05+1)),
		buildFails("front_open_fence_only", func(e *env) { e.write(m05, "+++\n") }, m05+":1|"+m05+":2"),
		builds("front_comment_and_key_order", func(e *env) {
			e.setLine(m05, numberLine, "# 序號\ntitle = \"進出口貨物收發貨人注冊登記無紙化\"\nnumber = 5")
			e.setLine(m05, titleLine+2, "")
		}, func(e *env, r *result) {
			e.outHolds("measures/05.html", "進出口貨物收發貨人注冊登記無紙化")
		}),
		buildFails("notice_date_string", func(e *env) { e.setLine(noticeFile, date, `date = "2018-07-02"`) }, at(noticeFile, date)),
		buildFails("notice_date_invalid", func(e *env) { e.setLine(noticeFile, date, "date = 2018-13-45") }, at(noticeFile, date)),
		buildFails("notice_missing_date", func(e *env) { e.setLine(noticeFile, date, "") }, at(noticeFile, 1), "date"),
		buildFails("notice_duplicate_key", func(e *env) {
			e.setLine(noticeFile, noticeNumber, lineText(e, noticeFile, noticeNumber)+"\nnumber = 3")
		}, at(noticeFile, noticeNumber+1)),
		buildFails("notice_number_integer", func(e *env) { e.setLine(noticeFile, noticeNumber, "number = 161") }, at(noticeFile, noticeNumber)),
		buildFails("notice_misspelt_key", func(e *env) { e.replace(noticeFile, "addressees = ", "adressees = ") }, at(noticeFile, addressees), "adressees"),
	}
	runCases(t, "toml", cases)
}

// lineText is line n of the scratch copy of rel.
func lineText(e *env, rel string, n int) string {
	e.t.Helper()
	all := strings.Split(string(e.read(rel)), "\n")
	if n < 1 || n > len(all) {
		e.t.Fatalf("%s has no line %d", rel, n)
	}
	return all[n-1]
}
