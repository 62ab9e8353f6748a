package build

import (
	"fmt"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// pages lists every HTML page of the site.
func pages(s *site.Site, texts map[*site.Source]converted, ui map[string]string) []*render.Page {
	notice := texts[&s.Notice.Body]
	ps := []*render.Page{
		{Kind: render.Home, Path: site.HomePath, Title: s.Notice.Title, Description: firstSentence(notice.text), Content: notice.html, Column: ui["nav_notice"]},
		{Kind: render.Table, Path: site.TablePath, Title: s.Notice.Attachment, Description: s.Notice.Attachment, Bodies: bodies(s, texts), Column: ui["nav_table"]},
		{Kind: render.Units, Path: site.UnitsPath, Title: ui["nav_units"], Description: s.Notice.Attachment, Column: ui["nav_units"]},
		{Kind: render.NotFound, Path: site.NotFoundPath, Title: ui["not_found_title"], Description: ui["not_found_text"]},
		{Kind: render.Search, Path: site.SearchPath, Title: ui["search_title"], Description: ui["search_intro"], Column: ui["search_title"]},
	}
	for i, m := range s.Measures {
		p := &render.Page{Kind: render.Measure, Path: m.Path(), Title: m.Title, Measure: m, Column: m.Category.Name,
			Description: firstSentence(texts[&m.Body].text), Content: texts[&m.Body].html}
		if i > 0 {
			p.Prev = s.Measures[i-1]
		}
		if i+1 < len(s.Measures) {
			p.Next = s.Measures[i+1]
		}
		ps = append(ps, p)
	}
	for _, c := range s.Categories {
		ps = append(ps, &render.Page{Kind: render.Category, Path: c.Path(), Title: c.Name, Description: c.Summary, Category: c, Column: c.Name})
	}
	for _, u := range s.Units {
		ps = append(ps, &render.Page{Kind: render.Unit, Path: u.Path(), Title: u.Name, Unit: u, Column: ui["nav_units"],
			Description: unitDescription(ui["unit_description"], u)})
	}
	for _, p := range ps {
		p.Site = s
	}
	return ps
}

func bodies(s *site.Site, texts map[*site.Source]converted) map[*site.Measure]template.HTML {
	b := make(map[*site.Measure]template.HTML, len(s.Measures))
	for _, m := range s.Measures {
		b[m] = texts[&m.Body].html
	}
	return b
}

// descriptionMax is the longest meta description, in characters: search
// engines show about 80 to 120 Chinese characters.
const descriptionMax = 120

// firstSentence returns text up to and including its first full stop, cut on
// a character boundary at descriptionMax characters.
func firstSentence(text string) string {
	text, _, _ = strings.Cut(text, "\n")
	if i := strings.IndexAny(text, "。!?!?"); i >= 0 {
		_, size := utf8.DecodeRuneInString(text[i:])
		text = text[:i+size]
	}
	return truncate(text, descriptionMax)
}

// truncate cuts text to at most max characters, the last being "…" when it
// cut. It cuts between characters (runes: a character outside the Basic
// Multilingual Plane, two UTF-16 units in a browser, is never split) and
// never before a combining mark or variation selector or after a zero-width
// joiner, which would change or break the character before the cut.
func truncate(text string, max int) string {
	if utf8.RuneCountInString(text) <= max {
		return text
	}
	runes := []rune(text)
	cut := max - 1
	for cut > 0 && (unicode.In(runes[cut], unicode.Mn, unicode.Me, unicode.Mc) || runes[cut-1] == '\u200d') {
		cut--
	}
	return string(runes[:cut]) + "…"
}

// unitDescription summarises a unit's page: its name, how many measures it
// leads and their titles (format from layouts/strings.toml).
func unitDescription(format string, u *site.Unit) string {
	titles := make([]string, len(u.Measures))
	for i, m := range u.Measures {
		titles[i] = m.Title
	}
	return truncate(fmt.Sprintf(format, u.Name, len(u.Measures), strings.Join(titles, "、")), descriptionMax)
}
