package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// pageSite is a small site numbered from 1, as the page index needs: both
// scripts, fullwidth, a pair that occurs twice in one field ("海關…海關"),
// Latin and a character outside the Basic Multilingual Plane.
func pageSite() (*site.Site, map[int]string) {
	trade := &site.Category{Slug: "trade", Name: "貿易便利化"}
	gov := &site.Category{Slug: "government", Name: "政府職能轉變"}
	customs := &site.Unit{Slug: "guangzhou-customs", Name: "廣州海關"}
	huangpu := &site.Unit{Slug: "huangpu-customs", Name: "黃埔海關"}
	office := &site.Unit{Slug: "office", Name: "市政務辦"}
	ms := []*site.Measure{
		{Number: 1, Title: "報關單“一鍵改配”", Category: trade, Units: []*site.Unit{customs, huangpu}},
		{Number: 2, Title: "电子营业执照ＡＰＰ", Category: gov, Units: []*site.Unit{office}},
		{Number: 3, Title: "𠀀字O2O", Category: trade, Units: []*site.Unit{huangpu}},
	}
	for _, m := range ms {
		m.Body.Text = []byte("x") // Plan reads the sources' sizes
	}
	return &site.Site{Categories: []*site.Category{trade, gov}, Units: []*site.Unit{customs, huangpu, office}, Measures: ms},
		map[int]string{
			1: "依托“線上海關”系統平臺,實現企業互聯網提交。\n改變傳統的操作方式。",
			2: "推廣電子營業執照在政務服務中的應用<br>。",
			3: "海關與海關。𠀀𠀀",
		}
}

func pageIndex(t *testing.T) (*site.Site, *Index) {
	t.Helper()
	s, texts := pageSite()
	idx, err := Build(s, func(m *site.Measure) string { return texts[m.Number] })
	if err != nil {
		t.Fatal(err)
	}
	return s, idx
}

// sharded is a layout that shards pageSite's index however small it is.
var sharded = Layout{Measures: 3, Keys: 3, Positions: 2, Chunks: 1}

