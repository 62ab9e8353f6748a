package build

import (
	"bytes"
	"io"
	"io/fs"

	"github.com/gzgov/nansha-microsite/internal/content"
	"github.com/gzgov/nansha-microsite/internal/diag"
	"github.com/gzgov/nansha-microsite/internal/minify"
	"github.com/gzgov/nansha-microsite/internal/render"
	"github.com/gzgov/nansha-microsite/internal/site"
	"github.com/gzgov/nansha-microsite/internal/zhconv"
)

// settings are what a build is told besides its sources (see Options).
type settings struct {
	drafts      bool   // keep the draft measures, marked
	baseURL     string // replaces site.toml's base_url, when not ""
	baseURLFrom string // where baseURL was given, for messages
}

// settings are the build's settings in opts.
func (opts Options) settings() settings {
	from := opts.BaseURLFrom
	if from == "" {
		from = "--base-url"
	}
	return settings{drafts: opts.Drafts, baseURL: opts.BaseURL, baseURLFrom: from}
}

// outputs loads and validates the sources in fsys and returns every file
// of the site, ready to generate (nothing is written), converting Markdown
// through memo (nil: no memo), with the settings set; it also returns the
// numbers of the drafts it left out. Its stages, in order: load the sources; make each edition and
// list its outputs (its formats, then its pages, kind by kind); list the
// site's own (its assets, the files for crawlers); check that no two share
// a path.
func outputs(fsys fs.FS, memo *textMemo, set settings) ([]Output, []int, error) {
	src, err := load(fsys, set)
	if err != nil {
		return nil, nil, err
	}
	var outs []Output
	var pages []*render.Page // of every edition, for the sitemap
	for _, e := range src.site.Editions {
		ed, err := newEdition(src, e, memo)
		if err != nil {
			return nil, nil, err
		}
		o, p, err := editionOutputs(ed)
		if err != nil {
			return nil, nil, err
		}
		outs, pages = append(outs, o...), append(pages, p...)
	}
	outs = append(outs, siteOutputs(src, pages)...)
	if err := joinErrors(src.assetErr, checkPaths(src.site, outs)); err != nil {
		return nil, nil, err
	}
	return outs, src.leftOut, nil
}

// sources are what a site is made of, loaded and checked.
type sources struct {
	site    *site.Site // with its UI strings, in the source edition's script
	assets  []asset
	files   []file // the documents of content/files/ the notice links to
	layouts *render.Layouts
	// assetErr is a broken asset: the site's paths are still listed, so
	// that their clashes are reported with it.
	assetErr error
	leftOut  []int // the numbers of the draft measures left out
}

// load reads and checks the sources: the site with its UI strings, the
// assets and the layouts, each checked apart, so that the problems of all
// are reported at once.
func load(fsys fs.FS, set settings) (*sources, error) {
	// The assets and layouts are prepared on the other core while the
	// content loads: on a small site these steps are most of the time
	// before the first page.
	type prepared struct {
		assets  []asset
		layouts *render.Layouts
		err     error
	}
	prep := make(chan prepared, 1)
	go func() {
		var p prepared
		// A broken asset does not keep the layouts from being checked.
		assets, names, err := loadAssets(fsys, minify.New())
		p.assets = assets
		p.layouts, p.err = render.New(fsys, names)
		p.err = joinErrors(err, p.err)
		prep <- p
	}()
	var loadOpts []content.Option
	if set.baseURL != "" {
		loadOpts = append(loadOpts, content.WithBaseURL(set.baseURL, set.baseURLFrom))
	}
	s, err := content.Load(fsys, loadOpts...)
	ui, uiErr := content.LoadStrings(fsys)
	var files []file
	if err == nil {
		files, err = loadFiles(fsys, s)
	}
	if err == nil && uiErr == nil {
		s.Strings = ui
		for _, e := range s.Editions {
			if e.Convert != "" {
				// Load the dictionaries meanwhile too.
				go zhconv.Load(e.Convert)
			}
		}
	}
	err = joinErrors(err, uiErr)
	p := <-prep
	if err != nil || p.layouts == nil {
		return nil, joinErrors(err, p.err)
	}
	// The drafts were checked with the rest: only now are they left out.
	var leftOut []int
	if !set.drafts {
		for _, m := range s.Measures {
			if m.Draft {
				leftOut = append(leftOut, m.Number)
			}
		}
		s = s.Published()
	}
	return &sources{site: s, assets: p.assets, files: files, layouts: p.layouts, assetErr: p.err, leftOut: leftOut}, nil
}

