/* Search for search.html. It matches the visitor's words against the index
   that search-index.js assigned to window.micrositeSearchIndex — a classic
   script, so that it loads from file:// as well as over http — and lists the
   results as they type.

   Nothing from the index or the query is ever parsed as HTML: results are
   built with DOM nodes and textContent. The page's words come from its
   form's data- attributes (layouts/strings.toml).

   normalizer() must stay in step with Fold.Normalize in internal/search:
   a Go test runs both on the same cases. */
(function () {
  "use strict";

  var STEP = 20;        // results shown at first and per "more"
  var BEFORE = 20;      // snippet: UTF-16 units of context before the match
  var SNIPPET = 90;     // snippet: its length in UTF-16 units
  var URL_DELAY = 400;  // ms of quiet typing before the address is updated

  /* Normalisation — see Fold.Normalize in internal/search/normalize.go. */

  var spaces = /[\t\n\v\f\r \x85\u1680\u2028\u2029]+/g;

  function isSpace(c) {
    return (c >= 9 && c <= 13) || c === 32 || c === 0x85 || c === 0x1680 || c === 0x2028 || c === 0x2029;
  }

  // normalizer returns two functions over the folding table fold:
  // normalize(s), s as search compares it, done with the browser's native
  // string functions because it runs over the whole index at load; and
  // mapped(s, starts, ends), the same one segment (a code point and the
  // combining marks after it) at a time, which also records for each UTF-16
  // unit of its result the [start, end) of the segment of s it came from, to
  // highlight matches in s. The two agree on all but exotic text (Hangul
  // jamo that compose, a final Σ); there only the highlight can miss.
  function normalizer(fold) {
    var table = new Map();
    var from = Array.from(fold.from), to = Array.from(fold.to);
    for (var i = 0; i < from.length && i < to.length; i++) table.set(from[i], to[i]);
    // Folding runs over the whole index at load, so characters of the Basic
    // Multilingual Plane (all but a rare few) fold through an array indexed
    // by UTF-16 unit, four times faster than a regular expression; the rest
    // through one.
    var bmp = new Uint16Array(65536), astral = "";
    for (i = 0; i < from.length && i < to.length; i++) {
      if (from[i].length === 1 && to[i].length === 1) bmp[from[i].charCodeAt(0)] = to[i].charCodeAt(0);
      else astral += from[i];
    }
    var astralRe = astral && new RegExp("[" + astral.replace(/[\\\]\[^-]/g, "\\$&") + "]", "gu");
    var utf16 = new TextDecoder("utf-16le");
    function foldChar(ch) { return table.get(ch); }
    function foldAll(s) {
      var buf = new Uint16Array(s.length), changed = false;
      for (var i = 0; i < s.length; i++) {
        var c = s.charCodeAt(i), f = bmp[c];
        if (f) changed = true;
        buf[i] = f || c;
      }
      if (changed) s = utf16.decode(buf);
      return astralRe ? s.replace(astralRe, foldChar) : s;
    }

    function normalize(s) {
      s = foldAll(s.normalize("NFKC").toLowerCase()).replace(spaces, " ");
      if (s.charCodeAt(0) === 32) s = s.slice(1);
      if (s.charCodeAt(s.length - 1) === 32) s = s.slice(0, -1);
      return s;
    }

    var markRe = /\p{M}/u, marks = new Map();
    function isMark(c) {
      if (c < 0x300 || (c >= 0x4E00 && c <= 0x9FFF)) return false;
      var m = marks.get(c);
      if (m === undefined) marks.set(c, m = markRe.test(String.fromCodePoint(c)));
      return m;
    }
    // Segments normalise the same way every time: remember them.
    var segments = new Map();
    function segment(seg) {
      var out = segments.get(seg);
      if (out === undefined) {
        out = [];
        for (var ch of seg.normalize("NFKC").toLowerCase()) {
          var f = table.get(ch) || ch;
          out.push(isSpace(f.codePointAt(0)) ? " " : f);
        }
        segments.set(seg, out);
      }
      return out;
    }
    function mapped(raw, starts, ends) {
      var out = "", space = false;
      for (var i = 0, n = raw.length; i < n;) {
        var j = i + (raw.codePointAt(i) > 0xFFFF ? 2 : 1);
        while (j < n && isMark(raw.codePointAt(j))) j += raw.codePointAt(j) > 0xFFFF ? 2 : 1;
        var chars = segment(raw.slice(i, j));
        for (var k = 0; k < chars.length; k++) {
          var ch = chars[k];
          if (ch === " ") {
            space = true;
            continue;
          }
          if (space && out) {
            out += " ";
            starts.push(i);
            ends.push(i);
          }
          space = false;
          out += ch;
          for (var u = 0; u < ch.length; u++) {
            starts.push(i);
            ends.push(j);
          }
        }
        i = j;
      }
      return out;
    }
    return { normalize: normalize, mapped: mapped };
  }

  /* Matching and ranking. */

  function prepare(index, normalize) {
    return index.measures.map(function (m) {
      return {
        m: m,
        title: normalize(m.title),
        // Units and category rank alike; the space keeps a term from
        // matching across two of them (terms never hold a space).
        meta: normalize(m.units.join(" ") + " " + m.category.name),
        text: normalize(m.text)
      };
    });
  }

  function termsOf(normalize, query) {
    var q = normalize(query);
    return q ? q.split(" ") : [];
  }

  // find returns the entries holding every term, best first: more terms in
  // the title (or equal to the number) first, then more in the lead units
  // or category, then by number.
  function find(entries, terms) {
    var hits = [];
    if (!terms.length) return hits;
    var numbers = terms.map(function (t) { return /^[0-9]+$/.test(t) ? parseInt(t, 10) : -1; });
    for (var i = 0; i < entries.length; i++) {
      var e = entries[i], title = 0, meta = 0, all = true;
      for (var k = 0; k < terms.length; k++) {
        var t = terms[k];
        if (numbers[k] === e.m.number || e.title.indexOf(t) >= 0) title++;
        else if (e.meta.indexOf(t) >= 0) meta++;
        else if (e.text.indexOf(t) < 0) { all = false; break; }
      }
      if (all) hits.push({ e: e, title: title, meta: meta });
    }
    hits.sort(function (a, b) {
      return b.title - a.title || b.meta - a.meta || a.e.m.number - b.e.m.number;
    });
    return hits;
  }

  /* Highlighting. */

  // ranges returns where the terms occur in raw: sorted, disjoint [start,
  // end) pairs of UTF-16 indices into raw.
  function ranges(mapped, raw, terms) {
    var starts = [], ends = [];
    var norm = mapped(raw, starts, ends);
    var found = [];
    terms.forEach(function (t) {
      for (var at = norm.indexOf(t); at >= 0; at = norm.indexOf(t, at + t.length)) {
        found.push([starts[at], ends[at + t.length - 1]]);
      }
    });
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    found.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push(r);
    });
    return merged;
  }

  // appendMarked appends raw[from:to] to parent, with the parts in marks
  // wrapped in <mark>.
  function appendMarked(parent, raw, marks, from, to) {
    var at = from;
    marks.forEach(function (r) {
      var s = Math.max(r[0], at), e = Math.min(r[1], to);
      if (s >= e) return;
      if (s > at) parent.appendChild(document.createTextNode(raw.slice(at, s)));
      var mark = document.createElement("mark");
      mark.textContent = raw.slice(s, e);
      parent.appendChild(mark);
      at = e;
    });
    if (at < to) parent.appendChild(document.createTextNode(raw.slice(at, to)));
  }

  // boundary moves i off the second half of a surrogate pair.
  function boundary(s, i) {
    var c = s.charCodeAt(i);
    return i > 0 && c >= 0xDC00 && c <= 0xDFFF ? i - 1 : i;
  }

  function appendSnippet(parent, raw, marks) {
    var from = Math.max(0, (marks.length ? marks[0][0] : 0) - BEFORE);
    var to = Math.min(raw.length, from + SNIPPET);
    from = boundary(raw, Math.max(0, Math.min(from, to - SNIPPET)));
    to = boundary(raw, to);
    if (from > 0) parent.appendChild(document.createTextNode("…"));
    appendMarked(parent, raw, marks, from, to);
    if (to < raw.length) parent.appendChild(document.createTextNode("…"));
  }

  /* The page. */

  var index = window.micrositeSearchIndex;
  if (!index || index.version !== 1) {
    var form0 = document.getElementById("search");
    if (form0) document.getElementById("search-status").textContent = form0.dataset.unavailable;
    return;
  }
  // The marks let benchmarks time the preparation (see
  // internal/e2e/search_bench_test.go); they cost nothing.
  var perf = window.performance && performance.mark ? performance : { mark: function () {} };
  perf.mark("search-index-start");
  var norm = normalizer(index.fold), normalize = norm.normalize;
  var entries = prepare(index, normalize);
  perf.mark("search-index-ready");

  // For tests and benchmarks: the normalisers and the ranked results.
  window.micrositeSearch = {
    normalize: function (s) { return normalize(String(s)); },
    normalizeBySegment: function (s) { return norm.mapped(String(s), [], []); },
    search: function (q) {
      return find(entries, termsOf(normalize, String(q))).map(function (h) { return h.e.m; });
    }
  };

  var form = document.getElementById("search");
  if (!form) return;
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var none = document.getElementById("search-none");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var words = form.dataset;

  var hits = [], terms = [], shown = 0, urlTimer = 0;

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function item(m) {
    var li = element("li", "search-result");
    var h = li.appendChild(element("h2"));
    var a = h.appendChild(element("a"));
    a.href = m.url;
    var num = m.number < 10 ? "0" + m.number : String(m.number);
    a.appendChild(element("span", "search-number", words.number.replace("%s", num)));
    a.appendChild(document.createTextNode(" "));
    appendMarked(a, m.title, ranges(norm.mapped, m.title, terms), 0, m.title.length);

    var dl = li.appendChild(element("dl", "search-facts"));
    dl.appendChild(element("dt", "", words.category));
    appendMarked(dl.appendChild(element("dd")), m.category.name, ranges(norm.mapped, m.category.name, terms), 0, m.category.name.length);
    dl.appendChild(element("dt", "", words.units));
    var ul = dl.appendChild(element("dd")).appendChild(element("ul", "units"));
    m.units.forEach(function (u) {
      appendMarked(ul.appendChild(element("li")), u, ranges(norm.mapped, u, terms), 0, u.length);
    });

    appendSnippet(li.appendChild(element("p", "search-snippet")), m.text, ranges(norm.mapped, m.text, terms));
    return li;
  }

  function showMore() {
    var end = Math.min(hits.length, shown + STEP);
    var batch = document.createDocumentFragment();
    var first = null;
    for (; shown < end; shown++) {
      var li = batch.appendChild(item(hits[shown].e.m));
      first = first || li;
    }
    list.appendChild(batch);
    more.hidden = shown >= hits.length;
    return first;
  }

  function run() {
    terms = termsOf(normalize, input.value);
    hits = find(entries, terms);
    list.textContent = "";
    shown = 0;
    showMore();
    status.textContent = !terms.length ? "" : hits.length ? words.count.replace("%d", hits.length) : words.none;
    none.hidden = !terms.length || hits.length > 0;
    keepQueryInSwitch();
  }

  // The edition switch (繁體 | 简体) leads to this search in the other
  // script, with the same query.
  var switches = Array.prototype.slice.call(document.querySelectorAll(".editions a"));
  switches.forEach(function (a) { a.dataset.page = a.getAttribute("href"); });
  function keepQueryInSwitch() {
    var q = input.value.trim() ? "?q=" + encodeURIComponent(input.value) : "";
    switches.forEach(function (a) { a.setAttribute("href", a.dataset.page + q); });
  }

  // The address always holds the query, so a search can be bookmarked and
  // shared; it is updated once typing pauses (browsers throttle history).
  function updateURL() {
    clearTimeout(urlTimer);
    var url = new URL(location.href);
    if (input.value.trim()) url.searchParams.set("q", input.value);
    else url.searchParams.delete("q");
    if (url.href === location.href) return;
    try {
      history.replaceState(null, "", url.href);
    } catch (e) {
      // Some browsers refuse history changes on file://; the results
      // still show, only the address stays as it was.
    }
  }

  function changed() {
    run();
    clearTimeout(urlTimer);
    urlTimer = setTimeout(updateURL, URL_DELAY);
  }
  input.addEventListener("input", function (ev) {
    // While an input method composes (pinyin, zhuyin, cangjie…), the box
    // holds keystrokes, not words: search what is chosen, at the end.
    if (!ev.isComposing) changed();
  });
  input.addEventListener("compositionend", changed);
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    run();
    updateURL();
  });
  more.addEventListener("click", function () {
    var first = showMore();
    if (first) first.querySelector("a").focus();
  });

  input.value = new URLSearchParams(location.search).get("q") || "";
  run();
})();
