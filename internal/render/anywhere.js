// The site root, for a page a web server shows at any address it has no file
// for (the 404 page). Its links, its form and the url()s of its style are
// written from root: the folder base_url names on the server ("/nansha3/"),
// or "/" without a base_url. When the site is in another folder (published
// below the host's root without a base_url, or a copy in a staging folder),
// this finds the folder and leads them from there.
//
// The request's path cannot tell where the site is (/nansha3/measures/x.html
// may be a site at / or at /nansha3/), and a server may answer any address
// with this very page, even with status 200. So each folder above the
// address is tried for one file of the site, marker (a hashed asset), whose
// bytes the page holds: only a folder that serves those bytes is the
// site's. From file:// the page is its own file, and own, its path from the
// site root, says where that is.
//
// Called with root, own, marker (from the site root) and the marker's bytes
// in base64. A classic script, ES5, no fetch() from file://.
(function (root, own, marker, bytes) {
  "use strict";

  function lead(found) {
    if (found === root) {
      return;
    }
    var attrs = ["href", "src", "action"];
    var els = document.querySelectorAll("[href],[src],[action]");
    for (var i = 0; i < els.length; i++) {
      for (var j = 0; j < attrs.length; j++) {
        var v = els[i].getAttribute(attrs[j]);
        // "//host/…" is another host, whatever root is.
        if (v && v.indexOf(root) === 0 && v.indexOf("//") !== 0) {
          els[i].setAttribute(attrs[j], found + v.slice(root.length));
        }
      }
    }
    // The page's own style sheet writes its url()s as url("<root>…").
    var styles = document.querySelectorAll("style");
    for (var k = 0; k < styles.length; k++) {
      styles[k].textContent = styles[k].textContent.split('url("' + root).join('url("' + found);
    }
  }

  var here = location.pathname;
  if (location.protocol === "file:") {
    if (here.slice(-own.length - 1) === "/" + own) {
      lead(here.slice(0, here.length - own.length));
    }
    return;
  }
  if (!window.fetch || !window.Promise || !window.Uint8Array || !window.atob) {
    return;
  }

  var want = atob(bytes);
  function serves(dir) {
    return fetch(dir + marker)
      .then(function (r) {
        return r.ok ? r.arrayBuffer() : null;
      })
      .then(function (buf) {
        if (!buf || buf.byteLength !== want.length) {
          return false;
        }
        var got = new Uint8Array(buf);
        for (var i = 0; i < got.length; i++) {
          if (got[i] !== want.charCodeAt(i)) {
            return false;
          }
        }
        return true;
      })
      .catch(function () {
        return false;
      });
  }

  // The folders above the address, from the host's root down, the first
  // twelve: the site is near the top. Tried one by one, the nearest the
  // root first, so that a site in /nansha3/ costs one request more; each
  // folder that is not the site's shows in the browser's console as a
  // file not found.
  var dirs = [];
  var parts = here.split("/");
  for (var n = 1; n < parts.length && dirs.length < 12; n++) {
    var dir = parts.slice(0, n).join("/") + "/";
    if (dir !== root) {
      dirs.push(dir);
    }
  }
  function next(i) {
    if (i < dirs.length) {
      serves(dirs[i]).then(function (ok) {
        if (ok) {
          lead(dirs[i]);
        } else {
          next(i + 1);
        }
      });
    }
  }
  serves(root).then(function (ok) {
    if (!ok) {
      next(0);
    }
  });
})
