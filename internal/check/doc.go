// Package check reads a built site — the files, not the templates — and
// reports what would break for a reader or a publisher:
//
//   - an href, xlink:href, src, srcset or CSS url() (inline <svg> and <math>
//     included) that resolves to no file, to a bare directory (file:// lists
//     the folder instead of showing a page), or to a #fragment its target
//     lacks;
//   - anything a browser would load from outside the site to show a page
//     (scripts, styles, images, fonts, frames, an SVG <image> or <use>);
//     links out (<a href>) are allowed and listed in the report;
//   - a <meta http-equiv="refresh"> that sends the reader out of the site,
//     or to no file of it;
//   - a symbolic link in the site that points outside it (Site only: the
//     build writes none);
//   - a page without <html lang>, a <title>, a meta description, or exactly
//     one <h1>.
//
// Every problem names the file and the offending element and attribute.
// Absolute URLs under the site's own address (the canonical URL of
// index.html, present when the site has a base_url) are checked as files of
// the site, the way a web server resolves them.
//
// The 404 page, which a server shows at any address (404.html, and the
// other editions of it that it links from the site's folder), is held to
// what works there: its references lead from the site's folder on the
// server ("/nansha3/index.html": base_url's path, or "/"), and are checked
// as a server resolves them; a relative one is a problem (from
// /measures/xx/yy.html it leads elsewhere), and so is one loaded from the
// site's own address (a staging copy would load production's).
//
// It works on any fs.FS, so tests feed it broken sites in memory, and
// "microsite check" runs it on any folder. A Collector takes the files one by
// one instead, as their bytes are written: the build checks every site it
// writes that way, without reading it back, with the same messages.
package check
