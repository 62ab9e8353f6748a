package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/parallel"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// Paths of the sources inside the fs.FS given to Load (and LoadStrings).
const (
	SiteFile    = "site.toml"
	NoticeFile  = "content/notice.md"
	MeasuresDir = "content/measures"
	StringsFile = "layouts/strings.toml" // the UI strings: the words of the layouts
)

// The files' schemas. Every key is required unless its comment says otherwise.
type (
	siteFile struct {
		Title       string          `toml:"title"`
		Description string          `toml:"description"` // optional
		Language    string          `toml:"language"`
		BaseURL     string          `toml:"base_url"`    // optional
		Publisher   site.Publisher  `toml:"publisher"`   // optional, each key optional
		ColumnType  string          `toml:"column_type"` // optional
		Editions    []site.Edition  `toml:"editions"`
		Categories  []categoryEntry `toml:"categories"`
		Units       []unitEntry     `toml:"units"`
	}
	categoryEntry struct {
		Slug    string `toml:"slug"`
		Name    string `toml:"name"`
		Summary string `toml:"summary"`
	}
	unitEntry struct {
		Slug string `toml:"slug"`
		Name string `toml:"name"`
	}
)

// field is one top-level key of a schema: where its value goes and, for
// messages, what it must be.
type field struct {
	key      string
	dst      any    // pointer to the destination
	want     string // "a string", "an integer" …
	optional bool
}

// where says which part of a file is being decoded, for "missing key" messages.
type where struct {
	file      string
	data      []byte
	firstLine int    // line of data's first byte in file
	part      string // "the front matter" or ""
}

// decodeFields decodes TOML key by key, so that a value of the wrong type is
// reported at its own line with what was expected (TOML's own message for it
// has no column and, in front matter, the wrong line). It reports missing and
// unknown keys too, nested ones included, and returns whether every field
// was decoded: an unknown key (a typo) leaves the schema's values whole, so
// the checks that use them still run and report in the same pass.
func (l *loader) decodeFields(w where, fields []field) bool {
	var prims map[string]toml.Primitive
	md := l.decode(w.file, w.data, w.firstLine, &prims)
	if md == nil {
		return false
	}
	at := func(key toml.Key, format string, args ...any) {
		pos, text := keyPos(w.file, w.data, w.firstLine, key)
		l.errs.addErr(&diag.Error{Pos: pos, Text: text, Msg: fmt.Sprintf(format, args...)})
	}
	ok := true
	for _, f := range fields {
		prim, found := prims[f.key]
		switch {
		case !found && f.optional:
		case !found:
			in := ""
			if w.part != "" {
				in = " in " + w.part
			}
			l.errs.add(diag.Pos{File: w.file, Line: max(w.firstLine-1, 1)}, "missing key %q%s (expected %s)", f.key, in, f.want)
			ok = false
		default:
			if err := md.PrimitiveDecode(prim, f.dst); err != nil {
				at(toml.Key{f.key}, "%s: expected %s, got %s", f.key, f.want, article(md.Type(f.key)))
				ok = false
			} else {
				// Not fatal: the value is a string, and the rest of the
				// sources can be checked with it.
				l.checkStrings(w, toml.Key{f.key}, -1, reflect.ValueOf(f.dst))
			}
		}
	}
	// Decoding into a map accepts every top-level key: unknown ones are those
	// the schema lacks. Nested unknown keys are those PrimitiveDecode left.
	known := map[string]bool{}
	for _, f := range fields {
		known[f.key] = true
	}
	for _, key := range slices.Sorted(maps.Keys(prims)) {
		if !known[key] {
			at(toml.Key{key}, "unknown key %q: expected one of %s", key, fieldNames(fields))
		}
	}
	for _, key := range md.Undecoded() {
		if len(key) > 1 && known[key[0]] {
			at(key, "unknown key %q", key.String())
		}
	}
	return ok
}

func fieldNames(fields []field) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.key
	}
	return strings.Join(names, ", ")
}

// article turns a TOML type name into words: "Integer" → "an integer".
func article(tomlType string) string {
	t := strings.ToLower(tomlType)
	switch {
	case t == "":
		return "nothing"
	case strings.ContainsRune("aeiou", rune(t[0])):
		return "an " + t
	}
	return "a " + t
}