func TestPlan(t *testing.T) {
	corpus := func(n, textBytes int) *site.Site {
		c := &site.Category{Slug: "c", Name: "分類"}
		u := &site.Unit{Slug: "u", Name: "單位"}
		s := &site.Site{Categories: []*site.Category{c}, Units: []*site.Unit{u}}
		for i := range n {
			s.Measures = append(s.Measures, &site.Measure{Number: i + 1, Title: "標題", Category: c, Units: []*site.Unit{u},
				Body: site.Source{Text: bytes.Repeat([]byte("字"), textBytes/3)}})
		}
		return s
	}
	// shards is the layout of a site of n measures and chars characters.
	shards := func(n, chars int) Layout {
		return Layout{Measures: n, Keys: (chars*keyBytes + bucketBytes - 1) / bucketBytes,
			Positions: (chars*positionBytes + bucketBytes - 1) / bucketBytes, Chunks: (n + chunkMeasures - 1) / chunkMeasures}
	}
	fixed := len("標題分類單位") // bytes of each measure besides its text
	for _, tc := range []struct {
		name string
		site *site.Site
		want Layout
	}{
		{"the notice's 31 measures: one file", corpus(31, 600), Layout{Measures: 31}},
		{"just at the size: one file", corpus(1, shardAbove-fixed), Layout{Measures: 1}},
		{"a character over: shards", corpus(1, shardAbove-fixed+3), shards(1, 6+(shardAbove-fixed+3)/3)},
		{"1,000 measures of 1,200 bytes: one file", corpus(1000, 1200), Layout{Measures: 1000}},
		{"2,000 measures of 1,200 bytes: shards", corpus(2000, 1200), shards(2000, 2000*(6+400))},
		// The same, counted by hand rather than by shards' formula: 812,000
		// characters, 2 bytes of keys and 4 of positions each, in 8 KiB
		// buckets; four measures a chunk.
		{"2,000 measures of 1,200 bytes: shards, by hand", corpus(2000, 1200), Layout{Measures: 2000, Keys: 199, Positions: 397, Chunks: 500}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Plan(tc.site); got != tc.want {
				t.Errorf("Plan() = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestAppendNumber(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, "A"}, {1, "B"}, {25, "Z"}, {26, "a"}, {31, "f"},
		{32, "hA"}, {33, "hB"}, {1023, "_f"}, {1024, "hgA"}, {40000, "hniA"},
	} {
		if got := string(appendNumber(nil, tc.n)); got != tc.want {
			t.Errorf("appendNumber(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

// readNumbers decodes digits, as search.js does.
func readNumbers(s string) []int {
	var out []int
	v := 0
	for _, c := range []byte(s) {
		d := strings.IndexByte(digitChars, c)
		if d >= 32 {
			v = v*32 + d - 32
			continue
		}
		out = append(out, v*32+d)
		v = 0
	}
	return out
}

// TestPostings checks the lists as postings.go documents them, on pageSite:
// which measures and fields hold a key, and where a pair occurs.
func TestPostings(t *testing.T) {
	_, idx := pageIndex(t)
	fold, err := idx.Fold.Fold()
	if err != nil {
		t.Fatal(err)
	}
	var docs [][fields][]rune
	for _, e := range idx.Measures {
		docs = append(docs, [fields][]rune{
			[]rune(fold.Normalize(e.Title)),
			[]rune(fold.Normalize(strings.Join(e.Units, " ") + " " + e.Category.Name)),
			[]rune(fold.Normalize(e.Text)),
		})
	}
	p := newPostings(len(docs), func(d int) [fields][]rune { return docs[d] })
	list := func(key string) []int {
		rs := []rune(key)
		k := singleKey(rs[0])
		if len(rs) == 2 {
			k = pairKey(rs[0], rs[1])
		}
		e := p[k]
		if e == nil {
			return nil
		}
		if len(rs) == 2 {
			return readNumbers(string(e.positions))
		}
		return readNumbers(string(e.list))
	}
	for _, tc := range []struct {
		key  string
		want []int
	}{
		// In the meta (2) of measure 0, then of measure 2, at a
		// distance of 1.
		{"埔", []int{0<<3 | 2, 1<<3 | 2}},
		// 海关: measure 0, meta (2) at 2 and 7 ("广州海关 黄埔海关 …"),
		// text (4) at 5 ("依托“线上海关”…"); measure 2, meta at 2, text
		// at 0 and 3 ("海关与海关").
		{"海关", []int{0<<3 | 6, 1, 2, 7 - 2 - 1, 0, 5, 1<<3 | 6, 0, 2, 1, 0, 3 - 0 - 1}},
		// Outside the BMP: 𠀀 is one character, in measure 2's title and
		// text, and its pair occurs at 0 in the text.
		{"𠀀", []int{2<<3 | 5}},
		{"𠀀𠀀", []int{2<<3 | 4, 0, 6}},
		{"o2", []int{2<<3 | 1, 0, 2}},
		{"量子", nil},
	} {
		if got := list(tc.key); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.key, got, tc.want)
		}
	}
}

// TestPostingsInParts: postings read in parts and joined are those read in
// one go.
func TestPostingsInParts(t *testing.T) {
	_, idx := pageIndex(t)
	fold, err := idx.Fold.Fold()
	if err != nil {
		t.Fatal(err)
	}
	var docs [][fields][]rune
	for i := range 30 {
		e := idx.Measures[i%len(idx.Measures)]
		text := e.Text
		if i%4 == 0 {
			text = "" // a measure without a key that others have
		}
		docs = append(docs, [fields][]rune{
			[]rune(fold.Normalize(e.Title)),
			[]rune(fold.Normalize(strings.Join(e.Units, " ") + " " + e.Category.Name)),
			[]rune(fold.Normalize(text + strings.Repeat("海關", i))),
		})
	}
	doc := func(d int) [fields][]rune { return docs[d] }
	whole := readParts(len(docs), doc, 1)
	for _, parts := range []int{2, 3, 7, 30} {
		got := readParts(len(docs), doc, parts)
		if len(got) != len(whole) {
			t.Fatalf("%d parts: %d keys, want %d", parts, len(got), len(whole))
		}
		for k, e := range whole {
			g := got[k]
			if g == nil || string(g.list) != string(e.list) || string(g.positions) != string(e.positions) {
				t.Errorf("%d parts: %s differs", parts, keyString(k))
			}
		}
	}
}

// TestPageFiles checks the page index of pageSite, in one file and in
// shards, against golden files, and that its files are those of the
// layout, the same every time.
func TestPageFiles(t *testing.T) {
	s, idx := pageIndex(t)
	for _, tc := range []struct {
		name, golden string
		layout       Layout
	}{
		{"one file", "page.golden.js", Plan(s)},
		{"shards", "shards.golden.txt", sharded},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files, err := PageFiles(s, idx, tc.layout)
			if err != nil {
				t.Fatal(err)
			}
			var paths []string
			var all bytes.Buffer
			for _, f := range files {
				paths = append(paths, f.Path)
				if len(files) > 1 {
					fmt.Fprintf(&all, "== %s\n", f.Path)
				}
				all.Write(f.Data())
			}
			if want := tc.layout.Paths(); !slices.Equal(paths, want) {
				t.Errorf("files %q, want the layout's %q", paths, want)
			}
			again, err := PageFiles(s, idx, tc.layout)
			if err != nil {
				t.Fatal(err)
			}
			for i := range again {
				if !bytes.Equal(again[i].Data(), files[i].Data()) {
					t.Errorf("%s differs between two runs", files[i].Path)
				}
			}
			golden := filepath.Join("testdata", tc.golden)
			if *update {
				if err := os.WriteFile(golden, all.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(all.Bytes(), want) {
				t.Errorf("%s differs (run go test ./internal/search -update to accept):\ngot:\n%s\nwant:\n%s", tc.golden, all.Bytes(), want)
			}
		})
	}
}

// TestPageManifest reads search-index.js back: what search.js relies on.
func TestPageManifest(t *testing.T) {
	s, idx := pageIndex(t)
	for _, l := range []Layout{Plan(s), sharded} {
		files, err := PageFiles(s, idx, l)
		if err != nil {
			t.Fatal(err)
		}
		data := files[0].Data()
		if !bytes.HasPrefix(data, []byte(ScriptPrefix)) {
			t.Fatalf("%s does not start with %s", files[0].Path, ScriptPrefix)
		}
		end := bytes.Index(data, []byte(ScriptSuffix))
		var p page
		dec := json.NewDecoder(bytes.NewReader(data[len(ScriptPrefix):end]))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		if p.Version != PageVersion || p.Count != 3 || p.Fold != idx.Fold.digits() {
			t.Errorf("version %d, count %d, fold %v", p.Version, p.Count, p.Fold)
		}
		// Measure 1: trade, two units (0, 1); 2: government, office;
		// 3: trade, Huangpu.
		if got, want := readNumbers(p.Facets), []int{0, 2, 0, 1, 1, 1, 2, 0, 1, 1}; !slices.Equal(got, want) {
			t.Errorf("facets %v, want %v", got, want)
		}
		switch {
		case p.Page != "measures/%s.html":
			t.Errorf("page %q", p.Page)
		case !l.Sharded() && (len(p.Measures) != 3 || p.Measures[2] != [2]string{"𠀀字O2O", "海關與海關。𠀀𠀀"} || p.Shards != nil):
			t.Errorf("one file: measures %q, shards %v", p.Measures, p.Shards)
		case l.Sharded() && (p.Measures != nil || *p.Shards != shards{site.SearchShardDir + "/", 3, 2, chunkMeasures}):
			t.Errorf("sharded: measures %q, shards %+v", p.Measures, p.Shards)
		case l.Sharded() && !bytes.Contains(data[end:], []byte(Global)) && !bytes.Contains(data[end:], []byte("micrositeSearchShards")):
			t.Error("a sharded search-index.js lacks the reader of its shards")
		}
	}
}

func TestPageFilesNeedNumbersFromOne(t *testing.T) {
	s, idx := pageIndex(t)
	s.Measures[1].Number = 5
	if _, err := PageFiles(s, idx, Plan(s)); err == nil || !strings.Contains(err.Error(), "number 5") {
		t.Errorf("numbers 1, 5, 3: error %v", err)
	}
}
