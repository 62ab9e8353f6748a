// Package render executes the layouts in layouts/ — Go html/template files,
// one base layout (base.html) and one per page kind — over the site model.
//
// Layouts are parsed once, by New; a missing or broken layout, or a UI string
// used by a layout but missing from layouts/strings.toml, is an error before
// any page is rendered. New minifies each layout before parsing it
// (minify.Layout), so the pages come out minified as rendered, given
// minified data: the build minifies the Markdown texts it passes in.
// Every link a layout makes goes through Page.Rel (or the href function,
// which calls it), which turns a path from the site root into a path
// relative to the page, so that the output works from file:// as well as
// from any web server path.
//
// html/template runs every action by reflection, a microsecond or two
// each, so what many pages show alike is rendered once: a shared part
// ({{shared "name" .Chrome}}) sees only the page's Chrome, and is kept
// for every page of an edition, kind and depth that answers its Current
// calls alike, with each page's path put in place of a placeholder.
package render
