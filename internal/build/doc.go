// Package build turns a source tree (site.toml, content/, layouts/, assets/)
// into the static site: load and validate → site model → render → minify →
// write. It is the only package that writes files.
//
// A build writes into a fresh temporary directory beside the output directory
// and swaps it into place only when everything succeeded — every file
// written, SHA256SUMS computed over their final bytes, and the site check
// (package check) passed on the result — so a failed build
// leaves the previous output exactly as it was. It never writes or deletes
// anything outside the output directory, and refuses an output directory that
// would put sources at risk (the source tree, one of its parents, a source
// folder, / or $HOME). The same sources always give byte-identical output.
//
// It reads the sources through a content.Dir, so nothing from outside the
// source tree is ever published; it skips what content.Ignored names; it
// refuses a style sheet or script that does not parse; and it knows every
// path it will write before writing any, refusing two sources that map to
// one path (compared as Windows and macOS compare names, without case).
package build
