package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/gzgov/nansha-microsite/internal/site"
)

// Paths of the sources inside the fs.FS given to Load.
const (
	SiteFile    = "site.toml"
	NoticeFile  = "content/notice.md"
	MeasuresDir = "content/measures"
)

// The files' schemas. Every key is required unless its comment says otherwise.
type (
	siteFile struct {
		Title       string          `toml:"title"`
		Description string          `toml:"description"` // optional
		Language    string          `toml:"language"`
		BaseURL     string          `toml:"base_url"`  // optional
		Publisher   site.Publisher  `toml:"publisher"` // optional, each key optional
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
	noticeFront struct {
		Number     string    `toml:"number"`
		Title      string    `toml:"title"`
		Addressees string    `toml:"addressees"`
		Issuer     string    `toml:"issuer"`
		Date       time.Time `toml:"date"`
		Attachment string    `toml:"attachment"`
	}
	measureFront struct {
		Number    int      `toml:"number"`
		Title     string   `toml:"title"`
		Category  string   `toml:"category"`
		LeadUnits []string `toml:"lead_units"`
		Scope     string   `toml:"scope"`
	}
)

// slugPattern is what a category or unit slug may be: it becomes a file name.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Load reads and validates the sources in fsys. On failure the error is an
// ErrorList holding every problem found.
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

type loader struct {
	fsys fs.FS
	errs errs
}

// readFile reads name and checks it is UTF-8; it reports and returns nil on
// failure.
func (l *loader) readFile(name string) []byte {
	src, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			l.errs.add(site.Pos{File: name}, "file not found")
		} else {
			l.errs.add(site.Pos{File: name}, "%v", err)
		}
		return nil
	}
	if !utf8.Valid(src) {
		l.errs.addErr(invalidUTF8(name, src))
		return nil
	}
	return src
}

func invalidUTF8(name string, src []byte) *Error {
	line, col := 1, 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size == 1 {
			return &Error{
				Pos: site.Pos{File: name, Line: line, Col: col},
				Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x): save the file as UTF-8", src[0]),
			}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col += size
		}
		src = src[size:]
	}
	panic("unreachable: invalidUTF8 called on valid UTF-8")
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
			l.errs.addErr(&Error{
				Pos:  site.Pos{File: file, Line: line, Col: pe.Position.Col},
				Msg:  strings.TrimPrefix(pe.Message, "toml: "),
				Text: lineOf(data, pe.Position.Line),
			})
		} else {
			l.errs.add(site.Pos{File: file, Line: firstLine}, "%v", err)
		}
		return nil
	}
	for _, key := range md.Undecoded() {
		pos, text := keyPos(file, data, firstLine, key)
		l.errs.addErr(&Error{Pos: pos, Msg: fmt.Sprintf("unknown key %q", key.String()), Text: text})
	}
	return &md
}

// keyPos finds the line that defines key, for messages about a key whose
// value is wrong. TOML's decoder keeps key positions private, so this looks
// for "name =" (or a [table] header) on a line of its own.
func keyPos(file string, data []byte, firstLine int, key toml.Key) (site.Pos, string) {
	last := key[len(key)-1]
	for i, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		rest, ok := strings.CutPrefix(trimmed, last)
		if ok && strings.HasPrefix(strings.TrimSpace(rest), "=") ||
			trimmed == "["+key.String()+"]" || trimmed == "[["+key.String()+"]]" {
			col := strings.Index(line, last) + 1
			return site.Pos{File: file, Line: firstLine + i, Col: col}, strings.TrimRight(line, "\r")
		}
	}
	return site.Pos{File: file, Line: firstLine}, ""
}

// lineOf returns line n (1-based) of data, or "".
func lineOf(data []byte, n int) string {
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimRight(lines[n-1], "\r")
}

// required reports each listed key that md does not define.
func (l *loader) required(pos site.Pos, md *toml.MetaData, keys ...string) {
	for _, k := range keys {
		if !md.IsDefined(strings.Split(k, ".")...) {
			l.errs.add(pos, "missing key %q", k)
		}
	}
}

