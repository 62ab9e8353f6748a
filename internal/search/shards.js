/* The reader of a sharded page index (see page.go and postings.go), which
   PageFiles puts in search-index.js after the manifest when it writes
   shards. It sets window.micrositeSearchShards, which assets/search.js
   searches with: find(terms), the ranked matches, and measure(d), what a
   result shows; both load the shards they need, once, with classic
   <script> elements, which browsers allow on file:// (unlike fetch() and
   modules). search-index.js loads async, before the page is laid out, so
   it also starts loading what the query in the address needs at once. */
(function () {
  "use strict";

  var TITLE = 1, META = 2; // a term's rank in a measure: where it occurs first; 3 for the text
  // Decoded lists kept for the next queries, as a visitor refines one:
  // ranks take a byte a measure, positions up to 12 bytes a character.
  var KEEP = { k: 64, p: 8 };

  var index = window.micrositeSearchIndex, shards = index.shards, count = index.count;

  // reader reads digits: see internal/search/encode.go (and search.js).
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

  var waiting = {}, loaded = {};

  // Each shard is a script that calls this with its name and data.
  window.micrositeSearchShard = function (name, data) {
    var w = waiting[name];
    if (w) {
      delete waiting[name];
      w(data);
    }
  };

  function load(name) {
    if (!loaded[name]) {
      loaded[name] = new Promise(function (resolve, reject) {
        waiting[name] = resolve;
        var s = document.createElement("script");
        s.src = shards.dir + name + ".js";
        s.onload = s.onerror = function () {
          s.remove();
          if (waiting[name]) {
            // Not there, or not a shard: try again next time.
            delete waiting[name];
            delete loaded[name];
            reject(new Error("search: cannot load " + s.src));
          }
        };
        document.head.appendChild(s);
      });
    }
    return loaded[name];
  }

  // bucket is which of n shards holds key: see bucket in encode.go.
  function bucket(key, n) {
    var h = 2166136261;
    for (var i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
    return h % n;
  }

  // kept returns what decode makes of key's list in the shards of kind
  // ("k" or "p"), decoding it once for the last KEEP[kind] keys.
  var caches = { k: new Map(), p: new Map() };
  function kept(kind, key, decode) {
    var cache = caches[kind], hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    hit = load(kind + bucket(key, kind === "k" ? shards.keys : shards.positions)).then(function (data) {
      return decode(data[key] || "");
    });
    cache.set(key, hit);
    if (cache.size > KEEP[kind]) cache.delete(cache.keys().next().value);
    hit.catch(function () { cache.delete(key); });
    return hit;
  }

  // ranks returns, for a key's list, each measure's rank (0: absent).
  function ranks(key) {
    return kept("k", key, function (s) {
      var out = new Uint8Array(count);
      for (var r = reader(s), d = -1; r.more();) {
        var head = r.next();
        d += (head >> 3) + 1;
        out[d] = head & 1 ? TITLE : head & 2 ? META : 3;
      }
      return out;
    });
  }

  // positions returns a pair's list with positions: the measures holding
  // it (docs), and for the i-th of them, vals[from[i]] to vals[from[i+1]],
  // its positions as field << 24 | position, in order.
  function positions(pair) {
    return kept("p", pair, function (s) {
      // Every number takes a character at least.
      var docs = new Int32Array(s.length), from = new Int32Array(s.length + 1), vals = new Int32Array(s.length);
      var n = 0, v = 0;
      for (var r = reader(s), d = -1; r.more(); n++) {
        var head = r.next();
        d += (head >> 3) + 1;
        docs[n] = d;
        from[n] = v;
        for (var f = 0; f < 3; f++) {
          if (!(head & (1 << f))) continue;
          for (var k = r.next() + 1, p = -1; k > 0; k--) vals[v++] = f << 24 | (p += r.next() + 1);
        }
      }
      from[n] = v;
      return { n: n, docs: docs, from: from, vals: vals };
    });
  }

  // phrase returns each measure's rank for a term of three characters or
  // more: where the pairs that cover it, at offsets, occur at the right
  // distances from one another.
  function phrase(lists, offsets) {
    var out = new Uint8Array(count), first = lists[0], at = new Int32Array(lists.length);
    for (var e = 0; e < first.n; e++) {
      var d = first.docs[e], j, l, ok = true;
      // The lists are in number order: walk them side by side.
      for (j = 1; j < lists.length && ok; j++) {
        l = lists[j];
        while (at[j] < l.n && l.docs[at[j]] < d) at[j]++;
        ok = at[j] < l.n && l.docs[at[j]] === d;
      }
      // The first match in field order is the best rank.
      for (var a = first.from[e]; ok && a < first.from[e + 1] && !out[d]; a++) {
        var all = true;
        for (j = 1; j < lists.length && all; j++) {
          l = lists[j];
          var want = first.vals[a] + offsets[j], b = l.from[at[j]], end = l.from[at[j] + 1];
          while (b < end && l.vals[b] < want) b++;
          all = b < end && l.vals[b] === want;
        }
        if (all) out[d] = (first.vals[a] >> 24) + 1;
      }
    }
    return out;
  }

  // term returns each measure's rank for one normalised term: a term of
  // one or two characters is its key's list; a longer one is found with
  // the pairs that cover it, at 0, 2, 4… and the last two characters.
  function term(t) {
    var chars = Array.from(t), found;
    if (chars.length <= 2) {
      found = ranks(t);
    } else {
      var offsets = [];
      for (var o = 0; o + 2 < chars.length; o += 2) offsets.push(o);
      offsets.push(chars.length - 2);
      found = Promise.all(offsets.map(function (o) { return positions(chars[o] + chars[o + 1]); })).then(function (lists) {
        return phrase(lists, offsets);
      });
    }
    // A term that is a measure's number ranks it as a title match.
    var n = /^[0-9]+$/.test(t) ? parseInt(t, 10) : 0;
    return n >= 1 && n <= count ? found.then(function (r) {
      r = r.slice();
      r[n - 1] = TITLE;
      return r;
    }) : found;
  }

  var last = { key: null, found: null }; // the last find: the address's query is found twice
  var engine = window.micrositeSearchShards = {
    // find returns the measures holding every term, best first: more
    // terms in the title first, then more in the lead units or category,
    // then by number.
    find: function (terms) {
      var key = terms.join(" ");
      if (key === last.key) return last.found;
      last.key = key;
      last.found = Promise.all(terms.map(term)).then(function (per) {
        // Ranked by one number each, sorted natively: by the terms not
        // in the title, then those not in the meta, then by number.
        var B = per.length + 1, keys = new Float64Array(count), n = 0;
        for (var d = 0; d < count; d++) {
          var title = 0, meta = 0, k = 0;
          for (; k < per.length; k++) {
            var r = per[k][d];
            if (!r) break;
            if (r === TITLE) title++;
            else if (r === META) meta++;
          }
          if (k === per.length) keys[n++] = ((per.length - title) * B + per.length - meta) * count + d;
        }
        keys = keys.subarray(0, n).sort();
        var out = new Array(n);
        for (var i = 0; i < n; i++) out[i] = keys[i] % count;
        return out;
      });
      last.found.catch(function () {
        if (last.key === key) last.key = null; // try again next time
      });
      return last.found;
    },
    // measure returns measure d's title and text.
    measure: function (d) {
      return load("m" + Math.floor(d / shards.chunk)).then(function (chunk) { return chunk[d % shards.chunk]; });
    }
  };

  // Load what the address's query needs, and the first results' titles
  // and texts when no filter is chosen, now. The query is normalised as
  // search.js does but for exotic text (combining marks, characters
  // outside the BMP), where a guess costs a shard more, never a result;
  // nothing here may keep search.js from starting.
  try {
    var q = new URLSearchParams(location.search), fold = new Map(), from = reader(index.fold.from), to = Array.from(index.fold.to);
    for (var c = 0, k = 0; from.more(); k++) fold.set(String.fromCodePoint(c += from.next() + 1), to[k]);
    var terms = (q.get("q") || "").normalize("NFKC").toLowerCase().replace(/./gu, function (ch) { return fold.get(ch) || ch; }).split(/\s+/).filter(Boolean);
    if (terms.length) {
      engine.find(terms).then(function (ds) {
        if (!q.get("category") && !q.get("unit")) {
          ds.slice(0, 20).forEach(function (d) { engine.measure(d).catch(function () {}); });
        }
      }).catch(function () {});
    }
  } catch (e) {
    // search.js searches all the same.
  }
})();
