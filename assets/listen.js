// 聽全文: reads the page's text aloud with the browser's own speech
// synthesis (speechSynthesis), in a Chinese voice the reader's system
// has: Cantonese where it offers one, else Mandarin. Nothing is loaded: it
// works from file:// and offline. Where the browser has no speech, or no
// Chinese voice, no button appears.
//
// The layout gives the words in data-listen, data-pause and data-stop of
// .page-tools. 聽全文 is a toggle (aria-pressed: reading); while it reads,
// 暫停 (aria-pressed: paused) and 停止 appear beside it; Escape stops too.
//
// The text is read in short pieces, one utterance each, split after a
// sentence or clause: Chromium cuts an utterance off after about fifteen
// seconds, and a piece also lets the reader pause between sentences.
(function () {
  "use strict";
  var bar = document.querySelector("[data-listen]");
  var synth = window.speechSynthesis;
  if (!bar || !synth || typeof window.SpeechSynthesisUtterance !== "function") {
    return;
  }
  var MAX = 60; // characters a piece: about fifteen seconds of Chinese speech

  // Cantonese first (the city's own speech), then Mandarin, then any
  // Chinese voice: the first the system has.
  var PREFERRED = [/^yue/i, /^zh[-_]HK/i, /^zh[-_]CN/i, /^zh[-_]TW/i, /^(zh|cmn)\b/i];
  function voice() {
    var voices = synth.getVoices() || [];
    for (var i = 0; i < PREFERRED.length; i++) {
      for (var j = 0; j < voices.length; j++) {
        if (PREFERRED[i].test(voices[j].lang)) {
          return voices[j];
        }
      }
    }
    return null;
  }

  // The text to read: the page's article (or its main) without the tools.
  function text() {
    var root = bar.closest("article") || document.querySelector("main");
    var parts = [];
    for (var el = root.firstElementChild; el; el = el.nextElementSibling) {
      if (!el.contains(bar)) {
        parts.push(el.innerText);
      }
    }
    return parts.join("\n");
  }

  // pieces splits text after sentences and clauses into pieces of at most
  // MAX characters, a longer clause at MAX. A line that ends without a
  // stop (a heading, a label) gets one, so that the voice pauses there.
  function pieces(s) {
    var out = [];
    var cur = "";
    var lines = s.split(/\s*\n\s*/);
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i].replace(/\s+/g, " ").trim();
      if (line && !STOP.test(line)) {
        line += "。";
      }
      var clauses = line.match(CLAUSE) || [];
      for (var j = 0; j < clauses.length; j++) {
        var c = clauses[j];
        if (cur && cur.length + c.length > MAX) {
          out.push(cur);
          cur = "";
        }
        for (cur += c; cur.length > MAX; cur = cur.slice(MAX)) {
          out.push(cur.slice(0, MAX));
        }
      }
    }
    if (cur) {
      out.push(cur);
    }
    return out;
  }
  var STOP = /[。！？；：，、!?;:,]$/;
  var CLAUSE = /[^。！？；：，、!?;:,]+[。！？；：，、!?;:,]*/g;

  function button(word) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = bar.getAttribute(word);
    b.setAttribute("aria-pressed", "false");
    return b;
  }
  var listen = button("data-listen");
  var pause = button("data-pause");
  var stop = button("data-stop");
  stop.removeAttribute("aria-pressed");
  listen.className = "listen-button";
  pause.hidden = stop.hidden = true;

  var session = 0; // counts readings, so that a stopped one's events are ignored
  var queue = [];

  function show(reading, paused) {
    listen.setAttribute("aria-pressed", String(reading));
    pause.setAttribute("aria-pressed", String(paused));
    pause.hidden = stop.hidden = !reading;
  }

  function next(id, v) {
    if (id !== session) {
      return;
    }
    if (!queue.length) {
      end();
      return;
    }
    var u = new SpeechSynthesisUtterance(queue.shift());
    u.voice = v;
    u.lang = v.lang;
    u.onend = function () {
      next(id, v);
    };
    u.onerror = function (e) {
      // "interrupted" and "canceled" are our own stop.
      if (e.error !== "interrupted" && e.error !== "canceled") {
        end();
      }
    };
    synth.speak(u);
  }

  function start() {
    var v = voice();
    if (!v) {
      return;
    }
    synth.cancel();
    session++;
    queue = pieces(text());
    show(true, false);
    next(session, v);
  }

  function end() {
    var focused = document.activeElement === pause || document.activeElement === stop;
    session++;
    queue = [];
    synth.cancel();
    show(false, false);
    if (focused) {
      listen.focus();
    }
  }

  listen.addEventListener("click", function () {
    if (listen.getAttribute("aria-pressed") === "true") {
      end();
    } else {
      start();
    }
  });
  pause.addEventListener("click", function () {
    if (pause.getAttribute("aria-pressed") === "true") {
      synth.resume();
      show(true, false);
    } else {
      synth.pause();
      show(true, true);
    }
  });
  stop.addEventListener("click", end);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && listen.getAttribute("aria-pressed") === "true") {
      end();
    }
  });
  // Leaving the page stops the voice, which would otherwise read on.
  window.addEventListener("pagehide", function () {
    if (listen.getAttribute("aria-pressed") === "true") {
      end();
    }
  });

  // Voices may arrive after the page loads (Chromium lists them late).
  function offer() {
    if (voice() && !listen.parentNode) {
      bar.insertBefore(stop, bar.firstChild);
      bar.insertBefore(pause, stop);
      bar.insertBefore(listen, pause);
    }
  }
  offer();
  if (synth.addEventListener) {
    synth.addEventListener("voiceschanged", offer);
  }
})();
