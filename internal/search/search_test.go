package search

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gzgov/nansha-microsite/internal/site"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func dictionary(t testing.TB) Fold {
	t.Helper()
	f, err := Dictionary()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestDictionary(t *testing.T) {
	f := dictionary(t)
	for _, tc := range []struct{ from, to string }{
		{"關", "关"}, {"報", "报"}, {"單", "单"}, {"黃", "黄"}, {"廣", "广"},
		{"後", "后"}, {"於", "于"}, {"為", "为"}, {"爲", "为"}, {"裡", "里"}, {"裏", "里"},
		{"發", "发"}, {"髮", "发"}, {"臺", "台"}, {"颱", "台"}, {"乾", "干"},
	} {
		from, _ := utf8.DecodeRuneInString(tc.from)
		if got := string(f[from]); got != tc.to {
			t.Errorf("%s folds to %q, want %s", tc.from, got, tc.to)
		}
	}
	for from, to := range f {
		if from == to {
			t.Errorf("%c folds to itself: identities only make the table larger", from)
		}
		if next, ok := f[to]; ok {
			t.Errorf("%c → %c → %c: folding twice must change nothing", from, to, next)
		}
	}
	for _, r := range "关报单后于为里发台干海市" { // Simplified, or the same in both scripts
		if to, ok := f[r]; ok {
			t.Errorf("%c folds to %c; Simplified characters must stay", r, to)
		}
	}
}

func TestNormalize(t *testing.T) {
	f := dictionary(t)
	for _, tc := range normalizeCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := f.Normalize(tc.in); got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// normalizeCases are also run through assets/search.js (see
// TestNormalizersAgree). The names of the cases where highlighting may
// miss (where normalising segment by segment differs) start with "exotic".
var normalizeCases = []struct{ name, in, want string }{
	{"empty", "", ""},
	{"blank", " \t\u3000\n", ""},
	{"traditional", "報關單“一鍵改配”", "报关单“一键改配”"},
	{"simplified", "报关单", "报关单"},
	{"variants", "爲為裡裏", "为为里里"},
	{"fullwidth", "ＡＢＣ１２３＋", "abc123+"},
	{"halfwidth katakana", "ｶﾀｶﾅ", "カタカナ"},
	{"case", "O2O(Online to Offline,線上線下)", "o2o(online to offline,线上线下)"},
	{"whitespace runs", "  a\u3000\tb \n\u00a0c  ", "a b c"},
	{"NEL is a space", "a\u0085b", "a b"},
	{"BOM is not", "a\ufeffb", "a\ufeffb"},
	{"combining mark", "Cafe\u0301", "café"},
	{"dotted capital I", "İ", "i\u0307"},
	{"exotic: final sigma", "ΣΑΣ ΣΑ", "σας σα"},
	{"exotic: hangul jamo compose", "\u1100\u1161", "가"},
	{"sharp s", "ß", "ß"},
	{"digraph", "ǅ", "dž"},
	{"roman numeral", "Ⅻ", "xii"},
	{"circled digit", "①", "1"},
	{"ligature", "ﬁ", "fi"},
	{"square word", "㍿", "株式会社"},
	{"compatibility ideograph", "\uF900", "岂"},
	{"kangxi radical", "⼀", "一"},
	{"outside the BMP", "𠀀𠮷", "𠀀𠮷"},
	{"version", "３.０", "3.0"},
	{"html-like", "<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"},
}

func TestTerms(t *testing.T) {
	f := dictionary(t)
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"   ", nil},
		{"海關", []string{"海关"}},
		{"黃埔海關　報關單", []string{"黄埔海关", "报关单"}}, // ideographic space
		{" 電子  營業執照 ", []string{"电子", "营业执照"}},
	} {
		got := f.Terms(tc.in)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
			t.Errorf("Terms(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// testSite is a small site in both scripts and with a fullwidth title.
func testSite() *site.Site {
	trade := &site.Category{Slug: "trade", Name: "貿易便利化"}
	gov := &site.Category{Slug: "government", Name: "政府職能轉變"}
	customs := &site.Unit{Slug: "guangzhou-customs", Name: "廣州海關"}
	huangpu := &site.Unit{Slug: "huangpu-customs", Name: "黃埔海關"}
	office := &site.Unit{Slug: "office", Name: "市政務辦"}
	ms := []*site.Measure{
		{Number: 3, Title: "報關單“一鍵改配”", Category: trade, Units: []*site.Unit{customs, huangpu}, Scope: "市有關行政區"},
		{Number: 7, Title: "电子营业执照ＡＰＰ", Category: gov, Units: []*site.Unit{office}, Scope: "全市"},
	}
	return &site.Site{Categories: []*site.Category{trade, gov}, Units: []*site.Unit{customs, huangpu, office}, Measures: ms}
}

var testTexts = map[int]string{
	3: "依托“線上海關”系統平臺,實現企業互聯網提交。\n改變傳統的操作方式。",
	7: "推廣電子營業執照在政務服務中的應用<br>。",
}

func TestBuildGolden(t *testing.T) {
	idx, err := Build(testSite(), func(m *site.Measure) string { return testTexts[m.Number] })
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range []struct {
		file   string
		encode func() ([]byte, error)
	}{
		{"index.golden.json", func() ([]byte, error) {
			var b bytes.Buffer
			err := idx.WriteJSON(&b)
			return b.Bytes(), err
		}},
	} {
		got, err := out.encode()
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", out.file)
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs (run go test ./internal/search -update to accept):\ngot:  %s\nwant: %s", out.file, got, want)
		}
	}
}

func TestBuild(t *testing.T) {
	build := func() []byte {
		idx, err := Build(testSite(), func(m *site.Measure) string { return testTexts[m.Number] })
		if err != nil {
			t.Fatal(err)
		}
		var data bytes.Buffer
		if err := idx.WriteJSON(&data); err != nil {
			t.Fatal(err)
		}
		return data.Bytes()
	}
	first := build()
	if again := build(); !bytes.Equal(first, again) {
		t.Fatal("two builds of the same site differ")
	}
	// Written a measure at a time, the index is what encoding/json makes
	// of it whole.
	built, err := Build(testSite(), func(m *site.Measure) string { return testTexts[m.Number] })
	if err != nil {
		t.Fatal(err)
	}
	if whole, _ := encodeJSON(built); !bytes.Equal(first, whole) {
		t.Errorf("WriteJSON wrote\n%s\nencoding/json writes\n%s", first, whole)
	}
	var idx Index
	dec := json.NewDecoder(bytes.NewReader(first))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&idx); err != nil {
		t.Fatal(err)
	}
	if idx.Version != Version || len(idx.Measures) != 2 {
		t.Fatalf("version %d, %d measures; want %d, 2", idx.Version, len(idx.Measures), Version)
	}
	e := idx.Measures[0]
	if e.Number != 3 || e.URL != "measures/03.html" || e.Category != (Category{"trade", "貿易便利化"}) ||
		strings.Join(e.Units, "、") != "廣州海關、黃埔海關" || e.Scope != "市有關行政區" || e.Text != testTexts[3] {
		t.Errorf("entry 3 = %+v", e)
	}
	if !bytes.Contains(first, []byte("<br>")) {
		t.Error("the index escapes <, > or &; it is data, not HTML")
	}
	fold, err := idx.Fold.Fold()
	if err != nil {
		t.Fatal(err)
	}
	// The shipped table folds every Traditional character of the corpus,
	// and nothing the corpus cannot match.
	for from, to := range map[rune]rune{'關': '关', '報': '报', '鍵': '键', '營': '营', '業': '业', '黃': '黄', '線': '线'} {
		if fold[from] != to {
			t.Errorf("shipped table folds %c to %q, want %c", from, fold[from], to)
		}
	}
	if _, ok := fold['龍']; ok {
		t.Error("shipped table has 龍, which folds to a character the corpus lacks")
	}
	// 執 occurs only in its Simplified form 执 (in 电子营业执照), yet a
	// Traditional query must find it.
	if fold['執'] != '执' {
		t.Error("shipped table lacks 執 → 执, needed to find 执 with a Traditional query")
	}
}

