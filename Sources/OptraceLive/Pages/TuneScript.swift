extension Pages {
    /// `/assets/tune.js`: a small sweep run on the server, drawn as a heatmap (two parameters) or a curve (one), with
    /// the value under the pointer; clicking a configuration opens the race with it.
    static let tuneScript = #"""
"use strict";
(() => {
  const { api, g, short, showError, clearErrors, el } = optrace;
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const name = decodeURIComponent(location.pathname.replace(/^\/tune\/?/, ""));
  const base = name ? { scenario: name } : { yaml: params.get("yaml") || "" };
  const changes = {};
  if (params.has("steps")) changes.steps = Number(params.get("steps"));
  if (params.has("racers")) { try { changes.racers = JSON.parse(params.get("racers")); } catch (e) { /* the scenario's own */ } }
  let spec = null, catalog = null, answer = null, layout = null;

  function axisText(i) {
    const p = $("p" + i + "-name").value;
    if (!p) return null;
    return p + "=" + $("p" + i + "-lo").value + ":" + $("p" + i + "-hi").value + ":" + ($("p" + i + "-scale").value ? $("p" + i + "-scale").value + ":" : "") + $("p" + i + "-n").value;
  }

  function racerSpec() { return spec.racers.find((r) => r.name === $("racer").value) || spec.racers[0]; }

  function fillParameters() {
    const r = racerSpec();
    const def = catalog.optimizers.find((o) => o.name === r.optimizer);
    const names = [];
    for (const p of def.parameters) {
      if (p.kind === "number") names.push(p.name);
      if (p.kind === "pair") names.push(...(p.components || []));
    }
    for (const i of [1, 2]) {
      const select = $("p" + i + "-name");
      const keep = select.value;
      select.replaceChildren(...(i === 2 ? [el("option", { value: "" }, "(none)")] : []), ...names.map((n) => el("option", { value: n }, n)));
      if (names.includes(keep)) select.value = keep;
    }
    if (!$("p1-name").value) $("p1-name").value = "lr";
    const lr = typeof r.lr === "number" ? r.lr : 0.01;
    if (!$("p1-lo").value) { $("p1-lo").value = Number((lr / 30).toPrecision(2)); $("p1-hi").value = Number((lr * 10).toPrecision(2)); }
  }

  async function run() {
    clearErrors();
    const axes = [axisText(1), axisText(2)].filter(Boolean);
    const body = Object.assign({}, base, changes, { racer: $("racer").value, params: axes, seeds: Number($("seeds").value) });
    $("run").disabled = true;
    $("status").textContent = "running…";
    try {
      answer = await api("/api/tune", body);
      draw();
      const best = answer.best;
      $("status").textContent = best
        ? "best: " + answer.axes.map((a) => a.name + " = " + g(best[a.name], 4)).join(", ") + "   " + best.objective + " " + g(best.value, 4)
        : "every configuration diverged";
      if (answer.window) $("status").textContent += "   usable " + answer.window.param + " window " + g(answer.window.low, 3) + " … " + g(answer.window.high, 3);
      document.body.dataset.ready = "true";
    } catch (e) {
      showError(e.message, e.field);
      $("status").textContent = "";
    }
    $("run").disabled = false;
  }

  function colour(t) {
    const map = catalog.colormap;
    return map[Math.max(0, Math.min(map.length - 1, Math.round(t * (map.length - 1))))];
  }

  function draw() {
    const canvas = $("plot");
    const c = canvas.getContext("2d");
    const W = canvas.width, H = canvas.height;
    c.clearRect(0, 0, W, H);
    c.fillStyle = "#fff"; c.fillRect(0, 0, W, H);
    const box = { x: 80, y: 20, w: W - 110, h: H - 70 };
    const values = answer.cells.map((cell) => cell.mean);
    const finite = values.filter((v) => v !== null && v > 0);
    const lo = Math.log10(Math.min(...finite)), hi = Math.log10(Math.max(...finite));
    const norm = (v) => (hi > lo ? (Math.log10(v) - lo) / (hi - lo) : 0.5);
    c.font = "12px DejaVu Sans, sans-serif";
    c.fillStyle = "#1d2430";
    const ax = answer.axes;
    if (ax.length === 2) {
      const nx = ax[0].values.length, ny = ax[1].values.length;
      layout = { box, nx, ny };
      answer.cells.forEach((cell, k) => {
        const i = k % nx, j = Math.floor(k / nx);
        c.fillStyle = cell.mean === null || cell.mean <= 0 ? "#d0d0d0" : colour(norm(cell.mean));
        c.fillRect(box.x + i * box.w / nx, box.y + box.h - (j + 1) * box.h / ny, Math.ceil(box.w / nx), Math.ceil(box.h / ny));
      });
      c.fillStyle = "#1d2430";
      c.fillText(ax[0].name + (ax[0].scale === "linear" ? "" : " (" + ax[0].scale + ")"), box.x + box.w / 2 - 30, H - 12);
      c.save(); c.translate(18, box.y + box.h / 2 + 30); c.rotate(-Math.PI / 2); c.fillText(ax[1].name, 0, 0); c.restore();
      for (const t of [0, nx - 1]) c.fillText(g(ax[0].values[t], 3), box.x + (t + 0.5) * box.w / nx - 14, box.y + box.h + 16);
      for (const t of [0, ny - 1]) c.fillText(g(ax[1].values[t], 3), 34, box.y + box.h - (t + 0.5) * box.h / ny + 4);
    } else {
      const n = ax[0].values.length;
      layout = { box, nx: n, ny: 1 };
      const xs = ax[0].values, logX = ax[0].scale === "log";
      const fx = (v) => (logX ? Math.log10(v) : v);
      const x0 = fx(xs[0]), x1 = fx(xs[n - 1]);
      const px = (v) => box.x + (fx(v) - x0) / (x1 - x0 || 1) * box.w;
      const py = (v) => box.y + box.h - norm(v) * box.h;
      c.strokeStyle = "#d9dde4"; c.strokeRect(box.x, box.y, box.w, box.h);
      c.strokeStyle = "#2e6bd1"; c.lineWidth = 2; c.beginPath();
      let open = false;
      answer.cells.forEach((cell, i) => {
        if (cell.mean === null || cell.mean <= 0) { open = false; return; }
        if (open) c.lineTo(px(xs[i]), py(cell.mean)); else c.moveTo(px(xs[i]), py(cell.mean));
        open = true;
      });
      c.stroke();
      answer.cells.forEach((cell, i) => {
        if (cell.mean === null || cell.mean <= 0) { c.fillStyle = "#c0392b"; c.fillText("×", px(xs[i]) - 3, box.y + box.h - 4); }
      });
      c.fillStyle = "#1d2430";
      c.fillText(ax[0].name + (logX ? " (log)" : ""), box.x + box.w / 2 - 20, H - 12);
      c.fillText(g(xs[0], 3), box.x - 10, box.y + box.h + 16);
      c.fillText(g(xs[n - 1], 3), box.x + box.w - 20, box.y + box.h + 16);
      c.fillText(g(Math.pow(10, hi), 3), 8, box.y + 10);
      c.fillText(g(Math.pow(10, lo), 3), 8, box.y + box.h);
    }
  }

  function cellAt(e) {
    if (!answer || !layout) return null;
    const canvas = $("plot");
    const r = canvas.getBoundingClientRect();
    const x = (e.clientX - r.left) * canvas.width / r.width, y = (e.clientY - r.top) * canvas.height / r.height;
    const { box, nx, ny } = layout;
    if (x < box.x || x > box.x + box.w || y < box.y || y > box.y + box.h) return null;
    const i = Math.min(nx - 1, Math.floor((x - box.x) / box.w * nx));
    const j = ny === 1 ? 0 : Math.min(ny - 1, Math.floor((box.y + box.h - y) / box.h * ny));
    return answer.cells[j * nx + i];
  }

  function describe(cell) {
    const names = answer.axes.map((a) => a.name);
    return names.map((n, k) => n + " = " + g(cell.values ? cell.values[k] : cell[n], 4)).join(", ") +
      "   " + (cell.mean === null ? "diverged" : g(cell.mean, 4) + (cell.std ? " ± " + g(cell.std, 2) : "")) +
      (cell.diverged ? "   diverged in " + g(cell.diverged * 100, 3) + "% of seeds" : "");
  }

  function open(cell) {
    const r = Object.assign({}, racerSpec());
    answer.axes.forEach((a, k) => {
      const v = cell.values ? cell.values[k] : cell[a.name];
      const def = catalog.optimizers.find((o) => o.name === r.optimizer);
      const pair = def.parameters.find((p) => (p.components || []).includes(a.name));
      if (pair) {
        const current = Array.isArray(r[pair.name]) ? r[pair.name].slice() : pair.default.slice();
        current[pair.components.indexOf(a.name)] = v;
        r[pair.name] = current;
      } else {
        r[a.name] = v;
      }
    });
    const racers = spec.racers.map((x) => (x.name === r.name ? r : x));
    const q = new URLSearchParams();
    if (!name) q.set("yaml", base.yaml);
    q.set("steps", spec.steps);
    q.set("racers", JSON.stringify(racers));
    location.href = "/race/" + (name || "") + "?" + q.toString();
  }

  async function start() {
    try {
      catalog = await api("/api/catalog");
      const race = await api("/api/race", Object.assign({}, base, changes));
      spec = race.spec;
      $("title").textContent = race.title;
      $("kicker").textContent = "Tuning · " + (name || "your scenario");
      $("racer").replaceChildren(...spec.racers.map((r) => el("option", { value: r.name }, r.name + " (" + r.optimizer + ")")));
      if (params.has("racer")) $("racer").value = params.get("racer");
      $("racer").addEventListener("change", () => { $("p1-lo").value = ""; fillParameters(); });
      fillParameters();
      $("run").addEventListener("click", run);
      const canvas = $("plot");
      canvas.addEventListener("mousemove", (e) => { const cell = cellAt(e); $("hover").textContent = cell ? describe(cell) + "   (click: race it)" : ""; });
      canvas.addEventListener("click", (e) => { const cell = cellAt(e); if (cell) open(cell); });
      document.body.dataset.ready = "loaded";
    } catch (e) {
      showError(e.message, e.field);
    }
  }
  start();
})();
"""#
}
