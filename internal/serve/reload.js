// Live reload for "microsite serve". The preview server adds this script to
// every page it serves; built sites never contain it. It listens for rebuilds
// and reloads the page when the rebuild changed it (or failed, or recovered).
(function () {
  "use strict";
  var script = document.currentScript;
  var build = Number(script.getAttribute("data-build"));
  var page = script.getAttribute("data-page");
  var here = decodeURIComponent(location.pathname).replace(/^\//, "");
  if (here === "" || here.slice(-1) === "/") {
    here += "index.html";
  }
  var events = new EventSource("/__microsite/events");
  // On (re)connecting: a build this page missed means it may be stale.
  events.addEventListener("hello", function (e) {
    if (JSON.parse(e.data).build !== build) {
      location.reload();
    }
  });
  events.addEventListener("reload", function (e) {
    var msg = JSON.parse(e.data);
    build = msg.build;
    if (msg.paths === null || msg.paths.indexOf(here) >= 0 || msg.paths.indexOf(page) >= 0) {
      location.reload();
    }
  });
})();