// slugPattern is what a category or unit slug may be: it becomes a file name.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Load reads and validates the sources in fsys. On failure the error is a
// diag.List holding every problem found.
func Load(fsys fs.FS) (*site.Site, error) {
	l := &loader{fsys: fsys}
	s := l.loadSite()
	if s != nil {
		l.loadNotice(s)
		l.loadMeasures(s)
	}
	if err := l.errs.err(); err != nil {
		return nil, err
	}
	return s, nil
}

// LoadStrings reads and validates the UI strings of the layouts,
// StringsFile, for site.Site.Strings: the same checks as site.toml's (see
// DecodeTOML). On failure the error is a diag.List.
func LoadStrings(fsys fs.FS) (map[string]string, error) {
	src, err := fs.ReadFile(fsys, StringsFile)
	if err != nil {
		return nil, diag.List{FileError(StringsFile, err)}
	}
	var strings map[string]string
	if err := DecodeTOML(StringsFile, src, &strings); err != nil {
		return nil, err
	}
	return strings, nil
}

type loader struct {
	fsys fs.FS
	errs errs
}

// readFile reads name and checks it is text (see Text); it reports and
// returns nil on failure. What it returns has no byte order mark.
func (l *loader) readFile(name string) []byte {
	src, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		l.errs.addErr(FileError(name, err))
		return nil
	}
	src, e := Text(name, src)
	if e != nil {
		l.errs.addErr(e)
		return nil
	}
	return src
}

// decode decodes TOML that starts at line firstLine of file into v, reporting
// syntax errors, type errors and unknown keys at their line in file. It
// returns the metadata, or nil when decoding failed.
func (l *loader) decode(file string, data []byte, firstLine int, v any) *toml.MetaData {
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line := pe.Position.Line + firstLine - 1
			text := lineOf(data, pe.Position.Line)
			col := pe.Position.Col // in bytes: editors count characters
			if col > 0 {
				col = column([]byte(text), col-1)
			}
			l.errs.addErr(&diag.Error{
				Pos:  diag.Pos{File: file, Line: line, Col: col},
				Msg:  strings.TrimPrefix(pe.Message, "toml: "),
				Text: text,
			})
		} else {
			l.errs.add(diag.Pos{File: file, Line: firstLine}, "%v", err)
		}
		return nil
	}
	return &md
}

// keyPos finds the line that defines key, for messages about a key whose
// value is wrong. TOML's decoder keeps key positions private, so this looks
// for "name =" (or a [table] header) on a line of its own.
func keyPos(file string, data []byte, firstLine int, key toml.Key) (diag.Pos, string) {
	last := key[len(key)-1]
	for i, line := range strings.Split(string(data), "\n") {
		h := header(line)
		col, ok := keyCol(line, last)
		if ok || h == "["+key.String()+"]" || h == "[["+key.String()+"]]" {
			if !ok {
				col = column([]byte(line), strings.Index(line, "["))
			}
			return diag.Pos{File: file, Line: firstLine + i, Col: col}, strings.TrimRight(line, "\r")
		}
	}
	return diag.Pos{File: file, Line: firstLine}, ""
}

// keyPosIn is keyPos for a key in a table: in the index-th entry of an
// array of tables ([[categories]]), or in a [table] when index is -1. A
// top-level key is looked for before the first table.
func keyPosIn(file string, data []byte, firstLine int, key toml.Key, index int) (diag.Pos, string) {
	table := key[:len(key)-1].String()
	last := key[len(key)-1]
	in, n := len(key) == 1, -1
	for i, line := range strings.Split(string(data), "\n") {
		if h := header(line); h != "" {
			switch h {
			case "[[" + table + "]]":
				n++
				in = n == index
			case "[" + table + "]":
				in = index < 0
			default:
				in = false
			}
			continue
		}
		if col, ok := keyCol(line, last); in && ok {
			return diag.Pos{File: file, Line: firstLine + i, Col: col}, strings.TrimRight(line, "\r")
		}
	}
	return keyPos(file, data, firstLine, key)
}

// header returns the [table] or [[table]] header on line, without space or
// comment, or "".
func header(line string) string {
	t := strings.TrimSpace(line)
	end := "]"
	switch {
	case strings.HasPrefix(t, "[["):
		end = "]]"
	case !strings.HasPrefix(t, "["):
		return ""
	}
	if i := strings.Index(t, end); i >= 0 {
		return t[:i+len(end)]
	}
	return t
}

