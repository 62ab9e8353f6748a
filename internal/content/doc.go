// Package content reads the microsite's sources — site.toml, content/notice.md
// and content/measures/*.md from an fs.FS — and returns a validated, sorted
// *site.Site.
//
// Input is strict: unknown keys, missing keys, wrong types, unknown categories
// or units, duplicate or missing measure numbers, invalid UTF-8 and empty
// bodies are all errors. Load reports every error of a run, not just the first,
// as an ErrorList sorted by file and line; each error names the file and the
// line in that file (for front matter, the line in the .md file, not in the
// front matter block).
package content
