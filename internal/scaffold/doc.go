// Package scaffold creates new content files for editors ("microsite new"):
// correctly formed, with every value checked against site.toml and the
// existing content before anything is written.
//
// It writes into the sources, unlike every other package (build writes only
// the built site), and so is careful: one new file per call, created only if
// no file has its name, and removed again if the sources with it would not
// load — a file it leaves behind always loads with content.Load.
package scaffold