// checkStrings reports every string in the decoded value v (the value of
// key, in the index-th entry of its array of tables or -1) that holds a
// control character: written as an escape ("\u0000"), it passed the check
// of the file's bytes. It returns whether there was none.
func (l *loader) checkStrings(w where, key toml.Key, index int, v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		return v.IsNil() || l.checkStrings(w, key, index, v.Elem())
	case reflect.String:
		if r, bad := controlIn(v.String()); bad && len(key) > 0 {
			pos, text := keyPosIn(w.file, w.data, w.firstLine, key, index)
			l.errs.addErr(&diag.Error{Pos: pos, Text: text,
				Msg: fmt.Sprintf("%s: the value holds control character %U: not allowed in text (only tab and line breaks are)", key, r)})
			return false
		}
	case reflect.Slice, reflect.Array:
		ok := true
		for i := range v.Len() {
			at := index
			if v.Index(i).Kind() == reflect.Struct {
				at = i // an array of tables
			}
			ok = l.checkStrings(w, key, at, v.Index(i)) && ok
		}
		return ok
	case reflect.Map:
		ok := true
		for _, k := range v.MapKeys() {
			if k.Kind() == reflect.String {
				ok = l.checkStrings(w, append(slices.Clip(key), k.String()), index, v.MapIndex(k)) && ok
			}
		}
		return ok
	case reflect.Struct:
		ok := true
		for i := range v.NumField() {
			f := v.Type().Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			if f.IsExported() && name != "" && name != "-" {
				ok = l.checkStrings(w, append(slices.Clip(key), name), index, v.Field(i)) && ok
			}
		}
		return ok
	}
	return true
}

// keyCol returns the column of key on line when the line sets it (key =).
func keyCol(line, key string) (int, bool) {
	trimmed := strings.TrimLeft(line, " \t")
	rest, ok := strings.CutPrefix(trimmed, key)
	if !ok || !strings.HasPrefix(strings.TrimLeft(rest, " \t"), "=") {
		return 0, false
	}
	return column([]byte(line), len(line)-len(trimmed)), true
}

// lineOf returns line n (1-based) of data, or "".
func lineOf(data []byte, n int) string {
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimRight(lines[n-1], "\r")
}

func (l *loader) loadSite() *site.Site {
	src := l.readFile(SiteFile)
	if src == nil {
		return nil
	}
	var f siteFile
	const str = "a string"
	if !l.decodeFields(where{file: SiteFile, data: src, firstLine: 1}, []field{
		{key: "title", dst: &f.Title, want: str},
		{key: "description", dst: &f.Description, want: str, optional: true},
		{key: "language", dst: &f.Language, want: "a language tag such as \"zh-Hant\""},
		{key: "base_url", dst: &f.BaseURL, want: "a URL", optional: true},
		{key: "publisher", dst: &f.Publisher, want: "a table", optional: true},
		{key: "column_type", dst: &f.ColumnType, want: "a string", optional: true},
		{key: "editions", dst: &f.Editions, want: "[[editions]] tables with language, path, label and convert", optional: true},
		{key: "categories", dst: &f.Categories, want: "[[categories]] tables with slug, name and summary"},
		{key: "units", dst: &f.Units, want: "[[units]] tables with slug and name"},
	}) {
		return nil
	}
	s := &site.Site{
		Title:       f.Title,
		Description: f.Description,
		Language:    f.Language,
		Publisher:   f.Publisher,
	}
	at := func(key toml.Key, index int, format string, args ...any) {
		pos, text := keyPosIn(SiteFile, src, 1, key, index)
		l.errs.addErr(&diag.Error{Pos: pos, Text: text, Msg: fmt.Sprintf(format, args...)})
	}
	if f.BaseURL != "" {
		if p := urlProblem(f.BaseURL, true); p != "" {
			at(toml.Key{"base_url"}, -1, "base_url %q: %s: expected an absolute http(s) URL such as \"https://www.example.gov.cn/nansha/\", or \"\"", f.BaseURL, p)
		} else {
			s.BaseURL = strings.TrimSuffix(f.BaseURL, "/") + "/"
		}
	}
	l.checkPublisher(src, &s.Publisher)
	if t := strings.TrimSpace(f.ColumnType); strings.ContainsAny(t, "\r\n") {
		at(toml.Key{"column_type"}, -1, "column_type: a line break: expected the value on one line")
	} else {
		s.ColumnType = t
	}
	if p := languageProblem(f.Language); p != "" {
		at(toml.Key{"language"}, -1, "language %q: %s: expected a BCP 47 language tag such as \"zh-Hant\"", f.Language, p)
	}
	s.Editions = l.editions(src, f.Language, f.Editions)
	s.ThisEdition = s.Editions[0]
	seen := map[string]bool{}
	for i, c := range f.Categories {
		pos := l.entryPos(src, "categories", i)
		l.checkSlug(pos, "categories", c.Slug, seen)
		l.checkNonEmpty(pos, "categories", map[string]string{"name": c.Name, "summary": c.Summary})
		s.Categories = append(s.Categories, &site.Category{Slug: c.Slug, Name: c.Name, Summary: c.Summary, Pos: pos})
	}
	clear(seen)
	names := map[string]bool{}
	for i, u := range f.Units {
		pos := l.entryPos(src, "units", i)
		l.checkSlug(pos, "units", u.Slug, seen)
		l.checkNonEmpty(pos, "units", map[string]string{"name": u.Name})
		if names[u.Name] {
			l.errs.add(pos, "units: name %q is listed twice", u.Name)
		}
		names[u.Name] = true
		s.Units = append(s.Units, &site.Unit{Slug: u.Slug, Name: u.Name, Pos: pos})
	}
	return s
}

