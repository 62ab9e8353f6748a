package render

import (
	"bytes"
	"html/template"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	tparse "text/template/parse"
	"unicode/utf8"

	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// checkRules refuses, at New, layouts that would go wrong on every page
// without a word, each at its place in the layout as written:
//
//   - a shared part ({{shared "name" .Chrome}}), or a template one runs,
//     that base.html does not define: shared parts run from base.html's
//     definitions for the pages of every kind, so one defined in a kind's
//     layout only would fail on every page;
//   - a kind's layout that defines ({{define}} or {{block}}) a template a
//     shared part runs: every page shows the part as base.html defines it,
//     so the kind's definition would be ignored;
//   - a shared part named otherwise than by a quoted name, which could not
//     be checked;
//   - {{path "name"}} with a name the URL scheme does not have (site.Named).
//
// base is base.html alone; kinds are base.html with each kind's layout;
// src holds every layout file as written, by its path.
func checkRules(base *template.Template, kinds map[Kind]*template.Template, src map[string][]byte) error {
	baseFile := path.Base(BaseLayout)
	defined := map[string]bool{} // by base.html
	runs := map[string][]string{}
	var uses []use
	for _, t := range base.Templates() {
		if t.Tree != nil && t.Tree.ParseName == baseFile {
			defined[t.Name()] = true
			runs[t.Name()] = nil
			walk(t.Tree.Root, baseFile, &uses, func(name string) { runs[t.Name()] = append(runs[t.Name()], name) })
		}
	}
	// The templates of each kind's layout file, and what they use.
	own := map[string]map[string]bool{} // file → templates it defines
	for _, k := range slices.Sorted(maps.Keys(kinds)) {
		file := string(k) + ".html"
		own[file] = map[string]bool{}
		for _, t := range kinds[k].Templates() {
			if t.Tree != nil && t.Tree.ParseName == file {
				own[file][t.Name()] = true
				walk(t.Tree.Root, file, &uses, nil)
			}
		}
	}

	var errs diag.List
	at := func(file string, re *regexp.Regexp, msg string) {
		e := locate(src[LayoutDir+"/"+file], re)
		e.Pos.File = LayoutDir + "/" + file
		e.Msg = msg
		errs = append(errs, e)
	}
	// The templates shared parts run: the parts, and what they run in turn.
	shared := map[string]bool{}
	var more []string
	for _, u := range uses {
		switch {
		case u.fn == "shared" && !u.quoted:
			at(u.file, regexp.MustCompile(`\bshared\s+[^"\s]`), l10n.Sprintf("shared: the part must be named by a quoted name, such as {{shared \"footer\" .Chrome}}"))
		case u.fn == "shared" && !defined[u.name]:
			if file := definedIn(own, u.name); file != "" {
				at(file, defineRE(u.name), l10n.Sprintf("shared part %q is defined in a page kind's layout: shared parts run from base.html, for the pages of every kind: define it in %s", u.name, BaseLayout))
			} else {
				at(u.file, callRE("shared", u.name), l10n.Sprintf("shared part %q is not defined in %s", u.name, BaseLayout))
			}
		case u.fn == "shared" && !shared[u.name]:
			shared[u.name] = true
			more = append(more, u.name)
		case u.fn == "path" && u.quoted:
			if _, ok := site.Named[u.name]; !ok {
				at(u.file, callRE("path", u.name), l10n.Sprintf("path %q: the URL scheme has no path of that name (it has %s)", u.name, strings.Join(slices.Sorted(maps.Keys(site.Named)), ", ")))
			}
		}
	}
	for len(more) > 0 {
		name := more[0]
		more = more[1:]
		for _, r := range runs[name] {
			switch {
			case !defined[r]:
				at(baseFile, regexp.MustCompile(`\{\{-?\s*template\s+"`+regexp.QuoteMeta(r)+`"`), l10n.Sprintf("template %q runs in shared part %q, but %s does not define it: shared parts run from base.html, for the pages of every kind", r, name, BaseLayout))
			case !shared[r]:
				shared[r] = true
				more = append(more, r)
			}
		}
	}
	for _, file := range slices.Sorted(maps.Keys(own)) {
		for _, name := range slices.Sorted(maps.Keys(own[file])) {
			if shared[name] {
				at(file, defineRE(name), l10n.Sprintf("%q is a shared part of base.html (or runs in one), which every page shows as base.html defines it: this definition would be ignored; give it another name, or change it in %s", name, BaseLayout))
			}
		}
	}
	return diag.Join(errs)
}

// use is a call of shared or path in a layout.
type use struct {
	fn, name string
	quoted   bool // name is a quoted string
	file     string
}

// walk visits the actions of a template, recording the calls of shared and
// path into uses and calling runs, when not nil, with the name of each
// template it runs ({{template}}, {{block}}).
func walk(n tparse.Node, file string, uses *[]use, runs func(string)) {
	switch n := n.(type) {
	case *tparse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walk(c, file, uses, runs)
			}
		}
	case *tparse.ActionNode:
		walkPipe(n.Pipe, file, uses)
	case *tparse.IfNode:
		walkBranch(&n.BranchNode, file, uses, runs)
	case *tparse.RangeNode:
		walkBranch(&n.BranchNode, file, uses, runs)
	case *tparse.WithNode:
		walkBranch(&n.BranchNode, file, uses, runs)
	case *tparse.TemplateNode:
		if runs != nil {
			runs(n.Name)
		}
		walkPipe(n.Pipe, file, uses)
	}
}

