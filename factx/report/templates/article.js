// Optional: the page works without it. When a panel link targets a highlight that was split
// into pieces (it crossed another fact), outline every piece, not only the first.
(function () {
  "use strict";
  function mark() {
    document.querySelectorAll("mark.fx-targeted").forEach(function (el) { el.classList.remove("fx-targeted"); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) { return; }
    document.querySelectorAll("mark.fx").forEach(function (el) {
      if (el.getAttribute("data-m") === id) { el.classList.add("fx-targeted"); }
    });
  }
  window.addEventListener("hashchange", mark);
  mark();
})();
