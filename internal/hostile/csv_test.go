package hostile

import (
	"testing"
)

// TestCSV: a cell of measures.csv that starts with =, +, -, @ or a tab is a
// formula to Excel: it is neutralised with a leading ' (OWASP), while
// measures.json keeps every value as written.
func TestCSV(t *testing.T) {
	const (
		titleCol = "項目名稱"
		textCol  = "實施內容"
		scopeCol = "推廣范圍"
		unitsCol = "牽頭單位"
		catCol   = "分類"
	)
	// cell builds the site and finds value in measure 5's column, as it
	// must be there (csv), and in measures.json (json).
	cell := func(col, value, csv string, json func(d openData) string) func(e *env, r *result) {
		return func(e *env, r *result) {
			if got := e.csvRow(5)[col]; got != csv {
				e.t.Errorf("measures.csv: measure 5's %s is %q, want %q", col, got, csv)
			}
			if got := json(e.measuresJSON()); got != value {
				e.t.Errorf("measures.json: %q, want %q as written", got, value)
			}
		}
	}
	title := func(d openData) string { return d.Measures[4].Title }
	titled := func(name, value, toml string) hcase {
		return builds(name, func(e *env) { e.setLine(m05, titleLine, "title = "+toml) },
			cell(titleCol, value, "'"+value, title)).proves(5)
	}
	cases := []hcase{
		// The example: a link that runs in Excel.
		titled("title_hyperlink", `=HYPERLINK("http://evil.example/","進出口")`, `'=HYPERLINK("http://evil.example/","進出口")'`),
		titled("title_plus", "+1+cmd|' /C calc'!A0", `"+1+cmd|' /C calc'!A0"`),
		titled("title_minus", "-2+3", `"-2+3"`),
		titled("title_at", "@SUM(1+1)*cmd|' /C calc'!A0", `"@SUM(1+1)*cmd|' /C calc'!A0"`),
		titled("title_tab", "\t=1+1", `"\t=1+1"`),
		builds("scope_formula", func(e *env) { e.setLine(m05, scopeLine, `scope = "=1+1"`) },
			cell(scopeCol, "=1+1", "'=1+1", func(d openData) string { return d.Measures[4].Scope })).proves(5),
		builds("text_formula", func(e *env) { e.setLine(m05, textLine, "=1+1") },
			cell(textCol, "=1+1", "'=1+1", func(d openData) string { return d.Measures[4].Content })).proves(5),
		builds("unit_name_formula", func(e *env) {
			e.appendTo(siteFile, "\n[[units]]\nslug = \"at-sum\"\nname = \"@SUM(1+1)\"\n")
			e.setLine(m05, unitsLine, `lead_units = ["@SUM(1+1)"]`)
		}, cell(unitsCol, "@SUM(1+1)", "'@SUM(1+1)", func(d openData) string { return d.Measures[4].LeadUnits[0].Name })).proves(5),
		builds("category_name_formula", func(e *env) { e.replace(siteFile, `name = "貿易便利化"`, `name = "+貿易便利化"`) },
			cell(catCol, "+貿易便利化", "'+貿易便利化", func(d openData) string { return d.Measures[4].Category.Name })).proves(5),
		// Not at the start: nothing to neutralise.
		builds("title_formula_inside", func(e *env) { e.setLine(m05, titleLine, `title = "1=1+1"`) },
			cell(titleCol, "1=1+1", "1=1+1", title)),
		builds("title_quotes_and_commas", func(e *env) { e.setLine(m05, titleLine, `title = "報關單,“一鍵\"改配\"”"`) },
			cell(titleCol, `報關單,“一鍵"改配"”`, `報關單,“一鍵"改配"”`, title)),
	}
	runCases(t, "csv", cases)
}
