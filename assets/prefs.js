// The reading tools every page has (適老化): the reading settings — a text
// size in three steps, a high-contrast mode, a large mouse pointer and a
// reading guide, a band across the page that follows the pointer (and the
// keyboard's focus) to keep the eye on its line — and, where the page
// offers it, the button 打印本頁. The settings are kept in localStorage so
// that they hold on every page of the site, from a web server and from
// file:// alike. (The print button lives here rather than in a script of
// its own: on the full table, the heaviest page, a second file would cost
// more bytes than the 14 KB budget has left.)
//
// The layout carries the settings' buttons with the hidden attribute, and
// only the word for the print button (data-print), because without this
// script they would do nothing. The script is deferred (never
// render-blocking), so it runs once the page is parsed: it puts the saved
// settings on <html> as classes (text-1, text-2, contrast, cursor, guide)
// that site.css styles, then shows the buttons. On a page this small the
// parse and the script usually finish before the first paint; if a slow
// device paints first, the reader sees one frame at the standard size.
(function () {
  "use strict";

  // One key for the site; the city portal's other sites share its origin.
  var KEY = "nansha-161-reading-prefs";
  var TOGGLES = ["contrast", "cursor", "guide"]; // each a button's data-toggle and a class
  var root = document.documentElement;

  function load() {
    var p = null;
    try {
      p = JSON.parse(localStorage.getItem(KEY));
    } catch (e) {
      // Storage may be disabled (private mode, strict settings): keep the defaults.
    }
    p = p && typeof p === "object" ? p : {};
    var out = { size: p.size === 1 || p.size === 2 ? p.size : 0 };
    TOGGLES.forEach(function (t) {
      out[t] = p[t] === true;
    });
    return out;
  }

  function save(p) {
    try {
      localStorage.setItem(KEY, JSON.stringify(p));
    } catch (e) {
      // Not saved: the setting still applies to this page.
    }
  }

  // The reading guide: one element that the pointer, or the keyboard's
  // focus, moves; site.css shows it while the class guide is on <html>.
  // It is drawn only (aria-hidden, no pointer events): it takes no click.
  var guide = document.createElement("div");
  guide.className = "reading-guide";
  guide.setAttribute("aria-hidden", "true");
  function move(y) {
    guide.style.top = y + "px";
  }
  document.addEventListener("pointermove", function (e) {
    move(e.clientY);
  });
  document.addEventListener("focusin", function (e) {
    var r = e.target.getBoundingClientRect();
    move(r.top + r.height / 2);
  });
  document.body.appendChild(guide);

  function apply(p) {
    root.classList.toggle("text-1", p.size === 1);
    root.classList.toggle("text-2", p.size === 2);
    TOGGLES.forEach(function (t) {
      root.classList.toggle(t, p[t]);
    });
    document.querySelectorAll(".prefs button").forEach(function (b) {
      var t = b.getAttribute("data-toggle");
      b.setAttribute("aria-pressed", String(t ? p[t] : Number(b.getAttribute("data-text-size")) === p.size));
    });
  }

  var prefs = load();
  apply(prefs);

  // 打印本頁, on the pages readers print (the notice, the table, each
  // measure). Outside a form, a button submits nothing: it needs no type.
  var tools = document.querySelector("[data-print]");
  if (tools) {
    var pb = document.createElement("button");
    pb.textContent = tools.getAttribute("data-print");
    pb.addEventListener("click", function () {
      window.print();
    });
    tools.insertBefore(pb, tools.firstChild); // before the QR code
  }

  var bar = document.querySelector(".prefs");
  if (!bar) {
    return;
  }
  bar.addEventListener("click", function (e) {
    var b = e.target.closest("button");
    if (!b) {
      return;
    }
    var t = b.getAttribute("data-toggle");
    if (t) {
      prefs[t] = !prefs[t];
    } else {
      prefs.size = Number(b.getAttribute("data-text-size"));
    }
    save(prefs);
    apply(prefs);
  });
  // A change made in another tab of the site applies here too.
  window.addEventListener("storage", function (e) {
    if (e.key === KEY) {
      prefs = load();
      apply(prefs);
    }
  });
  bar.hidden = false;
})();
