// Package content reads the microsite's sources — site.toml, content/notice.md
// and content/measures/*.md from an fs.FS — and returns a validated, sorted
// *site.Site (Load); and the layouts' UI strings, layouts/strings.toml, for
// its Strings (LoadStrings).
//
// Input is strict: unknown keys, missing keys, wrong types, unknown categories
// or units, duplicate or missing measure numbers, a measure file not named
// after its number, invalid UTF-8, control characters (see Text), malformed
// addresses and language tags in site.toml, and empty bodies are all errors.
// A byte order mark is not. Drafts (draft = true) are loaded, marked, and
// checked like the rest; they must be the last measures, and a published
// measure may not keep the placeholder text of "new measure". A text's
// links to other sources by their files ("03.md#說明") must lead to a
// text, a heading of it and, from a published text, a published one; they
// are given their targets (site.Source.Links).
//
// Load reports every error of a run, not just the
// first, as a diag.List sorted by file and line; each error names the file
// and the line in that file (for front matter, the line in the .md file, not
// in the front matter block), and the column in characters, not bytes.
//
// The package also holds what every reader of the sources shares: Dir, the
// source tree on disk that no symbolic link leads out of; Ignored, the names
// of editors' and systems' litter that nothing reads; Text and DecodeTOML,
// the checks of every text file.
package content
