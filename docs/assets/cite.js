// Citations: the access date is the day of reading, which the build cannot know. Each span
// .cite-accessed holds a placeholder until this script writes today's date in the pattern its
// format uses ({day}, {day2}, {month}, {year}; data-months names the months, split by "|"); "Copy" writes it again, then copies the citation
// exactly as shown.
(function () {
  function written(span, day) {
    var months = span.getAttribute("data-months").split("|");
    var d = day.getDate();
    return span.getAttribute("data-pattern")
      .replace("{year}", String(day.getFullYear()))
      .replace("{month}", months[day.getMonth()])
      .replace("{day2}", (d < 10 ? "0" : "") + d)
      .replace("{day}", String(d));
  }
  function fill(root) {
    var today = new Date();
    root.querySelectorAll("span.cite-accessed").forEach(function (span) {
      span.textContent = written(span, today);
    });
  }
  fill(document);
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.cite-copy");
    if (!button) return;
    var block = button.closest(".cite-format");
    var code = block.querySelector("pre code");
    fill(block);
    navigator.clipboard.writeText(code.textContent).then(function () {
      button.textContent = "Copied";
    });
  });
})();
