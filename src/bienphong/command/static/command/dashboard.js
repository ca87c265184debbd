// Draw each chart from the JSON the server put next to it; toggle its data table.
(function () {
  "use strict";
  const palette = ["#1f6f43", "#c0392b", "#2e86c1", "#d68910", "#7d3c98", "#17a589", "#839192", "#a04000"];
  function draw() {
    if (!window.Chart) { return; }
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      const source = document.getElementById(canvas.dataset.chart);
      if (!source || canvas.dataset.drawn) { return; }
      const spec = JSON.parse(source.textContent);
      const round = spec.type === "doughnut";
      const datasets = spec.datasets.map(function (d, i) {
        return Object.assign({}, d, {
          backgroundColor: round ? palette : palette[i % palette.length],
          borderColor: round ? "#fff" : palette[i % palette.length],
          tension: 0.3,
        });
      });
      new window.Chart(canvas, {
        type: spec.type,
        data: { labels: spec.labels, datasets: datasets },
        options: { animation: false, maintainAspectRatio: false, responsive: true },
      });
      canvas.dataset.drawn = "1";
    });
  }
  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-table-toggle]");
    if (!button) { return; }
    const table = document.getElementById(button.dataset.tableToggle);
    const open = button.getAttribute("aria-expanded") === "true";
    table.hidden = open;
    button.setAttribute("aria-expanded", open ? "false" : "true");
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
