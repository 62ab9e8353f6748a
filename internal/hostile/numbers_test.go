package hostile

import (
	"testing"
)

// TestNumbers: a measure's number zero, negative, duplicated, missing, out
// of range, a float, a string.
func TestNumbers(t *testing.T) {
	number := func(v string) func(e *env) {
		return func(e *env) { e.setLine(m05, numberLine, "number = "+v) }
	}
	m31 := "content/measures/31.md"
	cases := []hcase{
		buildFails("zero", number("0"), at(m05, numberLine)),
		buildFails("negative", number("-5"), at(m05, numberLine)),
		buildFails("minus_zero", number("-0"), at(m05, numberLine)),
		buildFails("leading_zero", number("05"), at(m05, numberLine)),
		buildFails("beyond_int64", number("99999999999999999999"), at(m05, numberLine)),
		buildFails("float", number("5.0"), at(m05, numberLine)),
		buildFails("float_exponent", number("5e0"), at(m05, numberLine)),
		buildFails("infinity", number("inf"), at(m05, numberLine)),
		buildFails("string", number(`"5"`), at(m05, numberLine)),
		buildFails("fullwidth_digit", number(`５`), at(m05, numberLine)),
		buildFails("boolean", number("true"), at(m05, numberLine)),
		buildFails("array", number("[5]"), at(m05, numberLine)),
		// A file holds its own number, so a duplicate is a file named for another.
		buildFails("duplicate", number("4"), at(m05, numberLine), "04.md"),
		// Issue 14: a wrong unit and a duplicate number in one file are two
		// problems, reported in one run (the duplicate showed only after the
		// unit was fixed). 5.md is a name of number 5, as 05.md is.
		buildFails("duplicate_with_unknown_unit", func(e *env) {
			e.write("content/measures/5.md", string(e.read(m05)))
			e.setLine("content/measures/5.md", unitsLine, `lead_units = ["深圳海關"]`)
		}, at("content/measures/5.md", numberLine), at("content/measures/5.md", unitsLine), "深圳海關"),
		buildFails("three_alike", func(e *env) {
			e.setLine(m05, numberLine, "number = 4")
			e.setLine("content/measures/06.md", numberLine, "number = 4")
		}, at(m05, numberLine), at("content/measures/06.md", numberLine)),
		// 31.md renamed 33.md, holding 33: the gap is named by the file after it.
		buildFails("gap", func(e *env) {
			e.rename(m31, "content/measures/33.md")
			e.setLine("content/measures/33.md", numberLine, "number = 33")
		}, "content/measures/33.md"),
		// The example: 32.md holds number = 33, and the message blamed
		// a missing 32.md. It must name the file that holds the wrong number.
		buildFails("file_32_holds_33", func(e *env) {
			e.write("content/measures/32.md", string(e.read(m31)))
			e.setLine("content/measures/32.md", numberLine, "number = 33")
		}, at("content/measures/32.md", numberLine)).proves(19),
		buildFails("file_31_holds_32", func(e *env) { e.setLine(m31, numberLine, "number = 32") }, at(m31, numberLine)).proves(19),
		buildFails("largest_int64", number("9223372036854775807"), at(m05, numberLine)).proves(19),
		builds("hexadecimal_is_a_number", number("0x05"), func(e *env, r *result) {
			if m := e.measuresJSON().Measures[4]; m.Number != 5 {
				e.t.Errorf("measures.json: the fifth measure is number %d", m.Number)
			}
		}),
	}
	runCases(t, "numbers", cases)
}