func TestPairsRoundTrip(t *testing.T) {
	f := Fold{'關': '关', '𠀀': '丁', '報': '报'}
	p := f.Pairs()
	if p.From != "報關𠀀" || p.To != "报关丁" {
		t.Errorf("Pairs() = %+v, want sorted by From", p)
	}
	back, err := p.Fold()
	if err != nil || len(back) != 3 || back['𠀀'] != '丁' {
		t.Errorf("Fold() = %v, %v", back, err)
	}
	if _, err := (Pairs{From: "關報", To: "关"}).Fold(); err == nil {
		t.Error("Pairs of unequal lengths: no error")
	}
}

func FuzzNormalize(f *testing.F) {
	for _, tc := range normalizeCases {
		f.Add(tc.in)
	}
	fold, err := Dictionary()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := fold.Normalize(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Errorf("Normalize(%q) = %q: invalid UTF-8", s, got)
		}
		if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || strings.Contains(got, "  ") {
			t.Errorf("Normalize(%q) = %q: untrimmed or doubled spaces", s, got)
		}
		for _, term := range fold.Terms(s) {
			if term == "" || strings.ContainsFunc(term, isSpace) {
				t.Errorf("Terms(%q) has %q", s, term)
			}
		}
		for _, r := range got {
			if _, ok := fold[r]; ok {
				t.Errorf("Normalize(%q) = %q: %c is left unfolded", s, got, r)
			}
		}
	})
}
