extension Pages {
    /// `/assets/race.js`: the optimizer race (Instrument M8.2) on any scenario: the server's map with the paths drawn
    /// over it, STEP / AUTO / RESET and a scrubber, per-racer controls, noise, the live scoreboard, the pointer's
    /// (x, y, f) and each racer's state. The whole state is in the URL.
    static let raceScript = #"""
"use strict";
(() => {
  const { api, g, fixed, short, showError, clearErrors, download, el, debounce } = optrace;
  const $ = (id) => document.getElementById(id);
  const SPEEDS = [5, 15, 30, 60, 120, 240];
  const MAX_RACERS = 16;

  // ---- state: the base scenario, what the page changed, and the view ----
  const params = new URLSearchParams(location.search);
  const pathName = decodeURIComponent(location.pathname.replace(/^\/race\/?/, ""));
  const state = {
    scenario: pathName || null,
    yaml: pathName ? null : params.get("yaml"),
    spec: null,              // steps, noise, racers as the scenario writes them
    step: Number(params.get("step") || 0),
    speed: Number(params.get("speed") || 30),
    playing: false,
  };
  const initialChanges = {};
  if (params.has("steps")) initialChanges.steps = Number(params.get("steps"));
  for (const key of ["sigma", "batch", "seed"]) {
    if (params.has(key)) { initialChanges.noise = initialChanges.noise || {}; initialChanges.noise[key] = parseValue(params.get(key)); }
  }
  if (params.has("racers")) { try { initialChanges.racers = JSON.parse(params.get("racers")); } catch (e) { /* shown below */ } }

  let catalog = null;      // optimizers and their parameters
  let race = null;         // the last answer of /api/race
  let map = null;          // the last answer of /api/surface
  let surfaceF = null;     // f(x, y) in JavaScript, for the pointer
  let pointer = null;      // the pointer's place on the plot, in data units
  let requestNumber = 0;

  function parseValue(text) {
    if (text === null) return null;
    const parts = String(text).split(",").map((s) => s.trim()).filter((s) => s !== "");
    const numbers = parts.map(Number);
    if (parts.length === 2 && numbers.every(Number.isFinite)) return numbers;
    if (parts.length === 1 && Number.isFinite(numbers[0])) return numbers[0];
    return text;
  }

  function baseBody() {
    return state.scenario ? { scenario: state.scenario } : { yaml: state.yaml || "" };
  }

  /** The request for the current state: the base and everything the page may change. */
  function body() {
    const b = baseBody();
    if (state.spec) {
      b.steps = state.spec.steps;
      if (state.spec.noise) b.noise = state.spec.noise;
      b.racers = state.spec.racers;
    }
    return b;
  }

  function writeURL() {
    const q = new URLSearchParams();
    if (!state.scenario) q.set("yaml", state.yaml || "");
    if (state.spec) {
      q.set("steps", state.spec.steps);
      const noise = state.spec.noise || {};
      if (noise.sigma !== undefined) q.set("sigma", Array.isArray(noise.sigma) ? noise.sigma.join(",") : noise.sigma);
      if (noise.batch !== undefined) q.set("batch", noise.batch);
      if (noise.seed !== undefined) q.set("seed", noise.seed);
      q.set("racers", JSON.stringify(state.spec.racers));
    }
    q.set("step", state.step);
    if (state.speed !== 30) q.set("speed", state.speed);
    history.replaceState(null, "", location.pathname + "?" + q.toString());
  }

  // ---- the race, recomputed on the server after every change ----
  async function recompute() {
    const number = ++requestNumber;
    try {
      const answer = await api("/api/race", body());
      if (number !== requestNumber) return;
      clearErrors();
      show(answer);
    } catch (e) {
      if (number === requestNumber) showError(e.message, e.field);
    }
  }
  const recomputeSoon = debounce(recompute, 120);

  /** Takes a race answer as the page's state and draws everything (the step kept, within the new race). */
  function show(answer) {
    race = answer;
    state.spec = answer.spec;
    state.step = Math.min(Math.max(0, state.step), race.steps);
    surfaceF = compile(race.javascript);
    renderHeader();
    renderRacers();
    renderNoise();
    $("scrubber").max = race.steps;
    writeURL();
    draw();
  }

  function compile(source) {
    try { return new Function("x", "y", '"use strict"; return ' + source + ";"); } catch (e) { return null; }
  }

  async function loadMap() {
    const ratio = Math.min(2, Math.max(1, Math.round(window.devicePixelRatio || 1)));
    map = await api("/api/surface?width=800&height=600&scale=" + ratio, baseBody());
    const img = $("map");
    img.src = map.image;
    img.style.width = map.width / ratio + "px";
    img.style.height = map.height / ratio + "px";
    const canvas = $("paths");
    canvas.width = map.width;
    canvas.height = map.height;
    canvas.style.width = map.width / ratio + "px";
    canvas.style.height = map.height / ratio + "px";
    map.ratio = ratio;
  }

  // ---- drawing ----
  function toPixel(x, y) {
    const p = map.plot;
    return [p.x + (x - map.x[0]) / (map.x[1] - map.x[0]) * p.width, p.y + (map.y[1] - y) / (map.y[1] - map.y[0]) * p.height];
  }
  function toData(px, py) {
    const p = map.plot;
    return [map.x[0] + (px - p.x) / p.width * (map.x[1] - map.x[0]), map.y[1] - (py - p.y) / p.height * (map.y[1] - map.y[0])];
  }

  const DASHES = { solid: [], dashed: [7, 7], dotted: [0.1, 6], dashdot: [9, 5, 0.1, 5] };

  function draw() {
    if (!race || !map) return;
    const canvas = $("paths");
    const c = canvas.getContext("2d");
    const k = map.ratio;
    c.clearRect(0, 0, canvas.width, canvas.height);
    c.save();
    c.beginPath();
    c.rect(map.plot.x, map.plot.y, map.plot.width, map.plot.height);
    c.clip();
    c.lineJoin = "round";
    c.lineCap = "round";
    for (const r of race.racers) {
      const last = Math.min(state.step, r.x.length - 1);
      c.beginPath();
      let open = false;
      for (let t = 0; t <= last; t++) {
        if (r.x[t] === null || r.y[t] === null) { open = false; continue; }
        const [px, py] = toPixel(r.x[t], r.y[t]);
        if (Math.abs(px) > 1e6 || Math.abs(py) > 1e6) { open = false; continue; }
        if (open) c.lineTo(px, py); else c.moveTo(px, py);
        open = true;
      }
      c.setLineDash((DASHES[r.dash] || []).map((v) => v * k));
      c.strokeStyle = "rgba(255,255,255,0.75)";
      c.lineWidth = 4.2 * k;
      c.stroke();
      c.strokeStyle = r.color;
      c.lineWidth = 2.2 * k;
      c.stroke();
      c.setLineDash([]);
    }
    // The start ring(s), then each racer's marker at the current step (a cross once diverged).
    const starts = new Set();
    for (const r of race.racers) {
      const key = r.start.join(",");
      if (starts.has(key)) continue;
      starts.add(key);
      const [sx, sy] = toPixel(r.start[0], r.start[1]);
      c.beginPath(); c.arc(sx, sy, 6 * k, 0, 2 * Math.PI);
      c.strokeStyle = "#ffffff"; c.lineWidth = 2 * k; c.stroke();
    }
    for (const r of race.racers) {
      const t = lastFinite(r, state.step);
      if (r.x[t] === null) continue;
      const [px, py] = toPixel(r.x[t], r.y[t]);
      const diverged = r.diverged_at_step !== null && r.diverged_at_step <= state.step;
      if (diverged) {
        c.strokeStyle = "#333"; c.lineWidth = 2.4 * k;
        c.beginPath(); c.moveTo(px - 5 * k, py - 5 * k); c.lineTo(px + 5 * k, py + 5 * k);
        c.moveTo(px + 5 * k, py - 5 * k); c.lineTo(px - 5 * k, py + 5 * k); c.stroke();
      } else {
        c.beginPath(); c.arc(px, py, 5 * k, 0, 2 * Math.PI);
        c.fillStyle = r.color; c.fill();
        c.strokeStyle = "#ffffff"; c.lineWidth = 1.6 * k; c.stroke();
      }
    }
    c.restore();
    $("step-value").textContent = state.step;
    $("scrubber").value = state.step;
    renderScoreboard();
    renderHover();
  }

  // ---- the scoreboard, by the command line's rules ----
  /** The last step ≤ `step` whose position and loss are finite (Scoreboard's rule). */
  function lastFinite(r, step) {
    let t = Math.min(step, r.x.length - 1);
    while (t > 0 && (r.x[t] === null || r.y[t] === null || r.loss[t] === null)) t--;
    return t;
  }

  function standings(step) {
    const rows = race.racers.map((r) => {
      const diverged = r.diverged_at_step !== null && r.diverged_at_step <= step;
      const t = lastFinite(r, step);
      const loss = diverged ? null : r.loss[t];
      const status = diverged ? "diverged at step " + r.diverged_at_step : (step < race.steps ? "running" : "finished");
      const below = r.first_step_below_threshold !== null && r.first_step_below_threshold <= step ? r.first_step_below_threshold : null;
      return { racer: r, loss, status, below, x: r.x[t], y: r.y[t] };
    });
    for (const row of rows) {
      row.rank = row.loss === null ? null : 1 + rows.filter((o) => o.loss !== null && o.loss < row.loss).length;
    }
    return rows;
  }

  function renderScoreboard() {
    const rows = standings(state.step);
    const tbody = $("board").querySelector("tbody");
    tbody.replaceChildren(...rows.map((row) => el("tr", { "data-racer": row.racer.name },
      el("td", { class: "num rank" }, row.rank === null ? "—" : row.rank),
      el("td", {}, el("span", { class: "swatch", style: "background:" + row.racer.color }), row.racer.name),
      el("td", { class: "num loss" }, row.loss === null ? "—" : g(row.loss, 4)),
      el("td", { class: "status" }, row.status),
      el("td", { class: "num" }, row.below === null ? "—" : row.below))));
    $("threshold-head").textContent = "first < " + g(race.threshold, 3);
    $("compact").textContent = "step " + state.step + "   " +
      rows.map((row) => row.racer.name + " " + (row.loss === null ? "diverged" : fixed(row.loss, 2))).join(" · ");
  }

  function renderHover() {
    const lines = [];
    if (pointer) {
      const f = surfaceF ? surfaceF(pointer[0], pointer[1]) : NaN;
      lines.push("x " + g(pointer[0], 5) + "   y " + g(pointer[1], 5) + "   f " + g(f, 5));
    } else {
      lines.push("point at the map for (x, y, f)");
    }
    lines.push("at step " + state.step + ":");
    for (const r of race.racers) {
      const t = lastFinite(r, state.step);
      let line = r.name.padEnd(12) + " θ (" + g(r.x[t], 4) + ", " + g(r.y[t], 4) + ")  f " + g(r.loss[t], 4);
      const nx = r.nx || (r.noisy ? race.noise_steps.x : null), ny = r.ny || (r.noisy ? race.noise_steps.y : null);
      if (t > 0 && r.gx.length > t) line += "  g (" + g(r.gx[t], 3) + ", " + g(r.gy[t], 3) + ")" + (nx ? "  ξ (" + g(nx[t], 3) + ", " + g(ny[t], 3) + ")" : "  no noise");
      if (r.diverged_at_step !== null && r.diverged_at_step <= state.step) line += "  diverged: " + r.reason;
      lines.push(line);
    }
    $("hover").textContent = lines.join("\n");
  }

  // ---- controls ----
  function renderHeader() {
    $("title").textContent = race.title;
    $("kicker").textContent = "Optimizer race · " + (state.scenario || "your scenario");
    $("formula").textContent = "f(x, y) = " + race.formula + "   ·   " + race.noise.text;
    $("summary").textContent = race.summary || "";
    document.title = race.title + " · optrace";
    $("tune-link").href = "/tune/" + (state.scenario || "") + location.search;
  }

  function renderNoise() {
    const noise = (state.spec && state.spec.noise) || {};
    $("steps").value = state.spec.steps;
    $("sigma").value = noise.sigma === undefined ? "" : (Array.isArray(noise.sigma) ? noise.sigma.join(", ") : noise.sigma);
    $("batch").value = noise.batch === undefined ? "" : noise.batch;
    $("seed").value = noise.seed === undefined ? "" : noise.seed;
  }

  function changeNoise(key, value) {
    state.spec.noise = Object.assign({}, state.spec.noise || {});
    if (value === "" || value === null) delete state.spec.noise[key]; else state.spec.noise[key] = value;
    recomputeSoon();
  }

  function definition(name) {
    return catalog.optimizers.find((o) => o.name === name);
  }

  const KEPT = ["name", "optimizer", "lr", "schedule", "clip_norm", "clip_value", "noisy", "color", "dash", "start"];

  function renderRacers() {
    const list = $("racers");
    list.replaceChildren(...state.spec.racers.map((spec, i) => racerCard(spec, i, race.racers[i])));
    $("add-racer").disabled = state.spec.racers.length >= MAX_RACERS;
  }

  function racerCard(spec, i, result) {
    const path = "racers[" + i + "]";
    const def = definition(spec.optimizer) || { parameters: [] };
    const update = (key, value) => {
      const copy = Object.assign({}, state.spec.racers[i]);
      if (value === undefined || value === "" || value === null) delete copy[key]; else copy[key] = value;
      state.spec.racers[i] = copy;
      recomputeSoon();
    };
    const nameInput = el("input", { value: spec.name, size: 12, "aria-label": "racer name",
      onchange: (e) => update("name", e.target.value) });
    const select = el("select", { "aria-label": "optimizer", onchange: (e) => {
      const next = definition(e.target.value);
      const copy = {};
      for (const key of Object.keys(state.spec.racers[i])) {
        if (KEPT.includes(key) || next.parameters.some((p) => p.name === key || (p.components || []).includes(key))) copy[key] = state.spec.racers[i][key];
      }
      copy.optimizer = e.target.value;
      state.spec.racers[i] = copy;
      recompute();
    } }, catalog.optimizers.map((o) => el("option", { value: o.name, selected: o.name === spec.optimizer }, o.name)));
    const remove = el("button", { title: "remove this racer", onclick: () => { state.spec.racers.splice(i, 1); recompute(); } }, "✕");
    const grid = el("div", { class: "params" });
    const lrParam = def.parameters.find((p) => p.name === "lr");
    const lr = typeof spec.lr === "number" ? spec.lr : (lrParam ? lrParam.default : 0.01);
    const lrValue = el("input", { type: "number", step: "any", value: lr, "data-control": path + ".lr",
      onchange: (e) => update("lr", Number(e.target.value)) });
    const lrSlider = el("input", { type: "range", min: -4, max: 1, step: 0.01, value: Math.log10(lr), "aria-label": "learning rate (log)",
      "data-control": path + ".lr-slider",
      oninput: (e) => { const v = Number(Math.pow(10, Number(e.target.value)).toPrecision(3)); lrValue.value = v; update("lr", v); } });
    grid.append(el("label", {}, "η (lr)"), el("span", {}, lrSlider, " ", lrValue));
    for (const p of def.parameters) {
      if (p.name === "lr") continue;
      const given = spec[p.name];
      if (p.kind === "number") {
        grid.append(el("label", { title: p.summary }, p.symbol + " (" + p.name + ")"),
          el("input", { type: "number", step: "any", value: given ?? "", placeholder: short(p.default), "data-control": path + "." + p.name,
            onchange: (e) => update(p.name, e.target.value === "" ? undefined : Number(e.target.value)) }));
      } else if (p.kind === "pair") {
        const pair = Array.isArray(given) ? given : null;
        const inputs = [0, 1].map((k) => el("input", { type: "number", step: "any", value: pair ? pair[k] : "", placeholder: short(p.default[k]),
          "data-control": path + "." + p.name + "." + k,
          onchange: () => {
            const a = inputs[0].value, b = inputs[1].value;
            update(p.name, a === "" && b === "" ? undefined : [Number(a === "" ? p.default[0] : a), Number(b === "" ? p.default[1] : b)]);
          } }));
        grid.append(el("label", { title: p.summary }, p.symbol + " (" + p.name + ")"), el("span", {}, inputs[0], " ", inputs[1]));
      } else if (p.kind === "flag") {
        grid.append(el("label", { title: p.summary }, p.symbol + " (" + p.name + ")"),
          el("input", { type: "checkbox", checked: given === undefined ? p.default : given,
            onchange: (e) => update(p.name, e.target.checked === p.default && given === undefined ? undefined : e.target.checked) }));
      } else if (p.kind === "choice") {
        grid.append(el("label", { title: p.summary }, p.name),
          el("select", { onchange: (e) => update(p.name, e.target.value) },
            p.choices.map((w) => el("option", { value: w, selected: (given ?? p.default) === w }, w))));
      }
    }
    if (spec.schedule !== undefined) {
      grid.append(el("label", {}, "schedule"), el("input", { value: JSON.stringify(spec.schedule), size: 34, "data-control": path + ".schedule",
        onchange: (e) => { try { update("schedule", e.target.value === "" ? undefined : JSON.parse(e.target.value)); } catch (x) { showError("schedule: expected JSON such as {\"type\": \"cosine\"}", path + ".schedule"); } } }));
    }
    for (const key of ["clip_norm", "clip_value"]) {
      if (spec[key] === undefined && !(key === "clip_norm" && spec.clip_value === undefined)) continue;
      grid.append(el("label", {}, key), el("input", { type: "number", step: "any", value: spec[key] ?? "", placeholder: "none",
        onchange: (e) => update(key, e.target.value === "" ? undefined : Number(e.target.value)) }));
    }
    const status = result ? (result.diverged_at_step !== null ? "diverged at step " + result.diverged_at_step + ": " + result.reason : result.label) : "";
    return el("div", { class: "racer", style: "border-left-color:" + (result ? result.color : "#ccc"), "data-racer-index": i },
      el("div", { class: "head" }, nameInput, select, remove),
      grid,
      el("div", { class: "error", "data-error-for": path }),
      el("div", { class: "kicker", style: "margin-top:4px;text-transform:none;letter-spacing:0" }, status));
  }

  // ---- playing ----
  let lastFrame = 0;
  let carried = 0;
  function play() {
    if (state.step >= race.steps) state.step = 0;
    state.playing = true;
    $("auto").textContent = "❚❚ PAUSE";
    lastFrame = performance.now();
    carried = 0;
    requestAnimationFrame(tick);
  }
  function pause() {
    state.playing = false;
    $("auto").textContent = "▶ AUTO";
    writeURL();
  }
  function tick(now) {
    if (!state.playing) return;
    carried += (now - lastFrame) / 1000 * state.speed;
    lastFrame = now;
    const whole = Math.floor(carried);
    if (whole > 0) {
      carried -= whole;
      state.step = Math.min(race.steps, state.step + whole);
      draw();
    }
    if (state.step >= race.steps) { pause(); return; }
    requestAnimationFrame(tick);
  }

  function bind() {
    $("auto").addEventListener("click", () => (state.playing ? pause() : play()));
    $("step").addEventListener("click", () => { pause(); state.step = Math.min(race.steps, state.step + 1); draw(); writeURL(); });
    $("reset").addEventListener("click", () => { pause(); state.step = 0; draw(); writeURL(); });
    $("scrubber").addEventListener("input", (e) => { pause(); state.step = Number(e.target.value); draw(); writeURL(); });
    const speed = $("speed");
    speed.replaceChildren(...SPEEDS.map((s) => el("option", { value: s, selected: s === state.speed }, s + " steps/s")));
    speed.addEventListener("change", (e) => { state.speed = Number(e.target.value); writeURL(); });
    $("steps").addEventListener("change", (e) => { state.spec.steps = Number(e.target.value); recompute(); });
    $("sigma").addEventListener("change", (e) => changeNoise("sigma", parseValue(e.target.value)));
    $("batch").addEventListener("change", (e) => changeNoise("batch", e.target.value === "" ? null : Number(e.target.value)));
    $("seed").addEventListener("change", (e) => changeNoise("seed", e.target.value === "" ? null : Number(e.target.value)));
    $("add-racer").addEventListener("click", () => {
      const n = state.spec.racers.length + 1;
      state.spec.racers.push({ name: "Racer " + n, optimizer: "adam", lr: 0.1 });
      recompute();
    });
    const canvas = $("paths");
    canvas.addEventListener("mousemove", (e) => {
      const box = canvas.getBoundingClientRect();
      const px = (e.clientX - box.left) * map.ratio, py = (e.clientY - box.top) * map.ratio;
      const p = map.plot;
      pointer = px >= p.x && px <= p.x + p.width && py >= p.y && py <= p.y + p.height ? toData(px, py) : null;
      renderHover();
    });
    canvas.addEventListener("mouseleave", () => { pointer = null; renderHover(); });
    for (const file of ["scenario.yaml", "trajectory.csv", "scoreboard.json", "race.apng", "race.gif", "race.webp", "summary.png"]) {
      $("downloads").append(el("button", { onclick: async (e) => {
        const button = e.target;
        button.disabled = true;
        try {
          const name = file === "scenario.yaml" ? (race.name + ".yaml") : file;
          await download("/api/race/file/" + file, body(), name);
        } catch (x) { showError(x.message, x.field); }
        button.disabled = false;
      } }, file));
    }
  }

  async function start() {
    bind();
    try {
      catalog = await api("/api/catalog");
      const first = Object.assign(baseBody(), initialChanges);
      if (initialChanges.noise) {
        // Noise keys from the link are merged into the scenario's own noise by a first plain request.
        const plain = await api("/api/race", baseBody());
        first.noise = Object.assign({}, plain.spec.noise || {}, initialChanges.noise);
      }
      const answer = await api("/api/race", first);
      await loadMap();
      show(answer);
      document.body.dataset.ready = "true";
    } catch (e) {
      showError(e.message, e.field);
      document.body.dataset.ready = "error";
    }
  }

  start();
})();
"""#
}
