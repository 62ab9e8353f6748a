package zhconv

import "github.com/gzgov/nansha-microsite/internal/site"

// Site returns a copy of s for edition e with every text a reader sees
// converted: titles, names, summaries, scopes, the notice's metadata, the
// UI strings. Slugs, numbers, dates and URLs stay as they are, so pages keep
// their paths; the Markdown bodies stay as sources, to be converted as they
// are rendered (markdown.Convert), where code and URLs can be told from
// text.
func (c *Converter) Site(s *site.Site, e *site.Edition) *site.Site {
	cs := c.String
	out := *s
	out.Title, out.Description, out.Language, out.ThisEdition = cs(s.Title), cs(s.Description), e.Language, e
	p := &out.Publisher
	p.Sponsor, p.Contact, p.SiteCode, p.ICP, p.PoliceReg = cs(p.Sponsor), cs(p.Contact), cs(p.SiteCode), cs(p.ICP), cs(p.PoliceReg)
	p.Organizer, out.ColumnType = cs(p.Organizer), cs(s.ColumnType)
	out.Strings = make(map[string]string, len(s.Strings))
	for k, v := range s.Strings {
		out.Strings[k] = cs(v)
	}
	n := &out.Notice
	n.Number, n.Title, n.Addressees, n.Issuer, n.Attachment = cs(n.Number), cs(n.Title), cs(n.Addressees), cs(n.Issuer), cs(n.Attachment)
	n.Topic, n.Validity = cs(n.Topic), cs(n.Validity)
	n.Interpretations, n.Related, n.Originals = c.links(n.Interpretations), c.links(n.Related), c.links(n.Originals)

	categories := map[*site.Category]*site.Category{}
	out.Categories = make([]*site.Category, len(s.Categories))
	for i, cat := range s.Categories {
		cc := &site.Category{Slug: cat.Slug, Name: cs(cat.Name), Summary: cs(cat.Summary), Pos: cat.Pos}
		out.Categories[i], categories[cat] = cc, cc
	}
	units := map[*site.Unit]*site.Unit{}
	out.Units = make([]*site.Unit, len(s.Units))
	for i, u := range s.Units {
		cu := &site.Unit{Slug: u.Slug, Name: cs(u.Name), Pos: u.Pos}
		out.Units[i], units[u] = cu, cu
	}
	out.Measures = make([]*site.Measure, len(s.Measures))
	for i, m := range s.Measures {
		cm := &site.Measure{Number: m.Number, Title: cs(m.Title), Scope: cs(m.Scope), Body: m.Body,
			Category: categories[m.Category], Draft: m.Draft}
		for _, u := range m.Units {
			cm.Units = append(cm.Units, units[u])
			units[u].Measures = append(units[u].Measures, cm)
		}
		cm.Category.Measures = append(cm.Category.Measures, cm)
		out.Measures[i] = cm
	}
	return &out
}

// links returns copies of ls with their titles converted.
func (c *Converter) links(ls []*site.Link) []*site.Link {
	if ls == nil {
		return nil
	}
	out := make([]*site.Link, len(ls))
	for i, l := range ls {
		cl := *l
		cl.Title = c.String(l.Title)
		out[i] = &cl
	}
	return out
}
