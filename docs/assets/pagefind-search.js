// The search page of an edition indexed by Pagefind (nkexports/hooks/pagefind_index.py): Pagefind's
// interface in the page's box, in the page's language, with the words it found shown in context.
(function () {
  var box = document.getElementById("pagefind-search");
  if (!box || !window.PagefindUI) return;
  new window.PagefindUI({element: "#pagefind-search", showSubResults: true, showImages: false});
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    var input = box.querySelector("input");
    if (input) {
      input.value = query;
      input.dispatchEvent(new Event("input", {bubbles: true}));
    }
  }
})();
