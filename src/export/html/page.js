(function () {
  "use strict";
  var minScore = document.getElementById("min-score");
  var maxRatio = document.getElementById("max-ratio");
  var hideUnmatched = document.getElementById("hide-unmatched");
  var hideDeletions = document.getElementById("hide-deletions");
  var shown = document.getElementById("shown");
  var rows = document.querySelectorAll("tbody tr");
  // A page of translations has no word diffs, and so no controls for them.
  function update() {
    var s = parseFloat(minScore.value);
    var r = maxRatio ? parseFloat(maxRatio.value) : 1;
    document.getElementById("min-score-value").textContent = s.toFixed(2);
    if (maxRatio) {
      document.getElementById("max-ratio-value").textContent = r.toFixed(2);
    }
    var count = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var unmatched = row.classList.contains("unmatched");
      var hide = unmatched
        ? hideUnmatched.checked
        : parseFloat(row.getAttribute("data-score")) < s ||
          parseFloat(row.getAttribute("data-ratio")) > r;
      row.hidden = hide;
      if (!hide) count++;
    }
    shown.textContent = String(count);
    document.body.classList.toggle("no-del", !!hideDeletions && hideDeletions.checked);
  }
  [minScore, maxRatio, hideUnmatched, hideDeletions].forEach(function (input) {
    if (input) {
      input.addEventListener("input", update);
    }
  });
  update();
  document.documentElement.setAttribute("data-ready", "1");
})();