func (l *loader) loadSite() *site.Site {
	src := l.readFile(SiteFile)
	if src == nil {
		return nil
	}
	var f siteFile
	md := l.decode(SiteFile, src, 1, &f)
	if md == nil {
		return nil
	}
	top := site.Pos{File: SiteFile, Line: 1}
	l.required(top, md, "title", "language", "categories", "units")
	s := &site.Site{
		Title:       f.Title,
		Description: f.Description,
		Language:    f.Language,
		Publisher:   f.Publisher,
	}
	if f.BaseURL != "" {
		u, err := url.Parse(f.BaseURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			pos, text := keyPos(SiteFile, src, 1, toml.Key{"base_url"})
			l.errs.addErr(&Error{Pos: pos, Text: text,
				Msg: fmt.Sprintf("base_url %q: expected an absolute http(s) URL such as \"https://www.example.gov.cn/nansha/\", or \"\"", f.BaseURL)})
		} else {
			s.BaseURL = strings.TrimSuffix(f.BaseURL, "/") + "/"
		}
	}
	seen := map[string]bool{}
	for i, c := range f.Categories {
		pos := l.entryPos(src, "categories", i)
		l.checkSlug(pos, "categories", c.Slug, seen)
		l.checkNonEmpty(pos, "categories", map[string]string{"name": c.Name, "summary": c.Summary})
		s.Categories = append(s.Categories, &site.Category{Slug: c.Slug, Name: c.Name, Summary: c.Summary})
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
		s.Units = append(s.Units, &site.Unit{Slug: u.Slug, Name: u.Name})
	}
	return s
}

// entryPos is the position of the i-th [[table]] header in site.toml.
func (l *loader) entryPos(src []byte, table string, i int) site.Pos {
	n := 0
	for j, line := range strings.Split(string(src), "\n") {
		if strings.TrimSpace(line) == "[["+table+"]]" {
			if n == i {
				return site.Pos{File: SiteFile, Line: j + 1}
			}
			n++
		}
	}
	return site.Pos{File: SiteFile, Line: 1}
}

func (l *loader) checkSlug(pos site.Pos, table, slug string, seen map[string]bool) {
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

func (l *loader) checkNonEmpty(pos site.Pos, table string, fields map[string]string) {
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
		l.errs.add(site.Pos{File: name, Line: line}, "%v", err)
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
		l.errs.add(site.Pos{File: name, Line: doc.bodyLine}, "empty body: expected the text after the closing +++ line")
	}
	return site.Source{File: name, Line: line, Text: text}
}

func (l *loader) loadNotice(s *site.Site) {
	doc, ok := l.readDocument(NoticeFile)
	if !ok {
		return
	}
	var f noticeFront
	md := l.decode(NoticeFile, doc.front, doc.frontLine, &f)
	body := l.body(NoticeFile, doc)
	if md == nil {
		return
	}
	l.required(site.Pos{File: NoticeFile, Line: 1}, md, "number", "title", "addressees", "issuer", "date", "attachment")
	s.Notice = site.Notice{
		Number: f.Number, Title: f.Title, Addressees: f.Addressees,
		Issuer: f.Issuer, Date: f.Date, Attachment: f.Attachment, Body: body,
	}
}

