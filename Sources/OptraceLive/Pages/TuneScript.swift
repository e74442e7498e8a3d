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
  let spec = null, catalog = null, answer = null;

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

  /** Shows the server's picture (the one `optrace tune` draws). */
  function draw() {
    const img = $("plot");
    img.src = answer.picture ? answer.picture.image : "";
    img.style.display = answer.picture ? "block" : "none";
  }

  /** The cell under the pointer, from the picture's cell edges (a sweep: the nearest value). */
  function cellAt(e) {
    if (!answer || !answer.picture) return null;
    const img = $("plot");
    const r = img.getBoundingClientRect();
    const x = (e.clientX - r.left) * img.naturalWidth / r.width, y = (e.clientY - r.top) * img.naturalHeight / r.height;
    const { columns, rows } = answer.picture;
    if (answer.axes.length === 2) {
      const i = columns.findIndex((edge, k) => k + 1 < columns.length && x >= edge && x < columns[k + 1]);
      const j = rows.findIndex((edge, k) => k + 1 < rows.length && y <= edge && y > rows[k + 1]);
      return i < 0 || j < 0 ? null : answer.cells[j * (columns.length - 1) + i];
    }
    if (y > rows[0] || y < rows[1] || x < columns[0] - 20 || x > columns[columns.length - 1] + 20) return null;
    let best = 0;
    columns.forEach((c, k) => { if (Math.abs(c - x) < Math.abs(columns[best] - x)) best = k; });
    return answer.cells[best];
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
      const picture = $("plot");
      picture.addEventListener("mousemove", (e) => { const cell = cellAt(e); $("hover").textContent = cell ? describe(cell) + "   (click: race it)" : ""; });
      picture.addEventListener("click", (e) => { const cell = cellAt(e); if (cell) open(cell); });
      document.body.dataset.ready = "loaded";
    } catch (e) {
      showError(e.message, e.field);
    }
  }
  start();
})();
"""#
}
