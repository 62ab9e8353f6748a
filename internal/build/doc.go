// Package build turns a source tree (site.toml, content/, layouts/, assets/)
// into the static site: load and validate → site model → render → minify →
// write. It is the only package that writes files.
//
// outputs lists every file of the site, in named stages (outputs.go): load
// the sources (the site with its UI strings, the assets, the layouts);
// for each edition, convert the site for it (newEdition) and list its
// outputs — its formats (search index, open data), then its pages, kind by
// kind, as render.Kinds describes them (editionOutputs); then the site's
// own outputs, its assets and the files for crawlers (siteOutputs); then
// check that no two share a path (checkPaths). The files other than pages
// are a table of formats; every path comes from internal/site/paths.go.
// Nothing is generated yet: each Output generates its bytes when written.
//
// A build writes into a staging folder beside the output folder and swaps
// it into place only when everything succeeded — every file written,
// SHA256SUMS computed over their final bytes, and the site check (package
// check) passed on the result — in one renameat2 exchange on Linux, by two
// renames elsewhere (stage.go). A failed or killed build leaves the
// previous output whole; the next build removes what a killed one left and
// puts back an output folder a kill between two renames took away.
//
// SHA256SUMS is also the record of what a build wrote (record.go): a build
// replaces an output folder only when it is missing, empty, or holds
// nothing but the files its SHA256SUMS lists, as listed; it deletes a
// previous site file by file from that list; and Package archives exactly
// those files. It never writes or deletes anything else, and refuses an
// output folder or archive that would put sources at risk (the source
// tree, one of its parents, a source folder, / or $HOME). An output folder
// or archive that is a link stays a link: the folder or file it points to
// is replaced. The same sources always give byte-identical output.
//
// It reads the sources through a content.Dir, so nothing from outside the
// source tree is ever published; it skips what content.Ignored names; it
// refuses a style sheet or script that does not parse; and it knows every
// path it will write before writing any, refusing two sources that map to
// one path (compared as Windows and macOS compare names, without case).
package build