func (l *loader) loadMeasures(s *site.Site) {
	names, err := fs.Glob(l.fsys, MeasuresDir+"/*.md")
	if err != nil || len(names) == 0 {
		l.errs.add(site.Pos{File: MeasuresDir}, "no measures: expected files named like %s/01.md", MeasuresDir)
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
	parallel(len(names), func(i int) {
		fl := &loader{fsys: l.fsys}
		loaded[i] = loadedMeasure{fl.loadMeasure(names[i], categories, units), fl.errs.list}
	})
	byNumber := map[int]string{}
	for i, name := range names { // fs.Glob returns names sorted
		l.errs.list = append(l.errs.list, loaded[i].errs...)
		m := loaded[i].measure
		if m == nil {
			continue
		}
		if other, dup := byNumber[m.Number]; dup {
			l.errs.add(site.Pos{File: name, Line: 2}, "number %d is already used by %s", m.Number, other)
			continue
		}
		byNumber[m.Number] = name
		s.Measures = append(s.Measures, m)
	}
	slices.SortFunc(s.Measures, func(a, b *site.Measure) int { return a.Number - b.Number })
	for i, m := range s.Measures {
		if want := i + 1; m.Number != want && (i == 0 || s.Measures[i-1].Number != want) {
			l.errs.add(site.Pos{File: MeasuresDir}, "measure number %d is missing: numbers must run from 1 without gaps (next is %s)", want, byNumber[m.Number])
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

// loadedMeasure is the outcome of loadMeasure: the measure or nil, and the
// errors found in its file.
type loadedMeasure struct {
	measure *site.Measure
	errs    ErrorList
}

func (l *loader) loadMeasure(name string, categories map[string]*site.Category, units map[string]*site.Unit) *site.Measure {
	doc, ok := l.readDocument(name)
	if !ok {
		return nil
	}
	var f measureFront
	md := l.decode(name, doc.front, doc.frontLine, &f)
	body := l.body(name, doc)
	if md == nil {
		return nil
	}
	n := len(l.errs.list)
	l.required(site.Pos{File: name, Line: 1}, md, "number", "title", "category", "lead_units", "scope")
	at := func(key string) (site.Pos, string) { return keyPos(name, doc.front, doc.frontLine, toml.Key{key}) }
	m := &site.Measure{Number: f.Number, Title: f.Title, Scope: f.Scope, Body: body}
	if md.IsDefined("number") && f.Number < 1 {
		pos, text := at("number")
		l.errs.addErr(&Error{Pos: pos, Text: text, Msg: fmt.Sprintf("number %d: expected a positive integer", f.Number)})
	}
	for key, v := range map[string]string{"title": f.Title, "scope": f.Scope} {
		if md.IsDefined(key) && strings.TrimSpace(v) == "" {
			pos, text := at(key)
			l.errs.addErr(&Error{Pos: pos, Text: text, Msg: fmt.Sprintf("%s is empty", key)})
		}
	}
	if md.IsDefined("category") {
		if m.Category = categories[f.Category]; m.Category == nil {
			pos, text := at("category")
			l.errs.addErr(&Error{Pos: pos, Text: text, Msg: fmt.Sprintf("unknown category %q: expected one of %s (the slugs in %s)",
				f.Category, strings.Join(slices.Sorted(maps.Keys(categories)), ", "), SiteFile)})
		}
	}
	if md.IsDefined("lead_units") && len(f.LeadUnits) == 0 {
		pos, text := at("lead_units")
		l.errs.addErr(&Error{Pos: pos, Text: text, Msg: "lead_units is empty: expected at least one unit"})
	}
	for _, unit := range f.LeadUnits {
		u := units[unit]
		if u == nil {
			pos, text := at("lead_units")
			l.errs.addErr(&Error{Pos: pos, Text: text, Msg: fmt.Sprintf("unknown lead unit %q: add it to [[units]] in %s, or use one of its names", unit, SiteFile)})
			continue
		}
		if slices.Contains(m.Units, u) {
			pos, text := at("lead_units")
			l.errs.addErr(&Error{Pos: pos, Text: text, Msg: fmt.Sprintf("lead unit %q is listed twice", unit)})
			continue
		}
		m.Units = append(m.Units, u)
	}
	if len(l.errs.list) > n {
		return nil
	}
	return m
}

// MeasureFile is the conventional file name of measure n.
func MeasureFile(n int) string { return path.Join(MeasuresDir, fmt.Sprintf("%02d.md", n)) }
