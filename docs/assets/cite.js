// "Copy" beside each citation: puts the citation text, exactly as shown, on the clipboard.
document.addEventListener("click", function (event) {
  var button = event.target.closest("button.cite-copy");
  if (!button) return;
  var code = button.parentElement.querySelector("pre code");
  navigator.clipboard.writeText(code.textContent).then(function () {
    button.textContent = "Copied";
  });
});
