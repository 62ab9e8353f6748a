package search

import (
	"bytes"
	"io"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// Global is the name of the one global search-index.js assigns.
const Global = "micrositeSearchIndex"

// Version is the index format's version. Raise it when a field changes
// meaning or goes away (adding a field is compatible), so that consumers
// such as the portal can tell.
const Version = 1

// Index is the search index: the schema of search.json, documented in
// README.md for other consumers.
type Index struct {
	Version  int     `json:"version"`
	Measures []Entry `json:"measures"` // in number order
	// Fold is the folding table the query side must apply (see Normalize),
	// restricted to the characters this corpus needs.
	Fold Pairs `json:"fold"`
}

// Entry is one measure.
type Entry struct {
	Number   int      `json:"number"`
	Title    string   `json:"title"`
	Category Category `json:"category"`
	Units    []string `json:"units"` // lead units' names, in the notice's order
	Scope    string   `json:"scope"`
	URL      string   `json:"url"`  // the measure's page, relative to the site root
	Text     string   `json:"text"` // plain text of 實施內容, one paragraph a line
}

// Category is a measure's category.
type Category struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

// Build makes the index of s; text returns a measure's plain text.
func Build(s *site.Site, text func(*site.Measure) string) (*Index, error) {
	dict, err := Dictionary()
	if err != nil {
		return nil, err
	}
	idx := &Index{Version: Version, Measures: make([]Entry, len(s.Measures))}
	var chars charSet
	for i, m := range s.Measures {
		e := Entry{
			Number:   m.Number,
			Title:    m.Title,
			Category: Category{Slug: m.Category.Slug, Name: m.Category.Name},
			Units:    make([]string, len(m.Units)),
			Scope:    m.Scope,
			URL:      m.Path(),
			Text:     text(m),
		}
		for j, u := range m.Units {
			e.Units[j] = u.Name
		}
		idx.Measures[i] = e
		for _, field := range e.Searched() {
			chars.add(field)
		}
	}
	idx.Fold = dict.Subset(chars.normalized(dict)).Pairs()
	return idx, nil
}

// charSet is a set of characters. Normalising each distinct character of a
// corpus, rather than the whole corpus, finds the same folded characters
// (NFKC composes no Han characters, and only Han characters fold) in a
// fraction of the time: a corpus of 10,000 measures has about 4 million
// characters but only a few thousand distinct ones.
type charSet struct {
	bmp   [0x10000]bool
	other map[rune]bool
	list  []rune
}

func (c *charSet) add(s string) {
	for _, r := range s {
		switch {
		case r < 0x10000:
			if c.bmp[r] {
				continue
			}
			c.bmp[r] = true
		default:
			if c.other[r] {
				continue
			}
			if c.other == nil {
				c.other = map[rune]bool{}
			}
			c.other[r] = true
		}
		c.list = append(c.list, r)
	}
}

// normalized returns the set's characters, each normalised with f.
func (c *charSet) normalized(f Fold) string {
	var b strings.Builder
	for _, r := range c.list {
		b.WriteString(f.Normalize(string(r)))
	}
	return b.String()
}

// Searched returns the fields a query is matched against: the title, the
// lead units and the category name, and the text, in the order of their
// rank (a match in an earlier field ranks higher).
func (e *Entry) Searched() []string {
	return []string{e.Title, strings.Join(e.Units, " "), e.Category.Name, e.Text}
}

// WriteJSON writes the index to w as compact JSON, the same bytes as
// encoding/json gives for it whole, one measure at a time: a large site's
// index runs to tens of megabytes, which would otherwise be held once
// encoded and again as written.
func (idx *Index) WriteJSON(w io.Writer) error {
	head := *idx
	head.Measures = []Entry{}
	frame, err := encodeJSON(head)
	if err != nil {
		return err
	}
	// The measures go inside the frame's empty list. Only a key can match:
	// a quote inside a string value is escaped.
	const list = `"measures":[`
	at := bytes.Index(frame, []byte(list))
	if at < 0 {
		return l10n.Errorf("search: the index's JSON has no %s", list)
	}
	at += len(list)
	if _, err := w.Write(frame[:at]); err != nil {
		return err
	}
	for i := range idx.Measures {
		data, err := encodeJSON(&idx.Measures[i])
		if err != nil {
			return err
		}
		if i > 0 {
			data = append([]byte{','}, data...)
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	_, err = w.Write(frame[at:])
	return err
}

// The index as a classic script is its JSON between ScriptPrefix and
// ScriptSuffix: it assigns the index to window[Global], for pages opened
// from file://, where fetch() is blocked. JSON is valid JavaScript
// (encoding/json escapes U+2028 and U+2029). The build writes the three
// parts one after the other rather than copy megabytes of index into a new
// slice.
const (
	ScriptPrefix = "window." + Global + "="
	ScriptSuffix = ";\n"
)
