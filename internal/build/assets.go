package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
	"github.com/tdewolff/parse/v2/js"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/l10n"
	"github.com/gzgov/nansha-microsite/internal/minify"
	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/site"
)

// asset is a processed asset: minified, with a content hash in its name so
// that browsers and caches never serve a stale copy after an update.
type asset struct {
	path string // from the site root: assets/site.3f9a1c2b.css
	src  string // from the source root: assets/site.css
	data []byte
}

// loadAssets reads every file under assets/ but editors' and systems'
// litter (content.Ignored), checks that each style sheet and script
// parses, minifies what the registry knows, and names each by its content.
// It returns the assets, the same by source name ("site.css") for the
// layouts, and every problem as a diag.List.
func loadAssets(fsys fs.FS, m *minify.Minifier) ([]asset, map[string]render.Asset, error) {
	var out []asset
	var errs diag.List
	names := map[string]render.Asset{}
	err := fs.WalkDir(fsys, site.AssetDir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			errs = append(errs, content.FileError(p, err))
			return nil
		case p != site.AssetDir && content.Ignored(d.Name()):
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.IsDir():
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			// A link is read through fsys, which refuses one leading out
			// of the sources; a link to a folder is not walked into.
			if fi, err := fs.Stat(fsys, p); err != nil {
				errs = append(errs, content.FileError(p, err))
				return nil
			} else if fi.IsDir() {
				errs = append(errs, &diag.Error{Pos: diag.Pos{File: p}, Msg: l10n.Sprintf("a symbolic link to a folder: not followed (link each file, or copy the folder)")})
				return nil
			}
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs = append(errs, content.FileError(p, err))
			return nil
		}
		mt := minify.MediaType(p)
		if e := syntaxError(p, mt, data); e != nil {
			errs = append(errs, e)
			return nil
		}
		if mt != "" {
			if data, err = m.Bytes(mt, data); err != nil {
				errs = append(errs, &diag.Error{Pos: diag.Pos{File: p}, Msg: l10n.Sprintf("minify: %v", err)})
				return nil
			}
		}
		out = append(out, asset{src: p, data: data})
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	// Each is named by its content. A style sheet names the other assets
	// it uses (url(cursor.svg)) by their names in assets/, which become
	// the hashed ones first, so that its own name changes with theirs.
	for _, sheets := range []bool{false, true} {
		for i := range out {
			a := &out[i]
			if (minify.MediaType(a.src) == "text/css") != sheets {
				continue
			}
			if sheets {
				a.data = assetURLs(a.src, a.data, names)
			}
			name := strings.TrimPrefix(a.src, site.AssetDir+"/")
			sum := sha256.Sum256(a.data)
			a.path = site.AssetPath(name, hex.EncodeToString(sum[:4]))
			names[name] = render.Asset{Path: a.path, Data: a.data}
		}
	}
	if len(errs) > 0 {
		return out, names, errs
	}
	return out, names, nil
}

// assetURLs returns the style sheet src (the asset file) with each url()
// that names another asset, relative to the sheet, changed to name its
// hashed file (names maps the names in assets/ to the hashed paths). A
// hashed file lies where its source does, under another base name, so the
// reference keeps its folders. Other URLs stay as they are.
func assetURLs(file string, src []byte, names map[string]render.Asset) []byte {
	var out bytes.Buffer
	lex := css.NewLexer(parse.NewInputBytes(src))
	for {
		tt, data := lex.Next()
		if tt == css.ErrorToken {
			return out.Bytes()
		}
		if tt == css.URLToken {
			ref := strings.Trim(string(data[len("url("):len(data)-1]), "\"' ")
			name, inAssets := strings.CutPrefix(path.Join(path.Dir(file), ref), site.AssetDir+"/")
			if a, ok := names[name]; ok && inAssets && !strings.Contains(ref, ":") {
				out.WriteString("url(" + path.Join(path.Dir(ref), path.Base(a.Path)) + ")")
				continue
			}
		}
		out.Write(data)
	}
}

// syntaxError parses a style sheet or a script and returns its first syntax
// error, at its line and column (in characters), or nil. The minifiers are
// lenient: they would publish a broken file, minified, without a word.
func syntaxError(name, mediaType string, src []byte) *diag.Error {
	var perr error
	lang := ""
	switch mediaType {
	case "text/css":
		lang = "CSS"
		p := css.NewParser(parse.NewInput(bytes.NewReader(src)), false)
		for {
			if gt, _, _ := p.Next(); gt == css.ErrorGrammar {
				if p.HasParseError() {
					perr = p.Err()
				}
				break
			}
		}
	case "application/javascript":
		lang = "JavaScript"
		_, perr = js.Parse(parse.NewInput(bytes.NewReader(src)), js.Options{})
	}
	var pe *parse.Error
	if !errors.As(perr, &pe) {
		return nil
	}
	text, _ := strings.CutSuffix(lineN(src, pe.Line), "\r")
	return &diag.Error{
		Pos:  diag.Pos{File: name, Line: pe.Line, Col: pe.Column},
		Msg:  l10n.Sprintf("does not parse as %s: %s", lang, pe.Message),
		Text: text,
	}
}

// lineN returns line n (1-based) of src, or "".
func lineN(src []byte, n int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	line, _, _ := bytes.Cut(src, []byte("\n"))
	return string(line)
}
