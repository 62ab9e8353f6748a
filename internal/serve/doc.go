// Package serve is the editors' preview server behind "microsite serve": it
// builds the site into a temporary folder (never public/), serves it on the
// loopback interface, watches the sources and rebuilds as they change, and
// makes the open pages reload themselves.
//
// What always holds:
//   - The sources are only read. The site lives in a temporary folder that
//     Run removes when it returns, however it stops.
//   - site.toml and everything under content/, layouts/ and assets/ are
//     watched, by folder, so that every way an editor saves a file (write in
//     place, truncate then write, write a temporary file and rename it over,
//     delete and create) is seen; folders created later are watched too.
//     Events are debounced: one save, one rebuild.
//   - An edit to measure files rebuilds only the pages that show them
//     (build.Tree); any other change rebuilds everything.
//   - Draft measures (draft = true) are shown, marked 草稿, unlike in a
//     published build.
//   - Every HTML response gets a small script, served by this package only,
//     that listens for rebuilds over Server-Sent Events and reloads the page
//     when it changed. Built sites never contain it.
//   - When a build fails, every page shows an error page naming the file, the
//     line and what is wrong, and the terminal shows the same; the next
//     successful build brings the pages back. Bad content never stops the
//     server.
//   - It answers only requests addressed to this computer: a Host header
//     that is localhost, a name under .localhost or a loopback address,
//     with the port in use; any other gets 403, so that a page of another
//     site cannot read the preview through a name of its own (DNS
//     rebinding). Nothing outside the built site is served, however the
//     path is encoded, and a redirect (a folder without its final slash)
//     is always a path on the same server.
package serve