// joinErrors returns one error for a and b, either of which may be nil:
// their problems in one diag.List, sorted, then any other error (see
// diag.Join).
func joinErrors(a, b error) error { return diag.Join(a, b) }

// editionOutputs lists the outputs of an edition, in its folder: its
// formats first — the largest files of a big site, written while the
// edition's texts are being used anyway, and never left for last to one
// worker — then its pages, kind by kind (render.Kinds). It returns the
// pages too, as listed, without their texts.
func editionOutputs(ed *perEdition) ([]Output, []*render.Page, error) {
	e := ed.site.ThisEdition
	var outs []Output
	for _, f := range formats {
		if f.scope != eachEdition {
			continue
		}
		paths := []string{f.path}
		if f.parts != nil {
			paths = f.parts(ed)
		}
		for i, p := range paths {
			o := Output{Path: e.Prefix() + p, Minified: f.minified, from: origin{edition: e}}
			in := formatInput{ed: ed, part: i}
			if f.stream != nil {
				o.Stream = func(w io.Writer) error { return f.stream(in, w) }
			} else {
				o.Generate = func(b *bytes.Buffer) error { return f.generate(in, b) }
			}
			outs = append(outs, o)
		}
	}
	var pages []*render.Page
	for _, k := range render.Kinds {
		ps, err := k.List(ed.site)
		if err != nil {
			return nil, nil, err
		}
		for _, p := range ps {
			outs = append(outs, pageOutput(ed, k, p))
		}
		outs = append(outs, pageFiles(ed, ps)...)
		pages = append(pages, ps...)
	}
	return outs, pages, nil
}

// pageOutput is the output of page p of kind k in the edition ed. The page
// gets its texts as it is generated; it is final as rendered, since the
// layouts and the texts are minified already (see render.New and
// convertAll).
func pageOutput(ed *perEdition, k *render.PageKind, p *render.Page) Output {
	var deps []string
	if k.Deps != nil {
		deps = k.Deps(p)
	}
	return Output{Path: p.File(), Page: true, Minified: true, Deps: deps, from: pageOrigin(ed.site.ThisEdition, p),
		Generate: func(b *bytes.Buffer) error {
			t, err := ed.texts()
			if err != nil {
				return err
			}
			return ed.r.Render(b, p.WithTexts(t))
		}}
}

// pageFiles lists the files of the formats made for each page with an
// address of its own (see render.Page.Canonical): none without a base_url.
// They show no measure's content, so a preview never makes them again
// unless the site itself changes.
func pageFiles(ed *perEdition, ps []*render.Page) []Output {
	var outs []Output
	for _, f := range formats {
		if f.scope != eachPage {
			continue
		}
		for _, p := range ps {
			if p.Canonical() == "" {
				continue
			}
			outs = append(outs, Output{Path: ed.site.ThisEdition.Prefix() + f.pagePath(p.Path), Minified: f.minified, Deps: []string{},
				from:     pageOrigin(ed.site.ThisEdition, p),
				Generate: func(b *bytes.Buffer) error { return f.generate(formatInput{page: p}, b) }})
		}
	}
	return outs
}

// siteOutputs lists the outputs of the whole site, at its root: its assets
// and the documents the notice links to, then, with a base_url, the files
// for crawlers, which list the pages of every edition.
func siteOutputs(src *sources, pages []*render.Page) []Output {
	var outs []Output
	for _, f := range formats {
		switch {
		case f.scope == eachAsset:
			for _, a := range src.assets {
				outs = append(outs, Output{Path: a.path, Minified: f.minified, Deps: []string{}, from: assetOrigin(a),
					Generate: func(b *bytes.Buffer) error { return f.generate(formatInput{asset: a}, b) }})
			}
		case f.scope == eachFile:
			for _, file := range src.files {
				outs = append(outs, Output{Path: file.path, Minified: f.minified, Deps: []string{}, from: fileOrigin(file),
					Generate: func(b *bytes.Buffer) error { return f.generate(formatInput{file: file}, b) }})
			}
		case f.scope == forCrawlers && src.site.BaseURL != "":
			outs = append(outs, Output{Path: f.path, Minified: f.minified,
				Generate: func(b *bytes.Buffer) error { return f.generate(formatInput{site: src.site, pages: pages}, b) }})
		}
	}
	return outs
}

