// Package render executes the layouts in layouts/ — Go html/template files,
// one base layout (base.html) and one per page kind — over the site model.
//
// Kinds is the table of page kinds: for each, its layout
// (layouts/<kind>.html), the pages it makes in an edition and their paths
// (from internal/site/paths.go), the texts they give themselves (title,
// description, column) and the measure files they show, which a preview
// rebuilds them by. The build lists each edition's pages from it
// (PageKind.List) and renders each with its texts (Page.WithTexts).
//
// New parses the layouts once, before any page is rendered: a missing or
// broken layout is an error at its file and line, and so is a layout that
// breaks the rules of shared parts (below) or asks {{path}} for a path the
// URL scheme lacks. New minifies each layout before parsing it
// (minify.Layout), so the pages come out minified as rendered, given
// minified data: the build minifies the Markdown texts it passes in.
// Layouts.For gives the renderer of one edition, with its UI strings
// (site.Site.Strings, from layouts/strings.toml, converted with the rest of
// the edition). A mistake met while a page renders — a UI string the file
// lacks, a field that does not exist — is a *diag.Error at its place in the
// layout as written.
//
// Every link a layout makes goes through Chrome.Rel (or the href function,
// which calls it), which turns a path within the edition into a path
// relative to the page, so that the output works from file:// as well as
// from any web server path; the layouts write no path themselves, but ask
// {{path "table"}} for it (site.Named).
//
// html/template runs every action by reflection, so what many pages show
// alike is rendered once: a shared part ({{shared "name" .Chrome}}) sees
// only the page's Chrome, and is kept for every page of an edition, kind
// and depth that answers its Current, Kind and Article calls alike, with
// each page's path put in place of a placeholder (shared.go). The rules,
// which New and PageKind.List enforce:
//
//   - a shared part, and every template it runs, is defined in base.html:
//     it runs from there for the pages of every kind, so a kind's layout may
//     neither define one nor redefine one ({{define "footer"}} in
//     measure.html would be ignored);
//   - a shared part is named by a quoted name;
//   - it may show or link .Path but not compare it (ask .Current), nor show
//     it where html/template would escape it (in a script);
//   - a page's path holds only a–z, 0–9, "-", "_", "." and "/", the
//     characters the placeholder is made of.
package render
