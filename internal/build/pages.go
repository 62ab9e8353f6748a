package build

import (
	"html/template"
	"strings"
	"unicode/utf8"

	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// Paths of the pages that are not per measure, category or unit.
const (
	HomePath     = "index.html"
	TablePath    = "measures.html"
	UnitsPath    = "units/index.html"
	NotFoundPath = "404.html"
)

// pages lists every HTML page of the site.
func pages(s *site.Site, texts map[*site.Source]converted, ui map[string]string) []*render.Page {
	notice := texts[&s.Notice.Body]
	ps := []*render.Page{
		{Kind: render.Home, Path: HomePath, Title: s.Notice.Title, Description: firstSentence(notice.text), Content: notice.html},
		{Kind: render.Table, Path: TablePath, Title: s.Notice.Attachment, Description: s.Notice.Attachment, Bodies: bodies(s, texts)},
		{Kind: render.Units, Path: UnitsPath, Title: ui["nav_units"], Description: s.Notice.Attachment},
		{Kind: render.NotFound, Path: NotFoundPath, Title: ui["not_found_title"]},
		{Kind: render.Search, Path: SearchPath, Title: ui["search_title"], Description: ui["search_intro"]},
	}
	for i, m := range s.Measures {
		p := &render.Page{Kind: render.Measure, Path: m.Path(), Title: m.Title, Measure: m,
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
		ps = append(ps, &render.Page{Kind: render.Category, Path: c.Path(), Title: c.Name, Description: c.Summary, Category: c})
	}
	for _, u := range s.Units {
		ps = append(ps, &render.Page{Kind: render.Unit, Path: u.Path(), Title: u.Name, Unit: u})
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
	if utf8.RuneCountInString(text) > descriptionMax {
		runes := []rune(text)
		text = string(runes[:descriptionMax-1]) + "…"
	}
	return text
}
