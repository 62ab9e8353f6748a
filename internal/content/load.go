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
	"github.com/gzgov/nansha-microsite/internal/l10n"
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
	firstLine int  // line of data's first byte in file
	front     bool // the front matter of a Markdown file, not a TOML file
}

// decodeFields decodes TOML key by key, so that a value of the wrong type is
// reported at its own line with what was expected (TOML's own message for it
// has no column and, in front matter, the wrong line). It reports missing and
// unknown keys too, nested ones included, and returns the keys of the
// fields it could not decode (missing, or of the wrong type), or all of
// them when the TOML does not parse: an unknown key (a typo) leaves the
// schema's values whole, and a field that decoded can be checked in the
// same pass, whatever happened to the others.
func (l *loader) decodeFields(w where, fields []field) (failed map[string]bool) {
	var prims map[string]toml.Primitive
	md := l.decode(w.file, w.data, w.firstLine, &prims)
	if md == nil {
		failed = map[string]bool{}
		for _, f := range fields {
			failed[f.key] = true
		}
		return failed
	}
	fail := func(key string) {
		if failed == nil {
			failed = map[string]bool{}
		}
		failed[key] = true
	}
	at := func(key toml.Key, msg string) {
		pos, text := keyPos(w.file, w.data, w.firstLine, key)
		l.errs.addErr(&diag.Error{Pos: pos, Text: text, Msg: msg})
	}
	for _, f := range fields {
		prim, found := prims[f.key]
		switch {
		case !found && f.optional:
		case !found:
			msg := l10n.Sprintf("missing key %q (expected %s)", f.key, f.want)
			if w.front {
				msg = l10n.Sprintf("missing key %q in the front matter (expected %s)", f.key, f.want)
			}
			l.errs.add(diag.Pos{File: w.file, Line: max(w.firstLine-1, 1)}, msg)
			fail(f.key)
		default:
			if err := md.PrimitiveDecode(prim, f.dst); err != nil {
				at(toml.Key{f.key}, l10n.Sprintf("%s: expected %s, got %s", f.key, f.want, article(md.Type(f.key))))
				fail(f.key)
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
			at(toml.Key{key}, l10n.Sprintf("unknown key %q: expected one of %s", key, fieldNames(fields)))
		}
	}
	for _, key := range md.Undecoded() {
		if len(key) > 1 && known[key[0]] {
			at(key, l10n.Sprintf("unknown key %q", key.String()))
		}
	}
	return failed
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
	switch tomlType {
	case "":
		return l10n.Sprintf("nothing")
	case "String":
		return l10n.Sprintf("a string")
	case "Integer":
		return l10n.Sprintf("an integer")
	case "Float":
		return l10n.Sprintf("a float")
	case "Bool":
		return l10n.Sprintf("a boolean")
	case "Datetime":
		return l10n.Sprintf("a date and time")
	case "Array":
		return l10n.Sprintf("an array")
	case "Hash", "ArrayHash":
		return l10n.Sprintf("a table")
	}
	return strings.ToLower(tomlType)
}

// slugPattern is what a category or unit slug may be: it becomes a file name.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// An Option changes what Load makes of the sources.
type Option func(*loader)

// WithBaseURL makes u the site's base URL instead of site.toml's base_url,
// as build --base-url does. u must have passed BaseURL; Load holds it to
// every check that depends on the base URL (the length of the pages'
// addresses), at the position from: where it was given ("--base-url",
// "MICROSITE_BASE_URL").
func WithBaseURL(u, from string) Option {
	return func(l *loader) { l.baseURLOverride, l.baseURLFrom = u, from }
}

// Load reads and validates the sources in fsys. On failure the error is a
// diag.List holding every problem found.
func Load(fsys fs.FS, opts ...Option) (*site.Site, error) {
	l := &loader{fsys: fsys}
	for _, o := range opts {
		o(l)
	}
	s := l.loadSite()
	if s != nil && l.baseURLOverride != "" {
		s.BaseURL = l.baseURLOverride
		l.baseURL.pos, l.baseURL.text = diag.Pos{File: l.baseURLFrom}, ""
	}
	// The notice and the measures are checked even when site.toml is
	// broken, so that one run lists every problem; only their categories
	// and units wait for site.toml.
	taxonomy := s != nil
	if s == nil {
		s = &site.Site{}
	}
	l.loadNotice(s)
	l.loadMeasures(s, taxonomy)
	if taxonomy {
		l.checkAddresses(s)
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
	// baseURL is where site.toml sets base_url, for a problem with it
	// found once the measures are loaded (checkAddresses).
	baseURL struct {
		pos  diag.Pos
		text string
	}
	baseURLOverride string // WithBaseURL's, or ""
	baseURLFrom     string // where it was given
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
				Msg:  l10n.Sprintf("TOML syntax error: %s", strings.TrimPrefix(pe.Message, "toml: ")),
				Text: text,
			})
		} else {
			l.errs.add(diag.Pos{File: file, Line: firstLine}, err.Error())
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
				Msg: l10n.Sprintf("%s: the value holds control character %U: not allowed in text (only tab and line breaks are)", key, r)})
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
	str := l10n.Sprintf("a string")
	if failed := l.decodeFields(where{file: SiteFile, data: src, firstLine: 1}, []field{
		{key: "title", dst: &f.Title, want: str},
		{key: "description", dst: &f.Description, want: str, optional: true},
		{key: "language", dst: &f.Language, want: l10n.Sprintf("a language tag such as \"zh-Hant\"")},
		{key: "base_url", dst: &f.BaseURL, want: l10n.Sprintf("a URL"), optional: true},
		{key: "publisher", dst: &f.Publisher, want: l10n.Sprintf("a table"), optional: true},
		{key: "column_type", dst: &f.ColumnType, want: str, optional: true},
		{key: "editions", dst: &f.Editions, want: l10n.Sprintf("[[editions]] tables with language, path, label and convert"), optional: true},
		{key: "categories", dst: &f.Categories, want: l10n.Sprintf("[[categories]] tables with slug, name and summary")},
		{key: "units", dst: &f.Units, want: l10n.Sprintf("[[units]] tables with slug and name")},
	}); len(failed) > 0 {
		return nil
	}
	s := &site.Site{
		Title:       f.Title,
		Description: f.Description,
		Language:    f.Language,
		Publisher:   f.Publisher,
	}
	at := func(key toml.Key, index int, msg string) {
		pos, text := keyPosIn(SiteFile, src, 1, key, index)
		l.errs.addErr(&diag.Error{Pos: pos, Text: text, Msg: msg})
	}
	if f.BaseURL != "" {
		if p := urlProblem(f.BaseURL, true); p != "" {
			at(toml.Key{"base_url"}, -1, l10n.Sprintf("base_url %q: %s: expected an absolute http(s) URL such as \"https://www.example.gov.cn/nansha/\", or \"\"", f.BaseURL, p))
		} else {
			s.BaseURL = folderURL(f.BaseURL)
			l.baseURL.pos, l.baseURL.text = keyPosIn(SiteFile, src, 1, toml.Key{"base_url"}, -1)
		}
	}
	l.checkPublisher(src, &s.Publisher)
	if t := strings.TrimSpace(f.ColumnType); strings.ContainsAny(t, "\r\n") {
		at(toml.Key{"column_type"}, -1, l10n.Sprintf("%s: a line break: expected the value on one line", "column_type"))
	} else {
		s.ColumnType = t
	}
	if p := languageProblem(f.Language); p != "" {
		at(toml.Key{"language"}, -1, l10n.Sprintf("language %q: %s: expected a BCP 47 language tag such as \"zh-Hant\"", f.Language, p))
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
			l.errs.add(pos, l10n.Sprintf("units: name %q is listed twice", u.Name))
		}
		names[u.Name] = true
		s.Units = append(s.Units, &site.Unit{Slug: u.Slug, Name: u.Name, Pos: pos})
	}
	return s
}

