package scaffold

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/markdown"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// Measure is a measure to create.
type Measure struct {
	Number   *int     // nil: the next number
	Title    string   // 項目名稱
	Category string   // a category of site.toml, by slug or by name
	Units    []string // lead units (牽頭單位) of site.toml, by name or by slug
	Scope    string   // 推廣范圍; "": the scope most measures have
	Text     string   // 實施內容, Markdown; "": content.Placeholder, to replace
}

// front is a measure's front matter, in the order editors read it; its keys
// are content's (a test checks the written file loads).
type front struct {
	Number    int      `toml:"number"`
	Title     string   `toml:"title"`
	Category  string   `toml:"category"`
	LeadUnits []string `toml:"lead_units"`
	Scope     string   `toml:"scope"`
	Draft     bool     `toml:"draft"` // always true: a new measure is published when its editor says so
}

// NewMeasure creates the file of measure m in the source tree at dir and
// returns its path from dir (content/measures/32.md). It refuses a number
// already used or that would leave a gap, a file that exists, and a
// category or unit site.toml lacks. Sources that do not load are refused
// with their own error, the diag.List of every problem: they are to be
// fixed first.
func NewMeasure(dir string, m Measure) (string, error) {
	s, err := load(dir)
	if err != nil {
		return "", err
	}
	f, err := check(s, m)
	if err != nil {
		return "", err
	}
	text, err := checkText(m.Text)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	b.WriteString("+++\n")
	// The TOML encoder quotes and escapes: a title with quotes or
	// backslashes stays what the editor typed.
	if err := toml.NewEncoder(&b).Encode(f); err != nil {
		return "", err
	}
	b.WriteString("+++\n\n" + text + "\n")

	name := content.MeasureFile(f.Number)
	file := filepath.Join(dir, filepath.FromSlash(name))
	if err := create(file, b.Bytes()); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", l10n.Errorf("%s already exists: measure %d needs that name; rename or remove the file, or choose another number", name, f.Number)
		}
		return "", err
	}
	if _, err := load(dir); err != nil {
		os.Remove(file)
		return "", l10n.Errorf("%s would not load, so it was not kept:\n%w", name, err)
	}
	return name, nil
}

// load loads the sources at dir as the build does (through a content.Dir).
func load(dir string) (*site.Site, error) {
	src, err := content.OpenDir(dir)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	return content.Load(src)
}

// create writes a new file, failing with fs.ErrExist if one has its name.
func create(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}

// check validates m against the loaded site and returns the front matter
// to write.
func check(s *site.Site, m Measure) (front, error) {
	var f front
	next := len(s.Measures) + 1 // Load guarantees numbers 1…n without gaps
	n := next
	if m.Number != nil {
		n = *m.Number // 0 included: it is no more "the next one" than -1
	}
	switch {
	case n < 1:
		return f, l10n.Errorf("number %d: expected a positive number (the next one is %d)", n, next)
	case n < next:
		return f, l10n.Errorf("number %d is already used by %s (the next free number is %d)", n, s.Measures[n-1].Body.File, next)
	case n > next:
		return f, l10n.Errorf("number %d would leave a gap: numbers run from 1 without gaps, and the next one is %d", n, next)
	}
	f.Number, f.Draft = n, true

	var err error
	if f.Title, err = oneLine("title", m.Title); err != nil {
		return f, err
	}
	if err := noControl("category", m.Category); err != nil {
		return f, err
	}
	c, ok := findCategory(s, m.Category)
	if !ok {
		slugs := make([]string, len(s.Categories))
		for i, c := range s.Categories {
			slugs[i] = c.Slug
		}
		return f, l10n.Errorf("unknown category %q: expected one of %s (the slugs in %s)", m.Category, strings.Join(slugs, ", "), content.SiteFile)
	}
	f.Category = c.Slug
	if len(m.Units) == 0 {
		return f, l10n.Errorf("no lead unit: name at least one")
	}
	for _, name := range m.Units {
		if err := noControl("unit", name); err != nil {
			return f, err
		}
		u, ok := findUnit(s, name)
		switch {
		case !ok:
			return f, l10n.Errorf("unknown lead unit %q: use a name or slug from [[units]] in %s (%s), or add the unit there first", name, content.SiteFile, unitNames(s))
		case slices.Contains(f.LeadUnits, u.Name):
			return f, l10n.Errorf("lead unit %q is named twice", u.Name)
		}
		f.LeadUnits = append(f.LeadUnits, u.Name)
	}
	scope := m.Scope
	if strings.TrimSpace(scope) == "" {
		scope = commonScope(s)
	}
	if f.Scope, err = oneLine("scope", scope); err != nil {
		return f, err
	}
	return f, nil
}

// oneLine trims a value that must be a non-empty single line.
func oneLine(key, v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", l10n.Errorf("%s is empty", key)
	}
	if strings.ContainsAny(v, "\r\n") {
		return "", l10n.Errorf("%s %q: expected a single line of text", key, v)
	}
	return v, noControl(key, v)
}

// noControl refuses a value holding a control character: pasted from
// another program, it would be invisible in the file, and the sources
// refuse it (content.Text).
func noControl(key, v string) error {
	if i := strings.IndexFunc(v, unicode.IsControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(v[i:])
		return l10n.Errorf("%s %q: control character %U at character %d: not allowed in text", key, v, r, utf8.RuneCountInString(v[:i])+1)
	}
	return nil
}

// inspector outlines a new measure's text.
var inspector = markdown.New()

// checkText returns the text of a new measure: given, trimmed, or the
// placeholder. Its lines may end in CR LF; it may hold tabs and line
// breaks but no other control character, and no raw HTML, which the site
// never publishes: a text of raw HTML alone would show nothing at all.
func checkText(text string) (string, error) {
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	if text == "" {
		return content.Placeholder, nil
	}
	if i := strings.IndexFunc(text, func(r rune) bool { return unicode.IsControl(r) && r != '\t' && r != '\n' }); i >= 0 {
		r, _ := utf8.DecodeRuneInString(text[i:])
		line := strings.Count(text[:i], "\n") + 1
		col := utf8.RuneCountInString(text[strings.LastIndexByte(text[:i], '\n')+1:i]) + 1
		return "", l10n.Errorf("text: control character %U at line %d, character %d: not allowed in text (only tab and line breaks are)", r, line, col)
	}
	if raw := inspector.Inspect([]byte(text)).RawHTML; raw != "" {
		return "", l10n.Errorf("text: raw HTML (%s): the site publishes text, never HTML, so it would be left out: write the text in Markdown", raw)
	}
	return text, nil
}

// commonScope is the scope most measures have; of equally common ones, the
// one that came first.
func commonScope(s *site.Site) string {
	count := map[string]int{}
	best := ""
	for _, m := range s.Measures {
		if count[m.Scope]++; count[m.Scope] > count[best] {
			best = m.Scope
		}
	}
	return best
}

func findCategory(s *site.Site, key string) (*site.Category, bool) {
	for _, c := range s.Categories {
		if c.Slug == key || c.Name == key {
			return c, true
		}
	}
	return nil, false
}

func findUnit(s *site.Site, key string) (*site.Unit, bool) {
	key = strings.TrimSpace(key)
	for _, u := range s.Units {
		if u.Slug == key || u.Name == key {
			return u, true
		}
	}
	return nil, false
}

func unitNames(s *site.Site) string {
	names := make([]string, len(s.Units))
	for i, u := range s.Units {
		names[i] = u.Name
	}
	return strings.Join(names, "、")
}
