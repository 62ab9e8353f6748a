/* The reader of a sharded page index (see page.go and postings.go), which
   PageFiles appends to search-index.js when it writes shards. It defines
   window.micrositeSearchShards(index, reader), which assets/search.js calls
   with the index and its reader of digits, and which returns the search's
   source: find(terms), the ranked matches, and measure(d), what a result
   shows; both load the shards they need, once, with classic <script>
   elements, which browsers allow on file:// (unlike fetch() and modules). */
(function () {
  "use strict";

  var TITLE = 1, META = 2, TEXT = 3; // a term's rank in a measure: where it occurs first

  window.micrositeSearchShards = function (index, reader) {
    var shards = index.shards, count = index.count;
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

    // ranks returns, for the key's list, each measure's rank (0: absent).
    // Nothing decoded is kept: the shards' strings are far smaller.
    function ranks(key) {
      return load("k" + bucket(key, shards.keys)).then(function (data) {
        var out = new Uint8Array(count);
        if (!data[key]) return out;
        for (var r = reader(data[key]), d = -1; r.more();) {
          var head = r.next();
          d += (head >> 3) + 1;
          out[d] = head & 1 ? TITLE : head & 2 ? META : TEXT;
        }
        return out;
      });
    }

    // positions returns a pair's list with positions: the measures holding
    // it (docs), and for the i-th of them, vals[from[i]] to vals[from[i+1]],
    // its positions as field << 24 | position, in order.
    function positions(pair) {
      return load("p" + bucket(pair, shards.positions)).then(function (data) {
        var s = data[pair] || "";
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

    // phrase returns each measure's rank for a term of three characters
    // or more: where the pairs that cover it, at offsets, occur at the
    // right distances from one another.
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
      if (/^[0-9]+$/.test(t)) {
        var n = parseInt(t, 10);
        if (n >= 1 && n <= count) found = found.then(function (r) { r[n - 1] = TITLE; return r; });
      }
      return found;
    }

    return {
      // find returns the measures holding every term, best first: more
      // terms in the title first, then more in the lead units or category,
      // then by number.
      find: function (terms) {
        return Promise.all(terms.map(term)).then(function (per) {
          var hits = [];
          for (var d = 0; d < count; d++) {
            var title = 0, meta = 0, k = 0;
            for (; k < per.length; k++) {
              var r = per[k][d];
              if (!r) break;
              if (r === TITLE) title++;
              else if (r === META) meta++;
            }
            if (k === per.length) hits.push({ d: d, title: title, meta: meta });
          }
          return hits.sort(function (a, b) { return b.title - a.title || b.meta - a.meta || a.d - b.d; });
        });
      },
      // measure returns measure d's title and text.
      measure: function (d) {
        return load("m" + Math.floor(d / shards.chunk)).then(function (chunk) { return chunk[d % shards.chunk]; });
      }
    };
  };
})();