// A format is a kind of file of the site other than its pages (Hugo's
// output formats): where it goes, for what, and what makes it. Adding one
// is an entry in formats, its path in internal/site/paths.go and a row in
// README's URL scheme.
type format struct {
	path string // from the edition's folder or the site root; for assets, their folder
	// pagePath, for a format made for each page, is its path from the
	// page's (within the edition).
	pagePath func(page string) string
	// parts, for a format of several files in each edition, lists their
	// paths from the edition's folder, known before anything is written;
	// generate makes the one at formatInput.part.
	parts    func(ed *perEdition) []string
	scope    scope
	minified bool // final as generated, not minified again
	generate func(in formatInput, b *bytes.Buffer) error
	// stream, set instead of generate for a file of each edition that
	// grows with the site, writes it as it is made (see Output.Stream):
	// final as written, so minified must be true.
	stream func(in formatInput, w io.Writer) error
}

// scope says how many files of a format a site has, and where.
type scope int

const (
	eachEdition scope = iota // one in each edition's folder, in its script, made from its texts
	eachAsset                // one per file of assets/, at its hashed name (site.AssetPath)
	eachFile                 // one per document of content/files/ the notice links to (site.FilePath)
	forCrawlers              // one at the site root, only with a base_url (it needs absolute URLs)
	sealed                   // one at the site root, made last over every other file's final bytes (seal)
	eachPage                 // one for each page with an address of its own (a base_url), at path(page) in the page's edition
)

// formatInput is what a file is made from: its edition, its asset, its
// page, or the site and the pages of every edition.
type formatInput struct {
	ed    *perEdition
	part  int // which of the format's parts (format.parts)
	asset asset
	page  *render.Page
	file  file
	site  *site.Site
	pages []*render.Page
}

// formats are the site's files other than its pages, in the order of the
// outputs.
var formats = []format{
	// The search index as JSON for other programs such as the city
	// portal, and the search page's own index as classic scripts, which
	// work from file://, where fetch() is blocked: search-index.js, and
	// on a large site the shards it loads per query
	// (site.SearchShardPath).
	{path: site.SearchJSONPath, scope: eachEdition, minified: true, stream: searchJSON},
	{path: site.SearchScriptPath, parts: searchPaths, scope: eachEdition, minified: true, generate: searchPart},
	// The open data, streamed like search.json, and so not minified:
	// encoding/json writes compact JSON already, and a minify pass over
	// the largest file of a big site would only cost time.
	{path: site.DataJSONPath, scope: eachEdition, minified: true, stream: dataJSON},
	{path: site.DataCSVPath, scope: eachEdition, minified: true, stream: dataCSV},
	// CSS, JS and images, minified as they are loaded (loadAssets).
	{path: site.AssetDir, scope: eachAsset, minified: true, generate: func(in formatInput, b *bytes.Buffer) error {
		_, err := b.Write(in.asset.data)
		return err
	}},
	// Each page's address as a QR code, for a phone to open it from the
	// screen or from a printout (「掃一掃在手機打開當前頁」).
	{path: site.QRDir, pagePath: site.QRPath, scope: eachPage, minified: true, generate: qrCode},
	// The documents the notice links to, as they are: a PDF is not
	// minified.
	{path: site.FileDir, scope: eachFile, minified: true, generate: func(in formatInput, b *bytes.Buffer) error {
		_, err := b.Write(in.file.data)
		return err
	}},
	{path: site.SitemapPath, scope: forCrawlers, generate: sitemap},
	{path: site.RobotsPath, scope: forCrawlers, generate: robots},
	// The checksums, and the build's record of what it wrote.
	{path: site.SumsPath, scope: sealed},
}

// sealedPaths are the paths of the files seal writes, after every output.
func sealedPaths() []string {
	var paths []string
	for _, f := range formats {
		if f.scope == sealed {
			paths = append(paths, f.path)
		}
	}
	return paths
}
