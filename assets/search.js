/* Search for search.html. It matches the visitor's words against the index
   that search-index.js assigned to window.micrositeSearchIndex — a classic
   script, so that it loads from file:// as well as over http — and lists the
   results as they type, narrowed by category and lead unit, with counts.

   A small site's index holds every measure, and is searched here, by a
   full scan. A large one's is a manifest: search-index.js then also defines
   window.micrositeSearchShards (internal/search/shards.js), which loads
   only the shards a query needs; both give the same results.

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
  var VERSION = 2;      // of search-index.js: search.PageVersion

  /* Normalisation — see Fold.Normalize in internal/search/normalize.go. */

  var spaces = /[\t\n\v\f\r \x85\u1680\u2028\u2029]+/g;

  function isSpace(c) {
    return (c >= 9 && c <= 13) || c === 32 || c === 0x85 || c === 0x1680 || c === 0x2028 || c === 0x2029;
  }

  // normalizer returns two functions over the folding table (from[i]
  // folds to to[i], each a character):
  // normalize(s), s as search compares it, done with the browser's native
  // string functions because it runs over the whole index at load; and
  // mapped(s, starts, ends), the same one segment (a code point and the
  // combining marks after it) at a time, which also records for each UTF-16
  // unit of its result the [start, end) of the segment of s it came from, to
  // highlight matches in s. The two agree on all but exotic text (Hangul
  // jamo that compose, a final Σ); there only the highlight can miss.
  function normalizer(from, to) {
    var table = new Map();
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

  /* Digits: lists of numbers, one or a few characters each (see
     internal/search/encode.go). */

  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var digitValue = new Uint8Array(128);
  for (var i = 0; i < 64; i++) digitValue[DIGITS.charCodeAt(i)] = i;
  function reader(s) {
    var i = 0;
    return {
      more: function () { return i < s.length; },
      next: function () {
        for (var v = 0, d; (d = digitValue[s.charCodeAt(i++)]) >= 32;) v = v * 32 + d - 32;
        return v * 32 + d;
      }
    };
  }

  // facets returns, for each measure d, its category (facets[0]) and its
  // lead units (facets[1]): list[from[d]] to list[from[d+1]], indices into
  // index.categories and index.units.
  function facets(index) {
    var r = reader(index.facets), n = index.count;
    var cats = { from: new Int32Array(n + 1), list: new Int32Array(n) };
    var units = { from: new Int32Array(n + 1), list: new Int32Array(index.facets.length) };
    for (var d = 0, u = 0; d < n; d++) {
      cats.from[d + 1] = d + 1;
      cats.list[d] = r.next();
      units.from[d] = u;
      for (var k = r.next(); k > 0; k--) units.list[u++] = r.next();
    }
    units.from[n] = u;
    return [cats, units];
  }

  // names returns the names of measure d's values of facet x.
  function names(x, d, all) {
    return Array.prototype.slice.call(x.list, x.from[d], x.from[d + 1]).map(function (v) { return all[v]; });
  }

  /* Matching and ranking, by a full scan of an index that holds every
     measure (index.measures: title, text). */

  function scan(index, f, normalize) {
    var measures = index.measures || []; // none on a site of none
    var entries = measures.map(function (m, d) {
      return {
        title: normalize(m[0]),
        // Units and category rank alike; the space keeps a term from
        // matching across two of them (terms never hold a space).
        meta: normalize(names(f[1], d, index.units).concat(names(f[0], d, index.categories)).join(" ")),
        text: normalize(m[1])
      };
    });
    return {
      // find returns the measures holding every term (their indices),
      // best first: more terms in the title (or equal to the number)
      // first, then more in the lead units or category, then by number.
      find: function (terms) {
        var numbers = terms.map(function (t) { return /^[0-9]+$/.test(t) ? parseInt(t, 10) : -1; });
        var n = entries.length, b = terms.length + 1, keys = [];
        for (var d = 0; d < n; d++) {
          var e = entries[d], title = 0, meta = 0, all = true;
          for (var k = 0; k < terms.length; k++) {
            var t = terms[k];
            if (numbers[k] === d + 1 || e.title.indexOf(t) >= 0) title++;
            else if (e.meta.indexOf(t) >= 0) meta++;
            else if (e.text.indexOf(t) < 0) { all = false; break; }
          }
          // One number ranks a match: by the terms not in the title,
          // then those not in the meta, then by number.
          if (all) keys.push(((terms.length - title) * b + terms.length - meta) * n + d);
        }
        return Promise.resolve(keys.sort(function (x, y) { return x - y; }).map(function (key) { return key % n; }));
      },
      measure: function (d) { return Promise.resolve(measures[d]); }
    };
  }

  function termsOf(normalize, query) {
    var q = normalize(query);
    return q ? q.split(" ") : [];
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

  /* The page. search-index.js loads async, so that a large site's shards
     load while the page is laid out: it may run before or after this. */

  var form = document.getElementById("search");
  var status = document.getElementById("search-status");
  function unavailable() {
    if (form && status) status.textContent = form.dataset.unavailable;
  }
  if (window.micrositeSearchIndex) {
    start();
  } else {
    window.micrositeSearchStart = start; // search-index.js calls it
    window.addEventListener("load", function () {
      if (!window.micrositeSearchIndex) unavailable();
    });
  }

  function start() {
    var index = window.micrositeSearchIndex;
    var source = index.shards ? window.micrositeSearchShards : null;
    if (index.version !== VERSION || (index.shards && !source)) {
      unavailable();
      return;
    }
    // The folding table's characters to fold come as the distances between
    // their code points, in order (see internal/search/page.go).
    var from = [], r = reader(index.fold.from);
    for (var c = 0; r.more();) from.push(String.fromCodePoint(c += r.next() + 1));
    var norm = normalizer(from, Array.from(index.fold.to)), normalize = norm.normalize;
    var f = facets(index);
    source = source || scan(index, f, normalize);

    var generation = 0, settled = Promise.resolve();

    // For tests and benchmarks: the normalisers, the ranked numbers of a
    // query, and the promise of the page's latest results.
    window.micrositeSearch = {
      normalize: function (s) { return normalize(String(s)); },
      normalizeBySegment: function (s) { return norm.mapped(String(s), [], []); },
      search: function (q) {
        var terms = termsOf(normalize, String(q));
        return (terms.length ? source.find(terms) : Promise.resolve([])).then(function (hits) {
          return hits.map(function (d) { return d + 1; });
        });
      },
      settled: function () { return settled; }
    };

    if (!form) return;
    var input = document.getElementById("search-q");
    var none = document.getElementById("search-none");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    var words = form.dataset;

    // The filters: one <select> per facet, with "" for all, then an option
    // for each of index.categories or index.units, in their order (the
    // layout lists the site's), its value the slug.
    var filters = [
      { select: document.getElementById("search-category"), param: "category", names: index.categories, facet: f[0] },
      { select: document.getElementById("search-unit"), param: "unit", names: index.units, facet: f[1] }
    ].filter(function (x) { return x.select; });
    filters.forEach(function (x) {
      x.slugs = Array.prototype.map.call(x.select.options, function (o) {
        o.dataset.name = o.textContent;
        return o.value;
      }).slice(1);
    });
    function chosen(x) { return x.slugs.indexOf(x.select.value); }

    var all = [], hits = [], terms = [], shown = 0, urlTimer = 0;

    function element(tag, className, text) {
      var el = document.createElement(tag);
      if (className) el.className = className;
      if (text) el.textContent = text;
      return el;
    }

    function item(d, m) {
      var title = m[0], text = m[1];
      var li = element("li", "search-result");
      var h = li.appendChild(element("h2"));
      var a = h.appendChild(element("a"));
      var num = d < 9 ? "0" + (d + 1) : String(d + 1);
      a.href = index.page.replace("%s", num);
      a.appendChild(element("span", "search-number", words.number.replace("%s", num)));
      a.appendChild(document.createTextNode(" "));
      appendMarked(a, title, ranges(norm.mapped, title, terms), 0, title.length);

      function marked(parent, s) { appendMarked(parent, s, ranges(norm.mapped, s, terms), 0, s.length); }
      var dl = li.appendChild(element("dl", "search-facts"));
      dl.appendChild(element("dt", "", words.category));
      marked(dl.appendChild(element("dd")), names(f[0], d, index.categories)[0]);
      dl.appendChild(element("dt", "", words.units));
      var ul = dl.appendChild(element("dd")).appendChild(element("ul", "units"));
      names(f[1], d, index.units).forEach(function (name) { marked(ul.appendChild(element("li")), name); });

      appendSnippet(li.appendChild(element("p", "search-snippet")), text, ranges(norm.mapped, text, terms));
      return li;
    }

    // show adds the results from shown on, up to STEP of them, once what
    // they show has loaded (to a list emptied first when fresh), and returns
    // the first it added.
    function show(mine, fresh) {
      var part = hits.slice(shown, shown + STEP);
      return Promise.all(part.map(source.measure)).then(function (ms) {
        if (mine !== generation) return null;
        var frag = document.createDocumentFragment();
        ms.forEach(function (m, i) { frag.appendChild(item(part[i], m)); });
        var first = frag.firstChild;
        if (fresh) list.textContent = "";
        list.appendChild(frag);
        shown += part.length;
        more.hidden = shown >= hits.length;
        return first;
      });
    }

    // holds reports whether measure d has value v of facet x.
    function holds(x, d, v) {
      for (var i = x.from[d]; i < x.from[d + 1]; i++) if (x.list[i] === v) return true;
      return false;
    }

    // narrow keeps, of all results, the hits that pass every filter, and
    // counts, for each filter's options, how many results each would give
    // with the other filters as they are.
    function narrow() {
      var want = filters.map(chosen), every = (1 << filters.length) - 1;
      var tallies = filters.map(function (x) { return { n: new Int32Array(x.names.length), total: 0 }; });
      hits = [];
      all.forEach(function (d) {
        var pass = 0, k;
        for (k = 0; k < filters.length; k++) if (want[k] < 0 || holds(filters[k].facet, d, want[k])) pass |= 1 << k;
        if (pass === every) hits.push(d);
        for (k = 0; k < filters.length; k++) {
          if ((pass | (1 << k)) !== every) continue;
          var x = filters[k].facet;
          tallies[k].total++;
          for (var i = x.from[d]; i < x.from[d + 1]; i++) tallies[k].n[x.list[i]]++;
        }
      });
      // The options show the counts; one that would give no result is
      // disabled, unless it is chosen.
      filters.forEach(function (x, k) {
        Array.prototype.forEach.call(x.select.options, function (o) {
          var v = x.slugs.indexOf(o.value), c = v < 0 ? tallies[k].total : tallies[k].n[v];
          o.textContent = o.dataset.name + (terms.length ? words.optionCount.replace("%d", c) : "");
          o.disabled = terms.length > 0 && c === 0 && !o.selected;
        });
      });
    }

    // render shows the results of all that pass the filters.
    function render(mine) {
      narrow();
      shown = 0;
      return show(mine, true).then(function () {
        if (mine !== generation) return;
        var chosenNames = filters.filter(function (x) { return chosen(x) >= 0; }).map(function (x) { return x.names[chosen(x)]; });
        var narrowed = chosenNames.length ? words.filtered.replace("%s", chosenNames.join(words.separator)) : "";
        status.textContent = !terms.length ? "" : (hits.length ? words.count.replace("%d", hits.length) : words.none) + narrowed;
        none.hidden = !terms.length || hits.length > 0;
        keepQueryInSwitch();
      });
    }

    function failed(mine) {
      return function () {
        if (mine === generation) status.textContent = words.unavailable;
      };
    }

    function run() {
      var mine = ++generation;
      terms = termsOf(normalize, input.value);
      settled = (terms.length ? source.find(terms) : Promise.resolve([])).then(function (found) {
        if (mine !== generation) return;
        all = found;
        return render(mine);
      }).catch(failed(mine));
      return settled;
    }

    function filtered() {
      var mine = ++generation;
      settled = render(mine).catch(failed(mine));
      updateURL();
    }

    // query is the query and the filters as an address's query string, so
    // that a search can be bookmarked and shared.
    function query() {
      var p = input.value.trim() ? ["q=" + encodeURIComponent(input.value)] : [];
      filters.forEach(function (x) { if (chosen(x) >= 0) p.push(x.param + "=" + encodeURIComponent(x.select.value)); });
      return p.length ? "?" + p.join("&") : "";
    }

    // The edition switch (繁體 | 简体) leads to this search in the other
    // script, with the same query and filters.
    var switches = Array.prototype.slice.call(document.querySelectorAll(".editions a"));
    switches.forEach(function (a) { a.dataset.page = a.getAttribute("href"); });
    function keepQueryInSwitch() {
      switches.forEach(function (a) { a.setAttribute("href", a.dataset.page + query()); });
    }

    // The address is updated once typing pauses (browsers throttle history).
    function updateURL() {
      clearTimeout(urlTimer);
      var url = location.pathname + query() + location.hash;
      if (url === location.pathname + location.search + location.hash) return;
      try {
        history.replaceState(null, "", url);
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
    filters.forEach(function (x) { x.select.addEventListener("change", filtered); });
    more.addEventListener("click", function () {
      settled = show(generation, false).then(function (first) {
        if (first) first.querySelector("a").focus();
      }).catch(failed(generation));
    });

    var given = new URLSearchParams(location.search);
    input.value = given.get("q") || "";
    filters.forEach(function (x) {
      var v = given.get(x.param) || "";
      x.select.value = x.slugs.indexOf(v) >= 0 ? v : "";
    });
    run();
  }
})();
