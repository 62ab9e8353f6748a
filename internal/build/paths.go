package build

import (
	"path"
	"strings"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// origin is the source of an output: which edition it belongs to and which
// entry of the sources named it, so that two outputs at one path can be
// blamed on the entry that can change.
type origin struct {
	edition *site.Edition // nil for a file of the whole site: assets, SHA256SUMS, the sitemap
	pos     diag.Pos      // the entry that named the file; zero for a path fixed by the URL scheme
	what    string        // that entry, for messages: `units: slug "index"`
	change  string        // what to change about it: l10n.Sprintf("choose another slug")
}

// pageOrigin is the origin of page p of edition e: the measure, category
// or unit the page is about, whose number or slug its path holds; none for
// a page at a path the URL scheme fixes.
func pageOrigin(e *site.Edition, p *render.Page) origin {
	o := origin{edition: e}
	switch {
	case p.Measure != nil:
		o.pos, o.what, o.change = diag.Pos{File: p.Measure.Body.File}, l10n.Sprintf("measure %d", p.Measure.Number), l10n.Sprintf("choose another number")
	case p.Category != nil:
		o.pos, o.what, o.change = p.Category.Pos, l10n.Sprintf("categories: slug %q", p.Category.Slug), l10n.Sprintf("choose another slug")
	case p.Unit != nil:
		o.pos, o.what, o.change = p.Unit.Pos, l10n.Sprintf("units: slug %q", p.Unit.Slug), l10n.Sprintf("choose another slug")
	}
	return o
}

// assetOrigin is the origin of an asset.
func assetOrigin(a asset) origin {
	return origin{pos: diag.Pos{File: a.src}, what: a.src, change: "rename the file"}
}

// editionOrigin is the origin of the edition e's folder.
func editionOrigin(e *site.Edition) origin {
	return origin{edition: e, pos: e.Pos, what: l10n.Sprintf("editions: path %q", e.Path), change: l10n.Sprintf("choose another path")}
}

// claim is a path the site writes, and where it comes from.
type claim struct {
	path string
	from origin
}

// checkPaths checks that no two outputs of the site share a path, and that
// the files of the site never share a name with a folder of it: two sources
// that map to one path would leave one of them unpublished and SHA256SUMS
// listing the other twice. Paths are compared without regard to case, as
// Windows and macOS, where a copy of the site is opened, compare them.
// Each edition but the source owns its folder: nothing else may be in it.
// Every problem is blamed on the entry of the sources that can change — a
// slug, an edition's path, an asset's name — once.
func checkPaths(s *site.Site, outs []Output) error {
	claims := make([]claim, 0, len(outs)+1)
	for _, o := range outs {
		claims = append(claims, claim{o.Path, o.from})
	}
	for _, p := range sealedPaths() {
		claims = append(claims, claim{p, origin{}})
	}

	var errs diag.List
	blamed := map[string]bool{}
	blame := func(on origin, msg string) {
		if on.what == "" {
			// Two paths of the URL scheme itself: not the editor's doing.
			on = origin{pos: diag.Pos{File: content.SiteFile}, what: "the site"}
		}
		key := on.pos.String() + "\x00" + on.what
		if blamed[key] {
			return
		}
		blamed[key] = true
		if on.what != on.pos.File { // an asset is its file
			msg = on.what + ": " + msg
		}
		errs = append(errs, &diag.Error{Pos: on.pos, Msg: msg + ": " + on.change})
	}

	// An edition's folder holds its own files only.
	for _, e := range s.Editions {
		if e.Path == "" {
			continue
		}
		folder := fold(e.Path)
		for _, c := range claims {
			if c.from.edition == e {
				continue
			}
			switch f := fold(c.path); {
			case f == folder:
				blame(editionOrigin(e), l10n.Sprintf("the folder %s/ would have the name of %s%s", e.Path, describe(c), caseNote(c.path, e.Path)))
			case strings.HasPrefix(f, folder+"/"):
				blame(editionOrigin(e), l10n.Sprintf("the folder %s/ already holds %s%s", e.Path, describe(c), caseNote(strings.SplitN(c.path, "/", 2)[0], e.Path)))
			default:
				continue
			}
			break
		}
	}

	// Two files at one path, and a file named like a folder.
	files := make(map[string]claim, len(claims))
	folders := map[string]claim{}
	for _, c := range claims {
		for d := path.Dir(c.path); d != "."; d = path.Dir(d) {
			if _, ok := folders[fold(d)]; !ok {
				folders[fold(d)] = claim{d, c.from}
			}
		}
	}
	for _, c := range claims {
		f := fold(c.path)
		if other, dup := files[f]; dup {
			if other.from.edition == c.from.edition { // else an edition's folder is at fault, above
				on, off := culprit(other, c)
				blame(on.from, l10n.Sprintf("it would write %s over %s%s", on.path, describe(off), caseNote(on.path, off.path)))
			}
			continue
		}
		files[f] = c
		if dir, ok := folders[f]; ok && dir.from.edition == c.from.edition {
			on, _ := culprit(dir, c)
			blame(on.from, l10n.Sprintf("%s would be both a file (%s) and a folder (%s)%s", c.path, describe(c), describe(dir), caseNote(c.path, dir.path)))
		}
	}
	return diag.Join(errs)
}

// culprit returns the claim to blame of a and b, then the other: the one
// an editor named, the later one when both were.
func culprit(a, b claim) (on, off claim) {
	if b.from.what == "" {
		return a, b
	}
	return b, a
}

// describe names a claim for a message: its path, and the entry it comes
// from unless the URL scheme fixes it.
func describe(c claim) string {
	switch c.from.what {
	case "":
		return l10n.Sprintf("the site's own %s", c.path)
	case c.from.pos.File:
		return l10n.Sprintf("%s (from %s)", c.path, c.from.pos.File)
	}
	return l10n.Sprintf("%s (%s, %s)", c.path, c.from.what, c.from.pos)
}

// caseNote explains a clash of names that differ in case only.
func caseNote(a, b string) string {
	if a == b {
		return ""
	}
	return l10n.Sprintf(" on Windows and macOS, which do not tell capital from small letters")
}

// fold is a path as a file system that ignores case compares it.
func fold(p string) string { return strings.ToLower(p) }
