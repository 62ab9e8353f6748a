package hostile

import (
	"testing"
)

// TestTaxonomy: categories and lead units — unknown, duplicated, badly
// slugged, empty.
func TestTaxonomy(t *testing.T) {
	trade := entry(t, `slug = "trade"`)
	court := entry(t, `slug = "court"`)
	courtName := entry(t, `name = "市法院"`)
	tradeName := entry(t, `name = "貿易便利化"`)
	slug := func(v string) func(e *env) {
		return func(e *env) { e.replace(siteFile, `slug = "trade"`, "slug = "+v) }
	}
	newCategory := "\n[[categories]]\nslug = \"ports\"\nname = \"口岸建設\"\nsummary = \"尚無經驗。\"\n"
	cases := []hcase{
		buildFails("unknown_category", func(e *env) { e.setLine(m05, catLine, `category = "trad"`) }, at(m05, catLine), "trad"),
		buildFails("category_by_name", func(e *env) { e.setLine(m05, catLine, `category = "貿易便利化"`) }, at(m05, catLine)),
		buildFails("category_capitalised", func(e *env) { e.setLine(m05, catLine, `category = "Trade"`) }, at(m05, catLine)),
		buildFails("category_empty", func(e *env) { e.setLine(m05, catLine, `category = ""`) }, at(m05, catLine)),
		buildFails("unknown_unit", func(e *env) { e.setLine(m05, unitsLine, `lead_units = ["廣州海關", "深圳海關"]`) }, at(m05, unitsLine), "深圳海關"),
		buildFails("unit_in_simplified_script", func(e *env) { e.setLine(m05, unitsLine, `lead_units = ["广州海关"]`) }, at(m05, unitsLine)),
		buildFails("unit_by_slug", func(e *env) { e.setLine(m05, unitsLine, `lead_units = ["guangzhou-customs"]`) }, at(m05, unitsLine)),
		buildFails("unit_listed_twice", func(e *env) { e.setLine(m05, unitsLine, `lead_units = ["廣州海關", "廣州海關"]`) }, at(m05, unitsLine)),
		buildFails("no_lead_units", func(e *env) { e.setLine(m05, unitsLine, `lead_units = []`) }, at(m05, unitsLine)),
		buildFails("units_joined_with_dunhao", func(e *env) { e.setLine(m05, unitsLine, `lead_units = ["廣州海關、黃埔海關"]`) }, at(m05, unitsLine)),

		buildFails("category_slug_twice", slug(`"investment"`), trade),
		buildFails("category_slug_capitals", slug(`"Trade"`), trade),
		buildFails("category_slug_space", slug(`"trade facilitation"`), trade),
		buildFails("category_slug_slash", slug(`"a/b"`), trade),
		buildFails("category_slug_traversal", slug(`"../../outside"`), trade),
		buildFails("category_slug_dot_dot", slug(`".."`), trade),
		buildFails("category_slug_chinese", slug(`"貿易"`), trade),
		buildFails("category_slug_zero_width_space", slug("\"tr\u200bade\""), trade),
		buildFails("category_slug_empty", slug(`""`), trade),
		buildFails("category_slug_double_hyphen", slug(`"trade--x"`), trade),
		buildFails("category_name_empty", func(e *env) { e.replace(siteFile, `name = "貿易便利化"`, `name = " "`) }, tradeName),
		buildFails("category_without_summary", func(e *env) {
			e.replace(siteFile, "\nsummary = \"包括報關單", "\n# summary = \"包括報關單")
		}, trade),
		buildFails("unit_slug_twice", func(e *env) { e.replace(siteFile, `slug = "court"`, `slug = "procuratorate"`) }, court),
		buildFails("unit_slug_traversal", func(e *env) { e.replace(siteFile, `slug = "court"`, `slug = "../court"`) }, court),
		buildFails("unit_name_twice", func(e *env) { e.replace(siteFile, `name = "市法院"`, `name = "市檢察院"`) }, courtName),
		buildFails("unit_name_empty", func(e *env) { e.replace(siteFile, `name = "市法院"`, `name = ""`) }, courtName),
		buildFails("unit_without_slug", func(e *env) { e.replace(siteFile, `slug = "court"`, "") }, courtName),
		builds("category_without_measures", func(e *env) { e.appendTo(siteFile, newCategory) }, func(e *env, r *result) {
			e.outHolds("categories/ports.html", "口岸建設")
		}),
		builds("unit_without_measures", func(e *env) {
			e.appendTo(siteFile, "\n[[units]]\nslug = \"port-authority\"\nname = \"市港務局\"\n")
		}, nil),
	}
	runCases(t, "taxonomy", cases)
}
