// Package check reads a built site — the files, not the templates — and
// reports what would break for a reader: a link or reference that resolves to
// no file, to a bare directory, or to a #fragment its target lacks.
//
// It works on any fs.FS, so tests can feed it broken sites in memory.
package check

import (
	"fmt"
	"html"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/tdewolff/parse/v2"
	htmllex "github.com/tdewolff/parse/v2/html"
)

// Problem is one thing wrong with one page.
type Problem struct {
	Page  string // the page's path in the site
	Attr  string // the offending attribute, e.g. "href"
	Value string // its value
	Msg   string
}

func (p Problem) String() string {
	if p.Attr == "" {
		return p.Page + ": " + p.Msg
	}
	return fmt.Sprintf("%s: %s=%q: %s", p.Page, p.Attr, p.Value, p.Msg)
}

// Ref is a reference from a page attribute to a URL.
type Ref struct {
	Tag, Attr, Value string
}

// Page is what check reads from one HTML page.
type Page struct {
	Path string
	IDs  map[string]bool // every id and <a name>
	Refs []Ref
}

// urlAttrs are the attributes that hold URLs.
var urlAttrs = map[string]bool{"href": true, "src": true, "srcset": true, "action": true, "poster": true}

// ParsePage reads the ids and the URL-valued attributes of an HTML page.
func ParsePage(name string, src []byte) (*Page, error) {
	p := &Page{Path: name, IDs: map[string]bool{}}
	lex := htmllex.NewLexer(parse.NewInputBytes(src))
	tag := ""
	for {
		tt, data := lex.Next()
		switch tt {
		case htmllex.ErrorToken:
			if err := lex.Err(); err != nil && err.Error() != "EOF" {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			return p, nil
		case htmllex.StartTagToken:
			tag = strings.ToLower(string(data[1:]))
		case htmllex.AttributeToken:
			key := strings.ToLower(string(lex.AttrKey()))
			val := html.UnescapeString(strings.Trim(string(lex.AttrVal()), `"'`))
			switch {
			case key == "id" || key == "name" && tag == "a":
				p.IDs[val] = true
			case urlAttrs[key]:
				if key == "srcset" {
					for _, cand := range strings.Split(val, ",") {
						if f := strings.Fields(cand); len(f) > 0 {
							p.Refs = append(p.Refs, Ref{tag, key, f[0]})
						}
					}
				} else {
					p.Refs = append(p.Refs, Ref{tag, key, val})
				}
			}
		}
	}
}

// Links checks that every internal reference of every HTML page in site
// resolves to a file (never a bare directory) and, with a #fragment, to an
// element with that id.
func Links(site fs.FS) ([]Problem, error) {
	pages, err := parseAll(site)
	if err != nil {
		return nil, err
	}
	var problems []Problem
	for _, name := range slices.Sorted(maps.Keys(pages)) {
		for _, ref := range pages[name].Refs {
			if msg := resolve(site, pages, name, ref.Value); msg != "" {
				problems = append(problems, Problem{Page: name, Attr: ref.Attr, Value: ref.Value, Msg: msg})
			}
		}
	}
	return problems, nil
}

// parseAll parses every .html file of site.
func parseAll(site fs.FS) (map[string]*Page, error) {
	pages := map[string]*Page{}
	err := fs.WalkDir(site, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(name) != ".html" {
			return err
		}
		src, err := fs.ReadFile(site, name)
		if err != nil {
			return err
		}
		p, err := ParsePage(name, src)
		pages[name] = p
		return err
	})
	return pages, err
}

// External reports whether a URL leaves the site (it has a scheme or a host).
func External(ref string) bool {
	u, err := url.Parse(ref)
	return err == nil && (u.Scheme != "" || u.Host != "")
}

// resolve checks one reference from page from; it returns what is wrong, or "".
func resolve(site fs.FS, pages map[string]*Page, from, ref string) string {
	if External(ref) {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "not a valid URL: " + err.Error()
	}
	if strings.HasPrefix(u.Path, "/") {
		return "absolute path: breaks when the site is opened from a folder (file://) or published below the server's root"
	}
	target := from
	if u.Path != "" {
		target = path.Join(path.Dir(from), u.Path)
		if strings.HasPrefix(target, "../") || target == ".." {
			return "points outside the site"
		}
		info, err := fs.Stat(site, target)
		switch {
		case err != nil:
			return "no such file: " + target
		case info.IsDir():
			return "a bare directory (" + target + "/): from file:// that lists the folder instead of a page; link the file"
		}
	}
	if u.Fragment != "" && path.Ext(target) == ".html" {
		if p := pages[target]; p == nil || !p.IDs[u.Fragment] {
			return "no element with id " + u.Fragment + " in " + target
		}
	}
	return ""
}