// editions validates the [[editions]] of site.toml. Without any, the site has
// one edition: the source, at the root.
func (l *loader) editions(src []byte, language string, entries []site.Edition) []*site.Edition {
	if len(entries) == 0 {
		return []*site.Edition{{Language: language}}
	}
	var eds []*site.Edition
	paths := map[string]bool{}
	for i, e := range entries {
		pos := l.entryPos(src, "editions", i)
		switch {
		case i == 0 && (e.Language != language || e.Path != "" || e.Convert != ""):
			l.errs.add(pos, "editions: the first edition is the source: expected language = %q, no path and no convert", language)
		case i > 0 && (e.Path == "" || !slugPattern.MatchString(e.Path)):
			l.errs.add(pos, "editions: path %q: expected a folder name of lowercase ASCII letters, digits and hyphens, such as \"zh-hans\"", e.Path)
		case i > 0 && paths[e.Path]:
			l.errs.add(pos, "editions: path %q is used twice", e.Path)
		case i > 0 && e.Convert == "":
			l.errs.add(pos, "editions: missing key \"convert\" (an OpenCC conversion from the source, such as \"t2s\")")
		case e.Language == "" || e.Label == "":
			l.errs.add(pos, "editions: expected a language and a label")
		case i > 0 && languageProblem(e.Language) != "":
			at, text := keyPosIn(SiteFile, src, 1, toml.Key{"editions", "language"}, i)
			l.errs.addErr(&diag.Error{Pos: at, Text: text, Msg: fmt.Sprintf("editions: language %q: %s: expected a BCP 47 language tag such as \"zh-Hans\"",
				e.Language, languageProblem(e.Language))})
		}
		e.Pos = pos
		paths[e.Path] = true
		eds = append(eds, &e)
	}
	return eds
}

// entryPos is the position of the i-th [[table]] header in site.toml.
func (l *loader) entryPos(src []byte, table string, i int) diag.Pos {
	n := 0
	for j, line := range strings.Split(string(src), "\n") {
		if header(line) == "[["+table+"]]" {
			if n == i {
				return diag.Pos{File: SiteFile, Line: j + 1}
			}
			n++
		}
	}
	return diag.Pos{File: SiteFile, Line: 1}
}

func (l *loader) checkSlug(pos diag.Pos, table, slug string, seen map[string]bool) {
	switch {
	case slug == "":
		l.errs.add(pos, "%s: missing key \"slug\"", table)
	case !slugPattern.MatchString(slug):
		l.errs.add(pos, "%s: slug %q: expected lowercase ASCII letters, digits and single hyphens (it becomes a file name)", table, slug)
	case seen[slug]:
		l.errs.add(pos, "%s: slug %q is used twice", table, slug)
	}
	seen[slug] = true
}

func (l *loader) checkNonEmpty(pos diag.Pos, table string, fields map[string]string) {
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		if strings.TrimSpace(fields[k]) == "" {
			l.errs.add(pos, "%s: missing key %q", table, k)
		}
	}
}

// readDocument reads a content file and splits off its front matter.
func (l *loader) readDocument(name string) (document, bool) {
	src := l.readFile(name)
	if src == nil {
		return document{}, false
	}
	doc, err := splitFrontMatter(src)
	if err != nil {
		line := 1
		if errors.Is(err, errUnclosed) {
			line = bytes.Count(src, []byte("\n")) + 1
		}
		l.errs.add(diag.Pos{File: name, Line: line}, "%v", err)
		return document{}, false
	}
	return doc, true
}

