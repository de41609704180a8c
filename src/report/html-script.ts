/**
 * The script of an HTML report, run in the browser: reads the embedded data (#data) and draws with uPlot, inlined
 * before it. Per one-variable form: value, gradient and bits of error against x on a signed log axis, float32 and
 * float64 overlaid, NaN/inf ranges shaded; per two-variable form: a heatmap of outcomes. window.__fdiagnose records
 * what was drawn (the browser test reads it).
 */
export const REPORT_SCRIPT = String.raw`
(function () {
  var data = JSON.parse(document.getElementById('data').textContent);
  // the data holds each precision's (thinned) sample points once and outcomes as one letter each: back to one record per result
  var OUTCOME = { o: 'ok', i: 'inaccurate', n: 'nan', f: 'inf', u: 'unknown' };
  data.forms.forEach(function (f) {
    f.results = [];
    f.precisions.forEach(function (p) {
      p.targets.forEach(function (t) {
        f.results.push({ precision: p.precision, target: t.target, at: p.at, result: t.result, bits: t.bits, outcome: t.outcome.split('').map(function (c) { return OUTCOME[c]; }) });
      });
    });
  });
  var drawn = { plots: [], heatmaps: [] };
  window.__fdiagnose = drawn;
  function symlog(x, floor) { if (x === 0 || Math.abs(x) < floor) return 0; return Math.sign(x) * (Math.log10(Math.abs(x)) - Math.log10(floor) + 1); }
  function unsymlog(t, floor) { if (t === 0) return 0; return Math.sign(t) * Math.pow(10, Math.abs(t) - 1 + Math.log10(floor)); }
  function short(v) { if (v === 0) return '0'; var a = Math.abs(v); return a >= 1e4 || a < 1e-3 ? v.toExponential(0) : String(+v.toPrecision(2)); }
  function floorOf(xs) { var f = Infinity; xs.forEach(function (x) { if (x !== null && x !== 0 && isFinite(x)) f = Math.min(f, Math.abs(x)); }); return isFinite(f) ? f : 1; }
  var COLORS = { float32: '#d9480f', float64: '#1971c2' };
  var SHADE = { nan: 'rgba(224,49,49,0.18)', inf: 'rgba(250,176,5,0.22)' };
  function bands(u, spans, floor) {
    var ctx = u.ctx;
    spans.forEach(function (s) {
      var x0 = u.valToPos(symlog(s[0], floor), 'x', true), x1 = u.valToPos(symlog(s[1], floor), 'x', true);
      ctx.fillStyle = SHADE[s[2]];
      ctx.fillRect(Math.min(x0, x1) - 1, u.bbox.top, Math.abs(x1 - x0) + 2, u.bbox.height);
    });
  }
  function chart(el, title, floor, series, spans, yLog) {
    var all = [];
    series.forEach(function (s) { s.ys.forEach(function (y) { if (y !== null && isFinite(y)) all.push(y); }); });
    var yFloor = floorOf(all);
    // float32 and float64 sample different points: join them on the union of x, each series null where it has none
    var index = new Map();
    series.forEach(function (s) { s.xs.forEach(function (x) { index.set(x, 0); }); });
    var xs = Array.from(index.keys()).sort(function (a, b) { return a - b; });
    xs.forEach(function (x, i) { index.set(x, i); });
    var cols = [xs.map(function (x) { return symlog(x, floor); })];
    series.forEach(function (s) {
      var col = new Array(xs.length).fill(null);
      s.ys.forEach(function (y, i) { if (y !== null && isFinite(y)) col[index.get(s.xs[i])] = yLog ? symlog(y, yFloor) : y; });
      cols.push(col);
    });
    var opts = {
      title: title, width: Math.min(900, el.clientWidth || 900), height: 240,
      scales: { x: { time: false } },
      axes: [
        { values: function (u, ts) { return ts.map(function (t) { return short(unsymlog(t, floor)); }); } },
        { values: function (u, ts) { return ts.map(function (t) { return yLog ? short(unsymlog(t, yFloor)) : String(t); }); }, size: 60 },
      ],
      series: [{ label: 'x' }].concat(series.map(function (s) { return { label: s.label, stroke: COLORS[s.precision], width: 1.5, dash: s.label.indexOf('grad') >= 0 ? [6, 3] : undefined, points: { show: true, size: 3, fill: COLORS[s.precision] } }; })),
      hooks: { drawClear: [function (u) { bands(u, spans, floor); }] },
    };
    var u = new uPlot(opts, cols, el);
    var points = 0;
    for (var k = 1; k < cols.length; k++) cols[k].forEach(function (y) { if (y !== null) points++; });
    drawn.plots.push({ title: title, points: points, series: series.length });
    return u;
  }
  function spansOf(xs, outcome) {
    var out = [], i = 0;
    while (i < xs.length) {
      var o = outcome[i];
      if (o !== 'nan' && o !== 'inf') { i++; continue; }
      var j = i; while (j + 1 < xs.length && outcome[j + 1] === o) j++;
      out.push([xs[i], xs[j], o]); i = j + 1;
    }
    return out;
  }
  function heatmap(el, title, f) {
    var n = 48, cell = 8, canvas = document.createElement('canvas');
    canvas.width = n * cell; canvas.height = n * cell; el.appendChild(canvas);
    var ctx = canvas.getContext('2d');
    // one frame for every precision (their samples differ): floors and extents over all of them
    var allX = [], allY = [];
    f.results.forEach(function (r) { allX = allX.concat(r.at[f.vars[0]]); allY = allY.concat(r.at[f.vars[1]]); });
    var fx = floorOf(allX), fy = floorOf(allY);
    var tAllX = allX.map(function (x) { return symlog(x, fx); }), tAllY = allY.map(function (y) { return symlog(y, fy); });
    var lo = [Math.min.apply(null, tAllX), Math.min.apply(null, tAllY)], hi = [Math.max.apply(null, tAllX), Math.max.apply(null, tAllY)];
    var RANK = { ok: 0, unknown: 1, inaccurate: 2, inf: 3, nan: 4 }, COLOR = ['#d3f9d8', '#e9ecef', '#ffe066', '#ffa94d', '#e03131'];
    var grid = [];
    f.results.forEach(function (res) {
      var tx = res.at[f.vars[0]].map(function (x) { return symlog(x, fx); }), ty = res.at[f.vars[1]].map(function (y) { return symlog(y, fy); });
      res.outcome.forEach(function (o, i) {
        var cx = Math.min(n - 1, Math.floor((tx[i] - lo[0]) / ((hi[0] - lo[0]) || 1) * n));
        var cy = Math.min(n - 1, Math.floor((ty[i] - lo[1]) / ((hi[1] - lo[1]) || 1) * n));
        var k = cy * n + cx; grid[k] = Math.max(grid[k] === undefined ? 0 : grid[k], RANK[o]);
      });
    });
    var cells = 0;
    grid.forEach(function (v, k) { if (v === undefined) return; cells++; ctx.fillStyle = COLOR[v]; ctx.fillRect((k % n) * cell, (n - 1 - Math.floor(k / n)) * cell, cell, cell); });
    drawn.heatmaps.push({ title: title, cells: cells });
  }
  data.forms.forEach(function (f, fi) {
    var host = document.getElementById('plots-' + fi);
    if (!host) return;
    if (f.vars.length === 1) {
      var v = f.vars[0];
      [['value', function (t) { return t === 'value'; }, true], ['gradient', function (t) { return t !== 'value'; }, true]].forEach(function (kind) {
        var rs = f.results.filter(function (r) { return kind[1](r.target); });
        if (!rs.length) return;
        var floor = floorOf([].concat.apply([], rs.map(function (r) { return r.at[v]; }))), spans = [];
        rs.forEach(function (r) { spans = spans.concat(spansOf(r.at[v], r.outcome)); });
        var el = document.createElement('div'); host.appendChild(el);
        chart(el, f.name + ': ' + kind[0] + ' (signed log scale; shaded: NaN red, inf orange)', floor, rs.map(function (r) { return { label: r.precision + ' ' + r.target, precision: r.precision, xs: r.at[v], ys: r.result }; }), spans, true);
      });
      var el = document.createElement('div'); host.appendChild(el);
      var floorAll = floorOf([].concat.apply([], f.results.map(function (r) { return r.at[v]; })));
      chart(el, f.name + ': bits of error', floorAll, f.results.map(function (r) { return { label: r.precision + ' ' + r.target, precision: r.precision, xs: r.at[v], ys: r.bits }; }), [], false);
    } else if (f.vars.length === 2) {
      var hm = document.createElement('div'); host.appendChild(hm);
      heatmap(hm, f.name, f);
    }
  });
  drawn.done = true;
})();
`;
