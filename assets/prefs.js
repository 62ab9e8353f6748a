// Reading preferences (適老化): a text size in three steps and a high-contrast
// mode, kept in localStorage so that they hold on every page of the site,
// from a web server and from file:// alike.
//
// The layout carries the buttons with the hidden attribute, because without
// this script they would do nothing. The script is deferred (never
// render-blocking), so it runs once the page is parsed: it puts the saved
// setting on <html> as classes (text-1, text-2, contrast) that site.css
// styles, then shows the buttons. On a page this small the parse and the
// script usually finish before the first paint; if a slow device paints
// first, the reader sees one frame at the standard size.
(function () {
  "use strict";

  // One key for the site; the city portal's other sites share its origin.
  var KEY = "nansha-161-reading-prefs";
  var SIZES = 3; // text-size steps: 0 standard, 1 large, 2 larger
  var root = document.documentElement;

  function load() {
    var p = null;
    try {
      p = JSON.parse(localStorage.getItem(KEY));
    } catch (e) {
      // Storage may be disabled (private mode, strict settings): keep the defaults.
    }
    p = p || {};
    var size = p.size === 1 || p.size === 2 ? p.size : 0;
    return { size: size, contrast: p.contrast === true };
  }

  function save(p) {
    try {
      localStorage.setItem(KEY, JSON.stringify(p));
    } catch (e) {
      // Not saved: the setting still applies to this page.
    }
  }

  function apply(p) {
    for (var i = 1; i < SIZES; i++) {
      root.classList.toggle("text-" + i, p.size === i);
    }
    root.classList.toggle("contrast", p.contrast);
    var buttons = document.querySelectorAll(".prefs button");
    for (var j = 0; j < buttons.length; j++) {
      var b = buttons[j];
      var on = b.hasAttribute("data-contrast") ? p.contrast : Number(b.getAttribute("data-text-size")) === p.size;
      b.setAttribute("aria-pressed", on ? "true" : "false");
    }
  }

  var prefs = load();
  apply(prefs);

  var bar = document.querySelector(".prefs");
  if (!bar) {
    return;
  }
  bar.addEventListener("click", function (e) {
    var b = e.target.closest("button");
    if (!b) {
      return;
    }
    if (b.hasAttribute("data-contrast")) {
      prefs.contrast = !prefs.contrast;
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