// body returns doc's body as a Source, reporting an empty one.
func (l *loader) body(name string, doc document) site.Source {
	text := doc.body
	line := doc.bodyLine
	// Skip blank lines so that Line points at the first line of text.
	for {
		first, rest, found := cutLine(text)
		if !found || len(bytes.TrimSpace(first)) > 0 {
			break
		}
		text, line = rest, line+1
	}
	if len(bytes.TrimSpace(text)) == 0 {
		l.errs.add(diag.Pos{File: name, Line: doc.bodyLine}, "empty body: expected the text after the closing +++ line")
	}
	src := site.Source{File: name, Line: line, Text: text}
	l.controlRefs(src)
	return src
}

func (l *loader) loadNotice(s *site.Site) {
	doc, ok := l.readDocument(NoticeFile)
	if !ok {
		return
	}
	n := &s.Notice
	const str = "a string"
	var extra noticeExtra
	w := where{NoticeFile, doc.front, doc.frontLine, "the front matter"}
	l.decodeFields(w, append([]field{
		{"number", &n.Number, str, false},
		{"title", &n.Title, str, false},
		{"addressees", &n.Addressees, str, false},
		{"issuer", &n.Issuer, str, false},
		{"date", &n.Date, "a date such as 2018-07-02", false},
		{"attachment", &n.Attachment, str, false},
	}, noticeFields(&extra)...))
	// What did not decode is zero, and passes.
	l.checkNotice(w, &extra, n)
	n.Body = l.body(NoticeFile, doc)
}

func (l *loader) loadMeasures(s *site.Site) {
	names, ok := l.measureFiles()
	if !ok {
		return
	}
	categories := map[string]*site.Category{}
	for _, c := range s.Categories {
		categories[c.Slug] = c
	}
	units := map[string]*site.Unit{}
	for _, u := range s.Units {
		units[u.Name] = u
	}
	// Reading and decoding the files is most of a load: do it on every CPU,
	// each file with its own errors, merged below in file order.
	loaded := make([]loadedMeasure, len(names))
	parallel.For(len(names), func(i int) {
		fl := &loader{fsys: l.fsys}
		m, pos := fl.loadMeasure(names[i], categories, units)
		loaded[i] = loadedMeasure{m, pos, fl.errs.list}
	})
	byNumber := map[int]string{}
	failed := false
	for i, name := range names { // fs.Glob returns names sorted
		l.errs.list = append(l.errs.list, loaded[i].errs...)
		m, pos := loaded[i].measure, loaded[i].numberPos
		if m == nil {
			failed = true
			continue
		}
		if other, dup := byNumber[m.Number]; dup {
			l.errs.add(pos, "number %d is already used by %s", m.Number, other)
			failed = true
			continue
		}
		byNumber[m.Number] = name
		s.Measures = append(s.Measures, m)
	}
	slices.SortFunc(s.Measures, func(a, b *site.Measure) int { return a.Number - b.Number })
	// A gap is only news when every file loaded: a broken file leaves one.
	for i, m := range s.Measures {
		if failed {
			break
		}
		if want := i + 1; m.Number != want && (i == 0 || s.Measures[i-1].Number != want) {
			l.errs.add(diag.Pos{File: MeasuresDir}, "measure number %d is missing: numbers must run from 1 without gaps (next is %s)", want, byNumber[m.Number])
			break
		}
	}
	for _, m := range s.Measures {
		m.Category.Measures = append(m.Category.Measures, m)
		for _, u := range m.Units {
			u.Measures = append(u.Measures, m)
		}
	}
}

// measureFiles lists the measure files, sorted: the .md files of
// MeasuresDir but editors' and systems' litter (see Ignored). It reports
// and returns false when there are none, or the folder cannot be read.
func (l *loader) measureFiles() ([]string, bool) {
	entries, err := fs.ReadDir(l.fsys, MeasuresDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		// Not "no measures": the editor is to fix the folder, not add files.
		e := FileError(MeasuresDir, err)
		e.Msg = strings.Replace(e.Msg, "cannot read it", "cannot read the folder", 1)
		l.errs.addErr(e)
		return nil, false
	}
	var names []string
	for _, e := range entries {
		if path.Ext(e.Name()) != ".md" || Ignored(e.Name()) {
			continue
		}
		if e.IsDir() {
			// Named as a measure, it was meant to be one: say so rather
			// than build a site that silently lacks it.
			l.errs.add(diag.Pos{File: path.Join(MeasuresDir, e.Name())}, "a folder, not a file: a measure is a Markdown file")
			continue
		}
		names = append(names, path.Join(MeasuresDir, e.Name()))
	}
	if len(names) == 0 {
		l.errs.add(diag.Pos{File: MeasuresDir}, "no measures: expected files named like %s/01.md", MeasuresDir)
		return nil, false
	}
	return names, true
}

