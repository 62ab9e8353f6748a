package content

import (
	"errors"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// What the city portal needs of the site beyond its content: the identity
// items of [publisher] in site.toml, and the facts and related links of the
// notice's front matter that gov.cn's policy pages show (README, "Metadata
// for the portal"). Each is optional; a value given is checked here, at its
// line, since it ends up in a link, an image or a meta tag of every page.

// FilesDir is the folder of the sources whose files the notice's links may
// name, to be published under site.FileDir with their names.
const FilesDir = "content/files"

// The front matter of the notice beyond its required keys.
type (
	// linkEntry is a [[interpretations]] or [[related]] entry: a title and
	// an address outside the site or a file of the sources.
	linkEntry struct {
		Title string `toml:"title"`
		URL   string `toml:"url"`
		File  string `toml:"file"`
	}
	noticeExtra struct {
		Published       tomlDate
		Index           string
		Topic           string
		Validity        string
		Interpretations []linkEntry
		Related         []linkEntry
		Originals       []string
	}
)

// tomlDate is a TOML date or date and time, as written: decoded into a
// time.Time, TOML's local dates and times lose what they were.
type tomlDate struct {
	site.Time
	timeOnly bool // a time of day without a date
}

// UnmarshalTOML takes the value as TOML's decoder gives it, its kind in the
// name of its location.
func (d *tomlDate) UnmarshalTOML(v any) error {
	t, ok := v.(time.Time)
	if !ok {
		return errors.New("not a date")
	}
	switch t.Location().String() {
	case "time-local":
		d.timeOnly = true
	case "date-local":
		d.Time = site.Time{Time: t}
	default: // a local date and time, or one with its offset
		d.Time = site.Time{Time: t, HasClock: true}
	}
	return nil
}

// noticeFields are the optional keys of the notice's front matter, decoded
// into x.
func noticeFields(x *noticeExtra) []field {
	str := l10n.Sprintf("a string")
	return []field{
		{"published", &x.Published, l10n.Sprintf("a date such as 2018-07-10, or a date and time such as 2018-07-10 16:30:00"), true},
		{"index", &x.Index, str, true},
		{"topic", &x.Topic, str, true},
		{"validity", &x.Validity, str, true},
		{"interpretations", &x.Interpretations, l10n.Sprintf("[[interpretations]] tables with title and url or file"), true},
		{"related", &x.Related, l10n.Sprintf("[[related]] tables with title and url or file"), true},
		{"originals", &x.Originals, l10n.Sprintf(`an array of files, such as ["content/files/161.pdf"]`), true},
	}
}

// indexPattern is the shape of a 索引號: the publishing body's code, the
// year and a serial number (gov.cn's 000014349/2017-00110).
var indexPattern = regexp.MustCompile(`^[0-9A-Za-z]+(-[0-9A-Za-z]+)*/[0-9]{4}-[0-9]+$`)

// validities are the values of 有效性 on gov.cn's policy pages, in both
// scripts where they differ.
var validities = []string{"有效", "失效", "廢止", "废止"}

// checkNotice checks the optional facts and links of the notice's front
// matter, decoded into x, and sets them on n.
func (l *loader) checkNotice(w where, x *noticeExtra, n *site.Notice) {
	at := func(key toml.Key, index int, msg string) {
		pos, text := keyPosIn(w.file, w.data, w.firstLine, key, index)
		l.errs.addErr(&diag.Error{Pos: pos, Text: text, Msg: msg})
	}
	if x.Published.timeOnly {
		at(toml.Key{"published"}, -1, l10n.Sprintf("published: a time without a date: expected a date such as 2018-07-10, or a date and time such as 2018-07-10 16:30:00"))
	}
	n.Published = x.Published.Time
	one := func(key, value string) bool {
		if strings.ContainsAny(value, "\r\n") {
			at(toml.Key{key}, -1, l10n.Sprintf("%s: a line break: expected the value on one line", key))
			return false
		}
		return true
	}
	if v := strings.TrimSpace(x.Index); v != "" && one("index", v) {
		if !indexPattern.MatchString(v) {
			at(toml.Key{"index"}, -1, l10n.Sprintf("index %q: expected a 索引號 as the portal gives it: the body's code, \"/\", the year, \"-\" and a number, such as \"000014349/2017-00110\"", v))
		} else {
			n.Index = v
		}
	}
	if v := strings.TrimSpace(x.Topic); v != "" && one("topic", v) {
		n.Topic = v
	}
	if v := strings.TrimSpace(x.Validity); v != "" && one("validity", v) {
		if !slices.Contains(validities, v) {
			at(toml.Key{"validity"}, -1, l10n.Sprintf("validity %q: expected one of %s", v, strings.Join(validities, ", ")))
		} else {
			n.Validity = v
		}
	}
	n.Interpretations = l.links(w, "interpretations", x.Interpretations)
	n.Related = l.links(w, "related", x.Related)
	for _, f := range x.Originals {
		pos, text := keyPosIn(w.file, w.data, w.firstLine, toml.Key{"originals"}, -1)
		size, p := l.fileRef(f, documentFile)
		if p != "" {
			l.errs.addErr(&diag.Error{Pos: pos, Text: text, Msg: l10n.Sprintf("originals: %q: %s", f, p)})
			continue
		}
		n.Originals = append(n.Originals, &site.Link{Title: n.Number, File: f, Size: size, Pos: pos})
	}
}

// links checks the entries of the array of tables key and returns them as
// links.
func (l *loader) links(w where, key string, entries []linkEntry) []*site.Link {
	var out []*site.Link
	for i, e := range entries {
		pos := entryPosIn(w.file, w.data, w.firstLine, key, i)
		at := func(k string, msg string) {
			pos, text := keyPosIn(w.file, w.data, w.firstLine, toml.Key{key, k}, i)
			l.errs.addErr(&diag.Error{Pos: pos, Text: text, Msg: key + ": " + msg})
		}
		link := &site.Link{Title: strings.TrimSpace(e.Title), URL: e.URL, File: e.File, Pos: pos}
		ok := true
		if link.Title == "" {
			l.errs.add(pos, l10n.Sprintf("%s: missing key \"title\": the words the link shows", key))
			ok = false
		} else if strings.ContainsAny(link.Title, "\r\n") {
			at("title", l10n.Sprintf("a line break in the title: expected it on one line"))
			ok = false
		}
		switch {
		case e.URL == "" && e.File == "":
			l.errs.add(pos, l10n.Sprintf("%s: expected url (an address outside the site) or file (a file of the site, under %s/ or assets/)", key, FilesDir))
			ok = false
		case e.URL != "" && e.File != "":
			at("file", l10n.Sprintf("both url and file: expected one of them"))
			ok = false
		case e.URL != "":
			if p := urlProblem(e.URL, false); p != "" {
				at("url", l10n.Sprintf("url %q: %s: expected an absolute http(s) URL such as \"https://www.gz.gov.cn/…\"", e.URL, p))
				ok = false
			}
		default:
			size, p := l.fileRef(e.File, documentFile)
			if p != "" {
				at("file", l10n.Sprintf("file %q: %s", e.File, p))
				ok = false
			}
			link.Size = size
		}
		if ok {
			out = append(out, link)
		}
	}
	return out
}

// entryPosIn is the position of the i-th [[table]] header in data, which
// starts at line firstLine of file.
func entryPosIn(file string, data []byte, firstLine int, table string, i int) diag.Pos {
	n := 0
	for j, line := range strings.Split(string(data), "\n") {
		if header(line) == "[["+table+"]]" {
			if n == i {
				return diag.Pos{File: file, Line: firstLine + j}
			}
			n++
		}
	}
	return diag.Pos{File: file, Line: firstLine}
}

// A fileKind says which files of the sources a setting may name.
type fileKind struct {
	dirs []string          // the folders they are in
	want func() string     // what they are, for messages, in the language chosen when they are shown
	ok   func(string) bool // whether a name is one, by its extension
}

var (
	// documentFile is a document a link of the notice may name: published
	// with the site, from FilesDir or as an asset.
	documentFile = fileKind{
		dirs: []string{FilesDir, site.AssetDir},
		want: func() string { return l10n.Sprintf("a document (%s)", strings.Join(site.DocumentExts(), ", ")) },
		ok:   func(name string) bool { return site.DocumentFormat(name) != "" },
	}
	// imageFile is an image of assets/, published as an asset.
	imageFile = fileKind{
		dirs: []string{site.AssetDir},
		want: func() string { return l10n.Sprintf("an image (.png, .jpg, .gif, .svg, .webp)") },
		ok: func(name string) bool {
			return slices.Contains([]string{".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}, strings.ToLower(path.Ext(name)))
		},
	}
)

// fileName is what each part of the path of a published file may be: it
// becomes part of an address the portal links to.
var fileName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// fileRef checks ref, a file of the sources that a setting names to be
// published with the site, and returns its size, or says what is wrong.
func (l *loader) fileRef(ref string, kind fileKind) (int64, string) {
	folders := strings.Join(kind.dirs, "/ or ") + "/"
	switch {
	case strings.Contains(ref, `\`):
		return 0, l10n.Sprintf(`expected "/" between folders, not "\"`)
	case path.IsAbs(ref) || path.Clean(ref) != ref || ref == "." || strings.HasPrefix(ref, "../"):
		return 0, l10n.Sprintf("expected a file of the site's folder, by its path from there, such as %s/name%s", kind.dirs[0], exampleExt(kind))
	case !slices.ContainsFunc(kind.dirs, func(d string) bool { return strings.HasPrefix(ref, d+"/") }):
		return 0, l10n.Sprintf("not under %s: expected %s there, named by its path from the site's folder", folders, kind.want())
	case !kind.ok(ref):
		return 0, l10n.Sprintf("expected %s", kind.want())
	}
	for _, part := range strings.Split(ref, "/") {
		if Ignored(part) {
			return 0, l10n.Sprintf("%q is a name the build ignores as editors' litter: rename the file", part)
		}
		if !fileName.MatchString(part) {
			return 0, l10n.Sprintf("%q: the name becomes part of the file's address: use ASCII letters, digits, \"-\", \"_\" and \".\"", part)
		}
	}
	fi, err := fs.Stat(l.fsys, ref)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return 0, l10n.Sprintf("no such file: put it under %s", folders)
	case err != nil:
		return 0, FileError(ref, err).Msg
	case fi.IsDir():
		return 0, l10n.Sprintf("a folder, not a file")
	case !fi.Mode().IsRegular():
		return 0, l10n.Sprintf("not a regular file")
	}
	return fi.Size(), ""
}

func exampleExt(kind fileKind) string {
	if kind.dirs[0] == FilesDir {
		return ".pdf"
	}
	return ".png"
}

// siteCodePattern is the shape of a 網站標識碼: ten letters and digits
// (4401000001, bm07000001).
var siteCodePattern = regexp.MustCompile(`^[A-Za-z0-9]{10}$`)

// checkPublisher checks the [publisher] settings of site.toml, src.
func (l *loader) checkPublisher(src []byte, p *site.Publisher) {
	at := func(key string, msg string) {
		pos, text := keyPosIn(SiteFile, src, 1, toml.Key{"publisher", key}, -1)
		l.errs.addErr(&diag.Error{Pos: pos, Text: text, Msg: "publisher: " + msg})
	}
	for _, u := range []struct{ key, value, example string }{
		{"icp_url", p.ICPURL, site.MIITFilingURL},
		{"conac_url", p.ConacURL, "https://bszs.conac.cn/sitename?method=show&id=…"},
		{"contact_url", p.ContactURL, "https://www.gz.gov.cn/…"},
		{"statement_url", p.StatementURL, "https://www.gz.gov.cn/…"},
	} {
		if u.value == "" {
			continue
		}
		if pr := urlProblem(u.value, false); pr != "" {
			at(u.key, l10n.Sprintf("%s %q: %s: expected an absolute http(s) URL such as %q, or \"\"", u.key, u.value, pr, u.example))
		}
	}
	if c := p.SiteCode; c != "" && !siteCodePattern.MatchString(c) {
		at("site_code", l10n.Sprintf("site_code %q: expected the ten letters and digits of the 網站標識碼 as issued, such as \"4401000001\"", c))
	}
	if r := p.PoliceReg; r != "" && site.PoliceDigits(r) == "" {
		at("police_reg", l10n.Sprintf("police_reg %q: no record number: expected the number as issued, such as \"粵公網安備 44010402000001號\", whose digits make its link", r))
	}
	switch {
	case p.ConacMark != "" && p.ConacURL == "":
		at("conac_mark", l10n.Sprintf("conac_mark without conac_url: the mark links to the site's certificate page; set both, or neither"))
	case p.ConacMark == "" && p.ConacURL != "":
		at("conac_url", l10n.Sprintf("conac_url without conac_mark: set the mark's image too, or neither"))
	case p.ConacMark != "":
		if _, pr := l.fileRef(p.ConacMark, imageFile); pr != "" {
			at("conac_mark", l10n.Sprintf("conac_mark %q: %s", p.ConacMark, pr))
		}
	}
}
