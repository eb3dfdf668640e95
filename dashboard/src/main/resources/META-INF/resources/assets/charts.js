// Draws each table marked data-chart as a chart, from the table's own cells, so the chart and its data table never
// differ. The chart is a picture of the table beside it (hidden from assistive technology, which reads the table).
(function () {
  "use strict";
  function columns(table) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var labels = rows.map(function (r) { return r.cells[0].textContent.trim(); });
    var series = [];
    var heads = table.tHead.rows[0].cells;
    for (var c = 1; c < heads.length; c++) {
      if (!heads[c].classList.contains("num")) { continue; }
      var values = rows.map(function (r) {
        var v = r.cells[c] && r.cells[c].getAttribute("data-value");
        return v === null || v === undefined ? null : Number(v);
      });
      if (values.some(function (v) { return v !== null; })) {
        series.push({ label: heads[c].textContent.trim(), values: values });
      }
    }
    return { labels: labels, series: series.slice(0, 2) };
  }
  function draw(figure) {
    var table = document.getElementById(figure.getAttribute("data-table"));
    if (!table || !window.uPlot) { return; }
    var data = columns(table);
    if (data.labels.length === 0 || data.series.length === 0) { return; }
    var bars = figure.getAttribute("data-chart") === "bar";
    var colours = ["#1d5fa8", "#b58840"];
    var n = data.labels.length;
    // many periods: the axis numbers them (month or quarter 1, 2 ...), the table beside names them in full
    var tick = function (i) { return n > 6 ? String(i + 1) : (data.labels[i] || ""); };
    var opts = {
      width: Math.max(300, figure.clientWidth || 600),
      height: 300,
      legend: { live: false },
      scales: {
        x: { time: false, range: function () { return [-0.5, n - 0.5]; } },
        y: { range: function (u, min, max) { return [0, max > 0 ? max * 1.1 : 1]; } }
      },
      axes: [{ splits: function () { return data.labels.map(function (_, i) { return i; }); },
               values: function (u, ticks) { return ticks.map(function (i) { return Number.isInteger(i) ? tick(i) : ""; }); } }, {}],
      series: [{ label: "" }].concat(data.series.map(function (s, i) {
        var serie = { label: s.label, stroke: colours[i], width: 2, fill: bars ? colours[i] + "99" : undefined };
        if (bars && uPlot.paths && uPlot.paths.bars) {
          serie.paths = uPlot.paths.bars({ size: [0.6 / data.series.length, 60], align: i === 0 ? -1 : 1 });
          serie.points = { show: false };
        }
        return serie;
      }))
    };
    var x = data.labels.map(function (_, i) { return i; });
    new uPlot(opts, [x].concat(data.series.map(function (s) { return s.values; })), figure);
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("figure[data-chart]"), draw);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