// loadedMeasure is the outcome of loadMeasure: the measure or nil, the
// position of its number (for messages about duplicates), and the errors
// found in its file.
type loadedMeasure struct {
	measure   *site.Measure
	numberPos diag.Pos
	errs      diag.List
}

// loadMeasure loads one measure file, returning nil if it has errors, and the
// position of its number for messages about duplicates.
func (l *loader) loadMeasure(name string, categories map[string]*site.Category, units map[string]*site.Unit) (*site.Measure, diag.Pos) {
	doc, ok := l.readDocument(name)
	if !ok {
		return nil, diag.Pos{}
	}
	var (
		m         = &site.Measure{}
		category  string
		leadUnits []string
	)
	const str = "a string"
	ok = l.decodeFields(where{name, doc.front, doc.frontLine, "the front matter"}, []field{
		{"number", &m.Number, "an integer", false},
		{"title", &m.Title, str, false},
		{"category", &category, "a category slug from " + SiteFile, false},
		{"lead_units", &leadUnits, "an array of unit names, such as [\"廣州海關\", \"黃埔海關\"]", false},
		{"scope", &m.Scope, str, false},
	})
	m.Body = l.body(name, doc)
	if !ok {
		return nil, diag.Pos{}
	}
	n := len(l.errs.list)
	at := func(key, format string, args ...any) {
		pos, text := keyPos(name, doc.front, doc.frontLine, toml.Key{key})
		l.errs.addErr(&diag.Error{Pos: pos, Text: text, Msg: fmt.Sprintf(format, args...)})
	}
	if m.Number < 1 {
		at("number", "number %d: expected a positive integer", m.Number)
	} else if base := path.Base(name); !fileNumber(base, m.Number) {
		// A file named like another measure would be looked for, and
		// blamed, under that number.
		stem := strings.TrimSuffix(base, ".md")
		if strings.Trim(stem, "0123456789") == "" && stem != "" {
			at("number", "file %s holds number %d: expected %s, or rename the file to %s", base, m.Number, strings.TrimLeft(stem, "0"), path.Base(MeasureFile(m.Number)))
		} else {
			at("number", "file name %s: expected the measure's number, as in %s", base, path.Base(MeasureFile(m.Number)))
		}
	}
	if strings.TrimSpace(m.Title) == "" {
		at("title", "title is empty")
	}
	if strings.TrimSpace(m.Scope) == "" {
		at("scope", "scope is empty")
	}
	if m.Category = categories[category]; m.Category == nil {
		at("category", "unknown category %q: expected one of %s (the slugs in %s)",
			category, strings.Join(slices.Sorted(maps.Keys(categories)), ", "), SiteFile)
	}
	if len(leadUnits) == 0 {
		at("lead_units", "lead_units is empty: expected at least one unit")
	}
	for _, unit := range leadUnits {
		u := units[unit]
		switch {
		case u == nil:
			at("lead_units", "unknown lead unit %q: add it to [[units]] in %s, or use one of the names there", unit, SiteFile)
		case slices.Contains(m.Units, u):
			at("lead_units", "lead unit %q is listed twice", unit)
		default:
			m.Units = append(m.Units, u)
		}
	}
	if len(l.errs.list) > n {
		return nil, diag.Pos{}
	}
	pos, _ := keyPos(name, doc.front, doc.frontLine, toml.Key{"number"})
	return m, pos
}

// fileNumber reports whether base, a measure's file name, is its number n
// with ".md": 05.md, or 5.md, or 0005.md (in a site of thousands).
func fileNumber(base string, n int) bool {
	stem := strings.TrimSuffix(base, ".md")
	if stem == "" || strings.Trim(stem, "0123456789") != "" {
		return false
	}
	v, err := strconv.Atoi(stem)
	return err == nil && v == n
}

// MeasureFile is the conventional file name of measure n.
func MeasureFile(n int) string { return path.Join(MeasuresDir, fmt.Sprintf("%02d.md", n)) }
