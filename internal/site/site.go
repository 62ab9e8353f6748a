// Package site holds the typed model of the microsite: the notice, its
// categories, its lead units and its measures, as loaded and validated by
// package content and consumed by everything downstream. It does no I/O.
//
// Invariants every Site satisfies once content.Load has returned it without
// error: measures are sorted by Number, and numbers run from 1 without gaps;
// every measure points at a Category and at least one Unit of the same
// Site; each Category and Unit lists its measures in number order; the
// drafts, if any, are the last measures, so that the published ones
// (Published) run from 1 without gaps too.
package site

import (
	"fmt"
	"slices"
	"time"

	"github.com/gzgov/nansha-microsite/internal/diag"
)

// Site is the whole microsite.
type Site struct {
	Title       string // the site's name, shown in the header and in <title>
	Description string // one sentence for search engines and share previews
	Language    string // BCP 47 tag of the source edition, e.g. "zh-Hant"
	BaseURL     string // absolute URL with a trailing slash, or "" for none
	Publisher   Publisher
	// ColumnType is the ColumnType meta tag of the pages in a column (the
	// portal's type of column for the notice: 政策文件), or "".
	ColumnType string

	// Editions are the site's editions in the order of its language switch;
	// the first is the source edition, at the site root, in the content's
	// own script. There is always at least one.
	Editions []*Edition
	// ThisEdition is the edition this value of Site shows, one of
	// Editions: Editions[0] as loaded, another in a converted copy
	// (zhconv.Converter.Site).
	ThisEdition *Edition

	// Strings are the words of the interface, layouts/strings.toml, by
	// key ({{t "key"}} in the layouts): in the edition's script, as the
	// rest of this value.
	Strings map[string]string

	Notice     Notice
	Categories []*Category
	Units      []*Unit
	Measures   []*Measure
}

// Publisher holds the items Chinese government sites carry in their footer.
// Every field is optional: an empty one is simply not shown. The toml tags
// are the keys of site.toml's [publisher] table.
type Publisher struct {
	Sponsor   string `toml:"sponsor"`    // 主辦單位
	Organizer string `toml:"organizer"`  // 承辦單位
	Contact   string `toml:"contact"`    // 聯繫方式
	SiteCode  string `toml:"site_code"`  // 網站標識碼
	ICP       string `toml:"icp"`        // ICP 備案號
	ICPURL    string `toml:"icp_url"`    // where the ICP number links to; "" for the MIIT's filing site
	PoliceReg string `toml:"police_reg"` // 公安機關備案號, linked to the public-security filing site
	// The 黨政機關網站 mark: an image file of the sources under assets/
	// ("assets/dzjg.png"), and the site's certificate page it links to.
	ConacMark string `toml:"conac_mark"`
	ConacURL  string `toml:"conac_url"`
	// The portal's 聯繫我們 and 網站聲明 pages.
	ContactURL   string `toml:"contact_url"`
	StatementURL string `toml:"statement_url"`
}

// Edition is one script edition of the site.
type Edition struct {
	Language string   `toml:"language"` // BCP 47 tag, e.g. "zh-Hans"
	Path     string   `toml:"path"`     // folder under the site root, e.g. "zh-hans"; "" for the root
	Label    string   `toml:"label"`    // its name on the language switch, in its own script: 简体
	Convert  string   `toml:"convert"`  // the OpenCC conversion from the source, e.g. "t2s"; "" for the source
	Pos      diag.Pos `toml:"-"`        // its [[editions]] entry in site.toml, for messages
}

// Notice is the document the site publishes.
type Notice struct {
	Number     string // 穗府函〔2018〕161號
	Title      string
	Addressees string
	Issuer     string
	Date       time.Time // 成文日期, the date it was signed
	Attachment string    // title of the attachment (the table of measures)
	Body       Source    // Markdown

	// The facts the portal files the notice under, as gov.cn's policy
	// pages show them; each optional (zero when not given), since only
	// the portal can give them.
	Published Time   // 發布日期
	Index     string // 索引號
	Topic     string // 主題分類
	Validity  string // 有效性

	// Related links, each optional: 政策解讀, 相關文件, and the document
	// as issued, to download (its PDF or Word file).
	Interpretations []*Link
	Related         []*Link
	Originals       []*Link
}

