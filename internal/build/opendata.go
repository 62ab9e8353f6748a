package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// dataJSON writes the edition's measures.json: every field of every
// measure, for anyone who wants to reuse the list rather than read it.
func dataJSON(in formatInput, w io.Writer) error {
	t, err := in.ed.texts()
	if err != nil {
		return err
	}
	return writeJSON(w, in.ed.site, t)
}

// dataCSV writes the edition's measures.csv, the same for spreadsheets.
func dataCSV(in formatInput, w io.Writer) error {
	t, err := in.ed.texts()
	if err != nil {
		return err
	}
	return writeCSV(w, in.ed.site, t)
}

// The schema of measures.json (README, "Open data").
type (
	dataFile struct {
		Notice     dataNotice     `json:"notice"`
		Categories []dataCategory `json:"categories"`
		Measures   []dataMeasure  `json:"measures"`
	}
	dataNotice struct {
		Number     string `json:"number"`
		Title      string `json:"title"`
		Addressees string `json:"addressees"`
		Issuer     string `json:"issuer"`
		Date       string `json:"date"` // ISO 8601
		Attachment string `json:"attachment"`
		Language   string `json:"language"` // BCP 47
		Page       string `json:"page"`
		URL        string `json:"url,omitempty"` // only with a base_url
	}
	dataCategory struct {
		Slug     string `json:"slug"`
		Name     string `json:"name"`
		Summary  string `json:"summary"`
		Measures []int  `json:"measures"`
	}
	dataRef struct {
		Slug string `json:"slug"`
		Name string `json:"name"`
	}
	dataMeasure struct {
		Number    int       `json:"number"`
		Title     string    `json:"title"`
		Category  dataRef   `json:"category"`
		LeadUnits []dataRef `json:"lead_units"`
		Scope     string    `json:"scope"`
		Content   string    `json:"content"` // plain text, paragraphs separated by "\n"
		Page      string    `json:"page"`
		URL       string    `json:"url,omitempty"`
	}
)

// writeJSON writes the file one measure at a time, as it is made: a large
// site's runs to tens of megabytes, which would otherwise be held whole.
func writeJSON(w io.Writer, s *site.Site, texts render.Texts) error {
	n := s.Notice
	f := dataFile{
		Notice: dataNotice{Number: n.Number, Title: n.Title, Addressees: n.Addressees, Issuer: n.Issuer,
			Date: n.ISODate(), Attachment: n.Attachment, Language: s.Language, Page: site.HomePath},
		Categories: []dataCategory{},
		Measures:   []dataMeasure{},
	}
	if s.BaseURL != "" {
		f.Notice.URL = s.BaseURL + s.ThisEdition.Prefix()
	}
	for _, c := range s.Categories {
		dc := dataCategory{Slug: c.Slug, Name: c.Name, Summary: c.Summary, Measures: []int{}}
		for _, m := range c.Measures {
			dc.Measures = append(dc.Measures, m.Number)
		}
		f.Categories = append(f.Categories, dc)
	}
	var b bytes.Buffer // one measure's JSON at a time
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // data, not HTML: keep "<" and "&" readable
	// The file is encoded with an empty list of measures, the last field,
	// which is then filled one measure at a time.
	if err := enc.Encode(f); err != nil {
		return err
	}
	frame := bytes.Clone(b.Bytes())
	tail := len(frame) - len("]}\n")
	if _, err := w.Write(frame[:tail]); err != nil {
		return err
	}
	for i, m := range s.Measures {
		dm := dataMeasure{Number: m.Number, Title: m.Title, Category: dataRef{m.Category.Slug, m.Category.Name},
			LeadUnits: []dataRef{}, Scope: m.Scope, Content: texts[&m.Body].Plain, Page: m.Path()}
		if s.BaseURL != "" {
			dm.URL = s.BaseURL + s.ThisEdition.Prefix() + m.Path()
		}
		for _, u := range m.Units {
			dm.LeadUnits = append(dm.LeadUnits, dataRef{u.Slug, u.Name})
		}
		b.Reset()
		if i > 0 {
			b.WriteByte(',')
		}
		if err := enc.Encode(dm); err != nil {
			return err
		}
		if _, err := w.Write(b.Bytes()[:b.Len()-1]); err != nil { // without Encode's newline
			return err
		}
	}
	_, err := w.Write(frame[tail:])
	return err
}

// bom makes spreadsheet programs (Excel above all) read the file as UTF-8;
// without it they guess the legacy code page and garble the Chinese.
const bom = "\ufeff"

// writeCSV writes one row per measure, RFC 4180 (CRLF line ends, fields
// quoted when they need it), with a header row in the site's language.
func writeCSV(out io.Writer, s *site.Site, texts render.Texts) error {
	ui := s.Strings
	if _, err := io.WriteString(out, bom); err != nil {
		return err
	}
	w := csv.NewWriter(out)
	w.UseCRLF = true
	w.Write([]string{textCell(ui["number"]), textCell(ui["category"]), textCell(ui["title"]),
		textCell(ui["content"]), textCell(ui["lead_units"]), textCell(ui["scope"])})
	for _, m := range s.Measures {
		units := make([]string, len(m.Units))
		for i, u := range m.Units {
			units[i] = u.Name
		}
		w.Write([]string{strconv.Itoa(m.Number), textCell(m.Category.Name), textCell(m.Title),
			textCell(texts[&m.Body].Plain), textCell(strings.Join(units, "、")), textCell(m.Scope)})
	}
	w.Flush()
	return w.Error()
}

// textCell returns a text for a cell of measures.csv that a spreadsheet
// shows as text: one that starts with =, +, -, @, a tab or a carriage
// return would be read as a formula (=HYPERLINK(…) sends the sheet's data
// away when clicked), so it gets a leading ', as OWASP's advice on CSV
// injection has it: the spreadsheet takes the cell as text. measures.json,
// read by programs, keeps every text as it is.
func textCell(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}
