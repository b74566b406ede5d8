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
  // The citation as shown, twice: plain text, and HTML that keeps the style's italics for a word
  // processor. Its text is the same; only <i> is added, built from text, never parsed from data.
  function copied(code) {
    var html = document.createElement("div");
    code.childNodes.forEach(function (node) {
      if (node.nodeName === "I") html.appendChild(document.createElement("i")).textContent = node.textContent;
      else html.appendChild(document.createTextNode(node.textContent));
    });
    var types = {"text/plain": new Blob([code.textContent], {type: "text/plain"}),
                 "text/html": new Blob([html.innerHTML], {type: "text/html"})};
    return window.ClipboardItem ? navigator.clipboard.write([new ClipboardItem(types)])
                                : navigator.clipboard.writeText(code.textContent);
  }
  // The page's own words for what this script writes (page_footer.html.j2, #cite-words), each with
  // {name} where a value goes; the values are set as text like everything else here.
  function word(name, values) {
    var words = document.getElementById("cite-words");
    var text = words ? words.dataset[name] || "" : "";
    return text.replace(/\{(\w+)\}/g, function (whole, key) { return key in values ? values[key] : whole; });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.cite-copy");
    if (!button) return;
    var block = button.closest(".cite-format");
    var code = block.querySelector("pre code");
    fill(block);
    copied(code).then(function () {
      button.textContent = word("copied", {});
    });
  });

  // A table row's "Cite" link: the formats of every row of the page are in one file beside it
  // (nkexports/hooks/figure_citations.py), fetched the first time a reader asks for one, and shown
  // in a dialog with the same markup as a fact's citation. Without this script the link leads to
  // "Cite this page" and the page's citation files. Text is set as text, never parsed as HTML.
  var rows = null;
  function rowCitations() {
    if (!rows) {
      rows = fetch("figure-citations.json").then(function (response) {
        if (!response.ok) throw new Error("figure-citations.json: " + response.status);
        return response.json();
      });
    }
    return rows;
  }
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
  // `text` as text nodes, the first occurrence of each italic part in an <i>: as Format.runs does.
  function appendRuns(code, text, italic) {
    var runs = [[text, false]];
    italic.forEach(function (part) {
      for (var i = 0; i < runs.length; i++) {
        var at = runs[i][1] || !part ? -1 : runs[i][0].indexOf(part);
        if (at < 0) continue;
        var run = runs[i][0];
        var pieces = [[run.slice(0, at), false], [part, true], [run.slice(at + part.length), false]];
        runs.splice.apply(runs, [i, 1].concat(pieces.filter(function (p) { return p[0]; })));
        break;
      }
    });
    runs.forEach(function (run) {
      code.appendChild(run[1] ? element("i", "", run[0]) : document.createTextNode(run[0]));
    });
  }
  function formatBlock(format, open) {
    var details = element("details", "cite-format");
    details.open = open;
    details.setAttribute("data-format", format.label);
    details.appendChild(element("summary", "", format.label));
    var code = element("code");
    appendRuns(code, format.before, format.italic || []);
    if (format.pattern) {
      var span = element("span", "cite-accessed", format.placeholder);
      span.setAttribute("data-pattern", format.pattern);
      span.setAttribute("data-months", format.months.join("|"));
      code.appendChild(span);
    }
    appendRuns(code, format.after, format.italic || []);
    details.appendChild(element("pre")).appendChild(code);
    var button = details.appendChild(element("button", "cite-copy", word("copy", {})));
    button.type = "button";
    button.setAttribute("aria-label", word("copyLabel", {style: format.label}));
    return details;
  }
  function dialogFor(row) {
    var dialog = document.querySelector("dialog.cite-dialog");
    if (!dialog) {
      dialog = document.body.appendChild(element("dialog", "cite-dialog md-typeset"));
      dialog.setAttribute("aria-labelledby", "cite-dialog-title");
    }
    dialog.textContent = "";
    var heading = dialog.appendChild(element("p", "cite-dialog-title", word("title", {title: row.title})));
    heading.id = "cite-dialog-title";
    if (row.original) dialog.appendChild(element("p", "cite-original", word("original", {source: row.original})));
    var days = [];
    if (row.days && row.days.added) days.push(word("added", {date: row.days.added}));
    if (row.days && row.days.changed && row.days.changed !== row.days.added) days.push(word("changed", {date: row.days.changed}));
    if (row.days && row.days.verified) days.push(word("verified", {date: row.days.verified}));
    if (days.length) dialog.appendChild(element("p", "cite-days", word("days", {days: days.join("; ")})));
    row.formats.forEach(function (format, index) { dialog.appendChild(formatBlock(format, index === 0)); });
    var close = dialog.appendChild(element("button", "cite-close", word("close", {})));
    close.type = "button";
    close.addEventListener("click", function () { dialog.close(); });
    fill(dialog);
    return dialog;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.cite-row");
    if (!link) return;
    event.preventDefault();
    rowCitations().then(function (all) {
      var row = all[link.getAttribute("data-cite")];
      if (!row) throw new Error("no citation for row " + link.getAttribute("data-cite"));
      dialogFor(row).showModal();
    }).catch(function () {
      window.location.hash = "cite-this-page";
    });
  });
})();
