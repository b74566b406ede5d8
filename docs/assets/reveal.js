// Figures tables, a page's list of sources and "why they may differ" are folded (<details>). A link
// into one (a footnote marker, a latest figure's "in the table", a row's own address in a citation)
// opens the folds around its target first, so that it shows.
(function () {
  function reveal() {
    var id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (malformed) {
      return;  // an address no anchor of ours can have
    }
    var target = id ? document.getElementById(id) : null;
    var opened = false;
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS" && !node.open) {
        node.open = true;
        opened = true;
      }
    }
    if (opened) target.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);
  // Printing needs no script (site.css unfolds on paper); this covers browsers without ::details-content.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.figure-table, details.sources-fold, details.why-differ").forEach(function (fold) {
      fold.open = true;
    });
  });
  reveal();
})();
