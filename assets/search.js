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
  function digits(s) {
    var out = [], v = 0;
    for (var i = 0; i < s.length; i++) {
      var d = DIGITS.indexOf(s[i]);
      if (d < 32) {
        out.push(v * 32 + d);
        v = 0;
      } else {
        v = v * 32 + d - 32;
      }
    }
    return out;
  }

  // facets returns each measure's category (a list of one) and lead
  // units, as indices into the site's categories and units.
  function facets(index) {
    var n = digits(index.facets), cats = [], units = [];
    for (var i = 0; cats.length < index.count;) {
      cats.push([n[i]]);
      units.push(n.slice(i + 2, i += 2 + n[i + 1]));
    }
    return [cats, units];
  }

  /* Matching and ranking, by a full scan of an index that holds every
     measure (index.measures: title, text). */

  function scan(index, f, names, normalize) {
    var measures = index.measures || []; // none on a site of none
    var entries = measures.map(function (m, d) {
      return {
        title: normalize(m[0]),
        // Units and category rank alike; the space keeps a term from
        // matching across two of them (terms never hold a space).
        meta: normalize(f[1][d].map(function (u) { return names[1][u]; }).concat(names[0][f[0][d][0]]).join(" ")),
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
        entries.forEach(function (e, d) {
          var title = 0, meta = 0;
          for (var k = 0; k < terms.length; k++) {
            var t = terms[k];
            if (numbers[k] === d + 1 || e.title.indexOf(t) >= 0) title++;
            else if (e.meta.indexOf(t) >= 0) meta++;
            else if (e.text.indexOf(t) < 0) return;
          }
          // One number ranks a match: by the terms not in the title,
          // then those not in the meta, then by number.
          keys.push(((terms.length - title) * b + terms.length - meta) * n + d);
        });
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
    var source = index.shards && window.micrositeSearchShards;
    if (index.version !== VERSION || (index.shards && !source)) return unavailable();
    // The folding table's characters to fold come as the distances between
    // their code points, in order (see Pairs.digits in internal/search).
    var c = 0, from = digits(index.fold.from).map(function (n) { return String.fromCodePoint(c += n + 1); });
    var norm = normalizer(from, Array.from(index.fold.to)), normalize = norm.normalize;
    var f = facets(index);
    // The filters: a <select> per facet, with "" for all, then an option
    // for each category or unit of the site, in its order (the index's),
    // its value the slug, its text the name: the names come with the
    // page, not the index.
    var filters = form ? [form.category, form.unit].map(function (select, k) {
      var options = Array.from(select.options), labels = options.map(function (o) { return o.textContent; });
      return { select: select, names: labels.slice(1), facet: f[k], options: options, labels: labels, shown: labels.slice() };
    }) : [];
    var names = filters.length ? filters.map(function (x) { return x.names; }) : [[], []];
    source = source || scan(index, f, names, normalize);

    var generation = 0, settled = Promise.resolve();
    function find(query) {
      var terms = termsOf(normalize, query);
      return terms.length ? source.find(terms) : Promise.resolve([]);
    }

    // For tests and benchmarks: the normalisers, the ranked numbers of a
    // query, and the promise of the page's latest results.
    window.micrositeSearch = {
      normalize: function (s) { return normalize(String(s)); },
      normalizeBySegment: function (s) { return norm.mapped(String(s), [], []); },
      search: function (q) { return find(String(q)).then(function (ds) { return ds.map(function (d) { return d + 1; }); }); },
      settled: function () { return settled; }
    };

    if (!form) return;
    var input = form.q;
    var none = document.getElementById("search-none");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    var words = form.dataset;

    // chosen is the index of the filter's value, or -1 for all.
    function chosen(x) { return x.select.selectedIndex - 1; }

    var all = [], hits = [], terms = [], shown = 0, urlTimer = 0;

    function element(tag, className, text) {
      var el = document.createElement(tag);
      if (className) el.className = className;
      if (text) el.textContent = text;
      return el;
    }

    function marked(parent, s) {
      appendMarked(parent, s, ranges(norm.mapped, s, terms), 0, s.length);
      return parent;
    }

    function item(d, m) {
      var li = element("li", "search-result");
      var a = li.appendChild(element("h2")).appendChild(element("a"));
      var num = d < 9 ? "0" + (d + 1) : String(d + 1);
      a.href = index.page.replace("%s", num);
      a.appendChild(element("span", "search-number", words.number.replace("%s", num)));
      a.appendChild(document.createTextNode(" "));
      marked(a, m[0]);
      var dl = li.appendChild(element("dl", "search-facts"));
      dl.appendChild(element("dt", "", words.category));
      marked(dl.appendChild(element("dd")), names[0][f[0][d][0]]);
      dl.appendChild(element("dt", "", words.units));
      var ul = dl.appendChild(element("dd")).appendChild(element("ul", "units"));
      f[1][d].forEach(function (u) { marked(ul.appendChild(element("li")), names[1][u]); });
      appendSnippet(li.appendChild(element("p", "search-snippet")), m[1], ranges(norm.mapped, m[1], terms));
      return li;
    }

    // show adds the results from shown on, up to STEP of them, once what
    // they show has loaded (to a list emptied first when fresh), and
    // returns the first it added.
    function show(mine, fresh) {
      var part = hits.slice(shown, shown + STEP);
      return Promise.all(part.map(source.measure)).then(function (ms) {
        if (mine !== generation) return null;
        var items = ms.map(function (m, i) { return item(part[i], m); });
        if (fresh) list.textContent = "";
        items.forEach(function (li) { list.appendChild(li); });
        shown += part.length;
        more.hidden = shown >= hits.length;
        return items[0];
      });
    }

    // render keeps, of all results, the hits that pass every filter, shows
    // them, and counts, in each filter's options, how many results each
    // would give with the other filters as they are (an option that would
    // give none is disabled, unless chosen).
    function render(mine) {
      var want = filters.map(chosen), n = filters.length;
      // tallies[k][v]: the results with value v of filter k, and at
      // [names.length] all of them, when the other filters pass.
      var tallies = filters.map(function (x) { return new Int32Array(x.names.length + 1); });
      hits = [];
      for (var i = 0; i < all.length; i++) {
        var d = all[i], fails = 0, failed = -1, k;
        for (k = 0; k < n; k++) {
          if (want[k] >= 0 && filters[k].facet[d].indexOf(want[k]) < 0) {
            fails++;
            failed = k;
          }
        }
        if (!fails) hits.push(d);
        // Counted for filter k when every other filter passes.
        for (k = 0; k < n; k++) {
          if (fails > (failed === k ? 1 : 0)) continue;
          var vs = filters[k].facet[d], t = tallies[k];
          t[t.length - 1]++;
          for (var j = 0; j < vs.length; j++) t[vs[j]]++;
        }
      }
      filters.forEach(function (x, k) {
        x.options.forEach(function (o, i) {
          var c = tallies[k][i ? i - 1 : x.names.length];
          var text = x.labels[i] + (terms.length ? words.optionCount.replace("%d", c) : "");
          // Only what changed: each option rewritten is laid out anew.
          if (x.shown[i] !== text) o.textContent = x.shown[i] = text;
          var off = terms.length > 0 && c === 0 && !o.selected;
          if (o.disabled !== off) o.disabled = off;
        });
      });
      shown = 0;
      return show(mine, true).then(function () {
        if (mine !== generation) return;
        var names = filters.filter(function (x) { return chosen(x) >= 0; }).map(function (x) { return x.names[chosen(x)]; });
        status.textContent = terms.length ? (hits.length ? words.count.replace("%d", hits.length) : words.none) +
          (names.length ? words.filtered.replace("%s", names.join(words.separator)) : "") : "";
        none.hidden = !terms.length || hits.length > 0;
        // The edition switch (繁體 | 简体) leads to this search in the
        // other script.
        switches.forEach(function (a) { a.setAttribute("href", a.dataset.page + query()); });
      });
    }

    // update shows the results again, searching anew unless only the
    // filters changed.
    function update(again) {
      var mine = ++generation;
      if (again) terms = termsOf(normalize, input.value);
      settled = (again ? find(input.value) : Promise.resolve(all)).then(function (found) {
        if (mine !== generation) return;
        all = found;
        return render(mine);
      }).catch(failed(mine));
    }

    function failed(mine) {
      return function () {
        if (mine === generation) status.textContent = words.unavailable;
      };
    }

    // query is the query and the filters as an address's query string, so
    // that a search can be bookmarked and shared.
    function query() {
      var p = input.value.trim() ? ["q=" + encodeURIComponent(input.value)] : [];
      filters.forEach(function (x) { if (chosen(x) >= 0) p.push(x.select.name + "=" + encodeURIComponent(x.select.value)); });
      return p.length ? "?" + p.join("&") : "";
    }

    var switches = Array.from(document.querySelectorAll(".editions a"));
    switches.forEach(function (a) { a.dataset.page = a.getAttribute("href"); });

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
      update(true);
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
      update(true);
      updateURL();
    });
    filters.forEach(function (x) {
      x.select.addEventListener("change", function () {
        update(false);
        updateURL();
      });
    });
    more.addEventListener("click", function () {
      settled = show(generation, false).then(function (first) {
        if (first) first.querySelector("a").focus();
      }).catch(failed(generation));
    });

    var given = new URLSearchParams(location.search);
    input.value = given.get("q") || "";
    filters.forEach(function (x) {
      x.select.value = given.get(x.select.name) || "";
      if (x.select.selectedIndex < 0) x.select.selectedIndex = 0; // no such value
    });
    update(true);
  }
})();