// Time is a date, with or without a time of day.
type Time struct {
	time.Time
	HasClock bool // the source gave a time of day, not just a date
}

// DateText is the notice's date as Chinese documents print it: 2018年7月2日.
func (n *Notice) DateText() string { return dateText(n.Date) }

func dateText(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
}

// ISODate is the notice's date as ISO 8601 (2018-07-02), for metadata.
func (n *Notice) ISODate() string { return n.Date.Format("2006-01-02") }

// PubTime is when the notice was published: its 發布日期 when given, else
// the date it was signed (a notice of the city government is published
// within days of it, and that date is the only one it carries).
func (n *Notice) PubTime() time.Time {
	if !n.Published.IsZero() {
		return n.Published.Time
	}
	return n.Date
}

// PublishedText is the notice's 發布日期 as Chinese documents print a date
// (2018年7月10日), or "".
func (n *Notice) PublishedText() string {
	if n.Published.IsZero() {
		return ""
	}
	return dateText(n.Published.Time)
}

// PublishedISO is the notice's 發布日期 as ISO 8601 (2018-07-10), or "".
func (n *Notice) PublishedISO() string {
	if n.Published.IsZero() {
		return ""
	}
	return n.Published.Format("2006-01-02")
}

// Category is one of the notice's areas (投資便利化 …).
type Category struct {
	Slug     string // ASCII, stable: part of the URL
	Name     string
	Summary  string
	Measures []*Measure
	Pos      diag.Pos // its [[categories]] entry in site.toml, for messages
}

// Unit is a lead unit (牽頭單位).
type Unit struct {
	Slug     string // ASCII, stable: part of the URL
	Name     string
	Measures []*Measure
	Pos      diag.Pos // its [[units]] entry in site.toml, for messages
}

// Measure is one row of the attachment table.
type Measure struct {
	Number   int
	Title    string
	Category *Category
	Units    []*Unit
	Scope    string
	Body     Source // 實施內容, Markdown
	// Draft: not yet to be published (draft = true in its front matter).
	// A published site has none (see Published); a preview shows them,
	// marked. Drafts come after every published measure.
	Draft bool
}

// Source is Markdown text with the place it came from, so that later stages
// can report problems at the right file and line.
type Source struct {
	File string // slash-separated path relative to the source root
	Line int    // 1-based line of Text's first byte in File
	Text []byte
	// Links are the links of Text to other sources ("03.md#…"), by their
	// destination as written: the path of the source's page from the
	// edition's root, with its #fragment. Every page that shows the text
	// links there, relative to itself.
	Links map[string]string
}

// emptyCopies returns a copy of each of list, emptied of its measures by
// empty, and the copy of each, for the measures to be listed anew.
func emptyCopies[T any](list []*T, empty func(*T)) ([]*T, map[*T]*T) {
	copies := make([]*T, len(list))
	of := make(map[*T]*T, len(list))
	for i, x := range list {
		c := *x
		empty(&c)
		copies[i], of[x] = &c, &c
	}
	return copies, of
}

// Published returns the site without its draft measures, as a build
// publishes it: a copy, whose categories and units list only the measures
// it has; s itself when it has no draft. s is left as it was.
func (s *Site) Published() *Site {
	if !slices.ContainsFunc(s.Measures, func(m *Measure) bool { return m.Draft }) {
		return s
	}
	out := *s
	var categories map[*Category]*Category
	var units map[*Unit]*Unit
	out.Categories, categories = emptyCopies(s.Categories, func(c *Category) { c.Measures = nil })
	out.Units, units = emptyCopies(s.Units, func(u *Unit) { u.Measures = nil })
	out.Measures = nil
	for _, m := range s.Measures {
		if m.Draft {
			continue
		}
		cm := *m
		cm.Category = categories[m.Category]
		cm.Category.Measures = append(cm.Category.Measures, &cm)
		cm.Units = make([]*Unit, len(m.Units))
		for i, u := range m.Units {
			cm.Units[i] = units[u]
			cm.Units[i].Measures = append(cm.Units[i].Measures, &cm)
		}
		out.Measures = append(out.Measures, &cm)
	}
	return &out
}