// maxAddress is the longest address a page of the site may have, in
// characters: sitemaps.org allows fewer than 2,048, and the QR code of a
// page (2,331 bytes at level M) holds that with room to spare.
const maxAddress = 2047

// checkAddresses checks that, with base_url, the address of every page —
// the sitemap's entries, each page's QR code — is at most maxAddress
// characters long (ASCII: base_url is checked to be).
func (l *loader) checkAddresses(s *site.Site) {
	if s.BaseURL == "" {
		return
	}
	longest := ""
	consider := func(p string) {
		if len(p) > len(longest) {
			longest = p
		}
	}
	for _, p := range site.Named {
		consider(p)
	}
	// A long list's last page is the longest of its pages (site.PagedPath).
	consider(site.PagedPath(site.TablePath, site.Pages(len(s.Measures))))
	for _, c := range s.Categories {
		consider(site.PagedPath(c.Path(), site.Pages(len(c.Measures))))
	}
	for _, u := range s.Units {
		consider(site.PagedPath(u.Path(), site.Pages(len(u.Measures))))
	}
	for _, m := range s.Measures {
		consider(m.Path())
	}
	prefix := ""
	for _, e := range s.Editions {
		if len(e.Prefix()) > len(prefix) {
			prefix = e.Prefix()
		}
	}
	if n := len(s.BaseURL) + len(prefix) + len(longest); n > maxAddress {
		l.errs.addErr(&diag.Error{Pos: l.baseURL.pos, Text: l.baseURL.text, Msg: l10n.Sprintf(
			"base_url is %d characters long: the address of %s%s would be %d, more than the %d that sitemaps allow and a page's QR code is made for: publish the site at a shorter address",
			len(s.BaseURL), prefix, longest, n, maxAddress)})
	}
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
			l.errs.add(pos, l10n.Sprintf("editions: the first edition is the source: expected language = %q, no path and no convert", language))
		case i > 0 && (e.Path == "" || !slugPattern.MatchString(e.Path)):
			l.errs.add(pos, l10n.Sprintf("editions: path %q: expected a folder name of lowercase ASCII letters, digits and hyphens, such as \"zh-hans\"", e.Path))
		case i > 0 && paths[e.Path]:
			l.errs.add(pos, l10n.Sprintf("editions: path %q is used twice", e.Path))
		case i > 0 && e.Convert == "":
			l.errs.add(pos, l10n.Sprintf("editions: missing key \"convert\" (an OpenCC conversion from the source, such as \"t2s\")"))
		case e.Language == "" || e.Label == "":
			l.errs.add(pos, l10n.Sprintf("editions: expected a language and a label"))
		case i > 0 && languageProblem(e.Language) != "":
			at, text := keyPosIn(SiteFile, src, 1, toml.Key{"editions", "language"}, i)
			l.errs.addErr(&diag.Error{Pos: at, Text: text, Msg: l10n.Sprintf("editions: language %q: %s: expected a BCP 47 language tag such as \"zh-Hans\"",
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
	return entryPosIn(SiteFile, src, 1, table, i)
}

func (l *loader) checkSlug(pos diag.Pos, table, slug string, seen map[string]bool) {
	switch {
	case slug == "":
		l.errs.add(pos, l10n.Sprintf("%s: missing key \"slug\"", table))
	case !slugPattern.MatchString(slug):
		l.errs.add(pos, l10n.Sprintf("%s: slug %q: expected lowercase ASCII letters, digits and single hyphens (it becomes a file name)", table, slug))
	case seen[slug]:
		l.errs.add(pos, l10n.Sprintf("%s: slug %q is used twice", table, slug))
	}
	seen[slug] = true
}

func (l *loader) checkNonEmpty(pos diag.Pos, table string, fields map[string]string) {
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		if strings.TrimSpace(fields[k]) == "" {
			l.errs.add(pos, l10n.Sprintf("%s: missing key %q", table, k))
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
	switch {
	case errors.Is(err, errUnclosed):
		l.errs.add(diag.Pos{File: name, Line: bytes.Count(src, []byte("\n")) + 1}, l10n.Sprintf(`front matter is not closed: expected a line "+++" after it`))
		return document{}, false
	case err != nil:
		l.errs.add(diag.Pos{File: name, Line: 1}, l10n.Sprintf(`expected front matter: the file must start with a line "+++"`))
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
		l.errs.add(diag.Pos{File: name, Line: doc.bodyLine}, l10n.Sprintf("empty body: expected the text after the closing +++ line"))
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
	str := l10n.Sprintf("a string")
	var extra noticeExtra
	w := where{NoticeFile, doc.front, doc.frontLine, true}
	l.decodeFields(w, append([]field{
		{"number", &n.Number, str, false},
		{"title", &n.Title, str, false},
		{"addressees", &n.Addressees, str, false},
		{"issuer", &n.Issuer, str, false},
		{"date", &n.Date, l10n.Sprintf("a date such as 2018-07-02"), false},
		{"attachment", &n.Attachment, str, false},
	}, noticeFields(&extra)...))
	// What did not decode is zero, and passes.
	l.checkNotice(w, &extra, n)
	n.Body = l.body(NoticeFile, doc)
}

// loadMeasures loads every measure file into s. Without a taxonomy (site.toml
// did not load) their categories and units are not checked, but all the
// rest is.
func (l *loader) loadMeasures(s *site.Site, taxonomy bool) {
	names, ok := l.measureFiles()
	if !ok {
		return
	}
	t := taxonomyOf(s, taxonomy)
	// Reading and decoding the files is most of a load: do it on every CPU,
	// each file with its own errors, merged below in file order.
	loaded := make([]loadedMeasure, len(names))
	parallel.For(len(names), func(i int) {
		fl := &loader{fsys: l.fsys}
		loaded[i] = fl.loadMeasure(names[i], t)
		loaded[i].errs = fl.errs.list
	})
	// The numbers are checked across files whatever else is wrong in them:
	// a duplicate number is a problem of its own, reported with a wrong
	// unit in the same file.
	byNumber := map[int]string{}
	drafts := map[int]diag.Pos{} // the drafts' numbers, and their draft keys
	lastPublished := 0
	complete := true             // every file has a number
	for i, name := range names { // sorted, as fs.ReadDir returns them
		lm := loaded[i]
		l.errs.list = append(l.errs.list, lm.errs...)
		if lm.number < 1 {
			complete = false
			continue
		}
		if other, dup := byNumber[lm.number]; dup {
			l.errs.add(lm.numberPos, l10n.Sprintf("number %d is already used by %s", lm.number, other))
			continue
		}
		byNumber[lm.number] = name
		if lm.draft {
			drafts[lm.number] = lm.draftPos
		} else {
			lastPublished = max(lastPublished, lm.number)
		}
		if lm.measure != nil {
			s.Measures = append(s.Measures, lm.measure)
		}
	}
	slices.SortFunc(s.Measures, func(a, b *site.Measure) int { return a.Number - b.Number })
	// A gap is only news when every file has its number: a file whose
	// number could not be read leaves one.
	if complete {
		for i, n := range slices.Sorted(maps.Keys(byNumber)) {
			if want := i + 1; n != want {
				l.errs.add(diag.Pos{File: MeasuresDir}, l10n.Sprintf("measure number %d is missing: numbers must run from 1 without gaps (next is %s)", want, byNumber[n]))
				break
			}
		}
	}
	l.checkLinks(texts(s, names, loaded, byNumber))
	// The notice's numbers are facts: a published site never renumbers,
	// and has no gap. So drafts come last: a draft before a published
	// measure would leave a gap where it is left out.
	for _, n := range slices.Sorted(maps.Keys(drafts)) {
		if n < lastPublished {
			l.errs.add(drafts[n], l10n.Sprintf("measure %d is a draft, but measure %d after it is published: drafts must be the last measures, so that the published numbers run from 1 without gaps; publish this one too (remove draft = true), or make the later ones drafts", n, lastPublished))
		}
	}
	for _, m := range s.Measures {
		if m.Category == nil { // no taxonomy
			continue
		}
		m.Category.Measures = append(m.Category.Measures, m)
		for _, u := range m.Units {
			u.Measures = append(u.Measures, m)
		}
	}
}

// texts are the texts of the sources: those links may lead to, by file
// (the notice's, when it loaded, and those of the measures whose numbers
// are known, one each), and every one whose links are to be checked, in
// file order (those, and the measures that could not be numbered: their
// links are a problem of their own).
func texts(s *site.Site, names []string, loaded []loadedMeasure, byNumber map[int]string) (targets map[string]*text, linking []*text) {
	targets = map[string]*text{}
	if s.Notice.Body.File != "" {
		targets[NoticeFile] = &text{src: &s.Notice.Body, page: site.HomePath}
		linking = append(linking, targets[NoticeFile])
	}
	for i, name := range names {
		lm := loaded[i]
		if lm.body == nil || lm.body.File == "" {
			continue // the file did not read
		}
		t := &text{src: lm.body, draft: lm.draft, shared: true}
		if lm.number > 0 && byNumber[lm.number] == name {
			t.page = (&site.Measure{Number: lm.number}).Path()
			targets[name] = t
		}
		linking = append(linking, t)
	}
	return targets, linking
}

// taxonomy is what a measure's category and units are looked up in; nil
// maps when site.toml did not load, and they cannot be checked.
type taxonomy struct {
	categories map[string]*site.Category // by slug
	units      map[string]*site.Unit     // by name
}

func taxonomyOf(s *site.Site, known bool) taxonomy {
	if !known {
		return taxonomy{}
	}
	t := taxonomy{categories: map[string]*site.Category{}, units: map[string]*site.Unit{}}
	for _, c := range s.Categories {
		t.categories[c.Slug] = c
	}
	for _, u := range s.Units {
		t.units[u.Name] = u
	}
	return t
}

// measureFiles lists the measure files, sorted: the .md files of
// MeasuresDir but editors' and systems' litter (see Ignored). It reports
// and returns false when there are none, or the folder cannot be read.
func (l *loader) measureFiles() ([]string, bool) {
	entries, err := fs.ReadDir(l.fsys, MeasuresDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		// Not "no measures": the editor is to fix the folder, not add files.
		l.errs.addErr(fileError(MeasuresDir, err, true))
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
			l.errs.add(diag.Pos{File: path.Join(MeasuresDir, e.Name())}, l10n.Sprintf("a folder, not a file: a measure is a Markdown file"))
			continue
		}
		names = append(names, path.Join(MeasuresDir, e.Name()))
	}
	if len(names) == 0 {
		l.errs.add(diag.Pos{File: MeasuresDir}, l10n.Sprintf("no measures: expected files named like %s/01.md", MeasuresDir))
		return nil, false
	}
	return names, true
}

// loadedMeasure is the outcome of loadMeasure: the measure, or nil when its
// file has errors; its number and the number's position, when the number
// could be read, for the checks across files (duplicates, gaps), which run
// whatever else is wrong; and the errors found in its file.
type loadedMeasure struct {
	measure   *site.Measure
	number    int // 0: not read
	numberPos diag.Pos
	draft     bool
	draftPos  diag.Pos     // its draft key, when it is a draft
	body      *site.Source // its text: the measure's, when it loaded
	errs      diag.List
}

// loadMeasure loads one measure file, checking every field that could be
// decoded, whatever happened to the others.
func (l *loader) loadMeasure(name string, t taxonomy) loadedMeasure {
	doc, ok := l.readDocument(name)
	if !ok {
		return loadedMeasure{}
	}
	var (
		m         = &site.Measure{}
		category  string
		leadUnits []string
	)
	str := l10n.Sprintf("a string")
	failed := l.decodeFields(where{name, doc.front, doc.frontLine, true}, []field{
		{"number", &m.Number, l10n.Sprintf("an integer"), false},
		{"title", &m.Title, str, false},
		{"category", &category, l10n.Sprintf("a category slug from %s", SiteFile), false},
		{"lead_units", &leadUnits, l10n.Sprintf("an array of unit names, such as [\"廣州海關\", \"黃埔海關\"]"), false},
		{"scope", &m.Scope, str, false},
		{"draft", &m.Draft, l10n.Sprintf("true or false"), true},
	})
	m.Body = l.body(name, doc)
	n := len(l.errs.list)
	at := func(key, msg string) {
		pos, text := keyPos(name, doc.front, doc.frontLine, toml.Key{key})
		l.errs.addErr(&diag.Error{Pos: pos, Text: text, Msg: msg})
	}
	out := loadedMeasure{body: &m.Body}
	switch {
	case failed["number"]:
	case m.Number < 1:
		at("number", l10n.Sprintf("number %d: expected a positive integer", m.Number))
	case !fileNumber(path.Base(name), m.Number):
		// A file named like another measure would be looked for, and
		// blamed, under that number. Which of the two is meant is for
		// the editor to say: the number is not counted meanwhile.
		base := path.Base(name)
		stem := strings.TrimSuffix(base, ".md")
		if strings.Trim(stem, "0123456789") == "" && stem != "" {
			at("number", l10n.Sprintf("file %s holds number %d: expected %s, or rename the file to %s", base, m.Number, strings.TrimLeft(stem, "0"), path.Base(MeasureFile(m.Number))))
		} else {
			at("number", l10n.Sprintf("file name %s: expected the measure's number, as in %s", base, path.Base(MeasureFile(m.Number))))
		}
	default:
		out.number = m.Number
		out.numberPos, _ = keyPos(name, doc.front, doc.frontLine, toml.Key{"number"})
		if out.draft = m.Draft; m.Draft {
			out.draftPos, _ = keyPos(name, doc.front, doc.frontLine, toml.Key{"draft"})
		}
	}
	if !m.Draft {
		l.placeholder(m.Body)
	}
	if !failed["title"] && strings.TrimSpace(m.Title) == "" {
		at("title", l10n.Sprintf("title is empty"))
	}
	if !failed["scope"] && strings.TrimSpace(m.Scope) == "" {
		at("scope", l10n.Sprintf("scope is empty"))
	}
	if !failed["category"] && t.categories != nil {
		if m.Category = t.categories[category]; m.Category == nil {
			at("category", l10n.Sprintf("unknown category %q: expected one of %s (the slugs in %s)",
				category, strings.Join(slices.Sorted(maps.Keys(t.categories)), ", "), SiteFile))
		}
	}
	if !failed["lead_units"] {
		if len(leadUnits) == 0 {
			at("lead_units", l10n.Sprintf("lead_units is empty: expected at least one unit"))
		}
		for _, unit := range leadUnits {
			if t.units == nil {
				break // site.toml's units are broken: reported there
			}
			u := t.units[unit]
			switch {
			case u == nil:
				at("lead_units", l10n.Sprintf("unknown lead unit %q: add it to [[units]] in %s, or use one of the names there", unit, SiteFile))
			case slices.Contains(m.Units, u):
				at("lead_units", l10n.Sprintf("lead unit %q is listed twice", unit))
			default:
				m.Units = append(m.Units, u)
			}
		}
	}
	if len(failed) == 0 && len(l.errs.list) == n && t.categories != nil {
		out.measure = m
	}
	return out
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

// Placeholder is the text "microsite new measure" gives a new measure, a
// draft, until its text is written: valid Markdown, so that the page can be
// previewed at once, and easy to find (grep TODO).
const Placeholder = "TODO:請在此處用 Markdown 寫下本項的實施內容。"

// placeholders are the texts that are no measure's text yet: Placeholder,
// and what earlier versions of "new measure" wrote in its place.
var placeholders = []string{Placeholder, "TODO: write the text of this measure here, in Markdown."}

// placeholder reports a published measure's text that still holds a
// line of placeholder text, at that line.
func (l *loader) placeholder(src site.Source) {
	line := src.Line
	for text := src.Text; len(text) > 0; line++ {
		l1, rest, _ := cutLine(text)
		t := strings.TrimSpace(string(l1))
		if slices.Contains(placeholders, t) {
			col := column(l1, bytes.Index(l1, []byte(t)))
			l.errs.addErr(&diag.Error{Pos: diag.Pos{File: src.File, Line: line, Col: col}, Text: string(trimCR(l1)),
				Msg: l10n.Sprintf(`the text is still the placeholder of "microsite new measure": write the measure's text here, or keep it a draft (draft = true) until it is written`)})
		}
		text = rest
	}
}