func walkBranch(b *tparse.BranchNode, file string, uses *[]use, runs func(string)) {
	walkPipe(b.Pipe, file, uses)
	walk(b.List, file, uses, runs)
	if b.ElseList != nil {
		walk(b.ElseList, file, uses, runs)
	}
}

func walkPipe(p *tparse.PipeNode, file string, uses *[]use) {
	if p == nil {
		return
	}
	for _, c := range p.Cmds {
		if id, ok := c.Args[0].(*tparse.IdentifierNode); ok && (id.Ident == "shared" || id.Ident == "path") {
			u := use{fn: id.Ident, file: file}
			if len(c.Args) > 1 {
				if s, ok := c.Args[1].(*tparse.StringNode); ok {
					u.name, u.quoted = s.Text, true
				}
			}
			*uses = append(*uses, u)
		}
		for _, a := range c.Args {
			if sub, ok := a.(*tparse.PipeNode); ok {
				walkPipe(sub, file, uses)
			}
		}
	}
}

// definedIn returns the kind's layout file that defines the template name,
// or "".
func definedIn(own map[string]map[string]bool, name string) string {
	for _, file := range slices.Sorted(maps.Keys(own)) {
		if own[file][name] {
			return file
		}
	}
	return ""
}

// defineRE finds where a layout defines the template name.
func defineRE(name string) *regexp.Regexp {
	return regexp.MustCompile(`\{\{-?\s*(?:define|block)\s+"` + regexp.QuoteMeta(name) + `"`)
}

// callRE finds a call of the function fn with the quoted name.
func callRE(fn, name string) *regexp.Regexp {
	return regexp.MustCompile(`\b` + fn + `\s+"` + regexp.QuoteMeta(name) + `"`)
}

// locate is the place of re's first match in src, as a problem at its
// line, and its column in characters, with the line for the caret; no line
// when there is no match.
func locate(src []byte, re *regexp.Regexp) *diag.Error {
	loc := re.FindIndex(src)
	if loc == nil {
		return &diag.Error{}
	}
	before := src[:loc[0]]
	start := bytes.LastIndexByte(before, '\n') + 1
	line, _, _ := bytes.Cut(src[start:], []byte("\n"))
	return &diag.Error{
		Pos:  diag.Pos{Line: bytes.Count(before, []byte("\n")) + 1, Col: utf8.RuneCount(before[start:]) + 1},
		Text: string(bytes.TrimSuffix(line, []byte("\r"))),
	}
}
