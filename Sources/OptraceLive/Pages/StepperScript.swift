extension Pages {
    /// `/assets/stepper.js`: the graph stepper (Instrument M8.1): FORWARD fills values node by node with each edge's
    /// local derivative (blue), BACKWARD sweeps ∂L/∂node right to left (mint), one edge at a time.
    static let stepperScript = #"""
"use strict";
(() => {
  const { api, g, fixed, showError, clearErrors, el, debounce } = optrace;
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  const PRESETS = {
    A: { expression: "0.5*(sigmoid(w*x+b)-y)^2", at: { w: 1, x: 2, b: -1.5, y: 1 }, step: ["w", "b"] },
    B: { expression: "0.5*(sigmoid(w*x+b)-y)^2", at: { w: 1, x: 2, b: -1.5, y: 0 }, step: ["w", "b"] },
  };
  const SYMBOLS = { add: "+", sub: "−", mul: "×", div: "÷", pow: "^", neg: "−x", sigmoid: "σ" };

  const params = new URLSearchParams(location.search);
  let question = { expression: PRESETS.A.expression, at: Object.assign({}, PRESETS.A.at), step: PRESETS.A.step.slice(), lr: 1 };
  if (params.has("expression")) question.expression = params.get("expression");
  if (params.has("at")) { try { question.at = JSON.parse(params.get("at")); } catch (e) { /* keep the preset's */ } }
  if (params.has("step")) question.step = params.get("step").split(",").map((s) => s.trim()).filter(Boolean);
  if (params.has("lr")) question.lr = Number(params.get("lr"));

  let answer = null;
  let forward = 0;        // nodes shown so far
  let backward = -1;      // edges swept so far (-1: not started; 0: ∂L/∂L = 1 seeded)
  let adjoints = [];      // the sweep's running sums
  let order = [];         // edges in the sweep's order

  function minus(text) { return text.replace(/^-/, "−"); }
  function four(v) { return v === null ? "—" : minus(fixed(v, 4)); }

  function label(node) {
    const [kind, rest] = node.operation.split(" ");
    if (kind === "input") return rest;
    if (kind === "const") return rest;
    return SYMBOLS[kind] || kind;
  }

  function writeURL() {
    const q = new URLSearchParams();
    q.set("expression", question.expression);
    q.set("at", JSON.stringify(question.at));
    q.set("step", question.step.join(","));
    if (question.lr !== 1) q.set("lr", question.lr);
    history.replaceState(null, "", location.pathname + "?" + q.toString());
  }

  async function load() {
    try {
      const body = { expression: question.expression, at: question.at, lr: question.lr };
      if (question.step.length) body.step = question.step;
      answer = await api("/api/grad", body);
      clearErrors();
      question.at = Object.assign({}, answer.at);
      reset();
      renderInputs();
      writeURL();
      document.body.dataset.ready = "true";
    } catch (e) {
      showError(e.message, e.field);
      document.body.dataset.ready = "error";
    }
  }
  const loadSoon = debounce(load, 150);

  function reset() {
    forward = 0;
    backward = -1;
    adjoints = answer.graph.nodes.map(() => null);
    order = answer.graph.edges.slice().sort((a, b) => b.to - a.to || a.operand - b.operand);
    $("narration").textContent = "Press FORWARD: values fill left to right, with each edge's local derivative.";
    render();
  }

  function renderInputs() {
    $("expression").value = question.expression;
    const box = $("inputs");
    box.replaceChildren(...Object.keys(answer.at).map((name) => el("label", {}, name + " ",
      el("input", { type: "number", step: "any", value: answer.at[name], "data-variable": name,
        onchange: (e) => { question.at[name] = Number(e.target.value); loadSoon(); } }))));
    $("step-names").value = question.step.join(", ");
    $("lr").value = question.lr;
  }

  function geometry() {
    const graph = answer.graph;
    const rows = Math.max(1, ...graph.rows);
    const width = Math.max(760, 190 * graph.columns + 120);
    const height = 120 + 130 * rows;
    const place = (n) => [70 + n.x * (width - 140), 60 + n.y * (height - 120)];
    return { width, height, place };
  }

  function render() {
    const graph = answer.graph;
    const { width, height, place } = geometry();
    const svg = $("graph");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("width", width);
    svg.setAttribute("height", height);
    const make = (tag, attrs, text) => {
      const node = document.createElementNS(SVG, tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const parts = [];
    const W = 116, H = 52;
    const current = backward > 0 ? order[backward - 1] : null;
    for (const edge of graph.edges) {
      const [x1, y1] = place(graph.nodes[edge.from]);
      const [x2, y2] = place(graph.nodes[edge.to]);
      const swept = backward > 0 && order.indexOf(edge) < backward;
      const active = current === edge;
      parts.push(make("line", { x1: x1 + W / 2, y1, x2: x2 - W / 2, y2,
        stroke: active ? "#0f9f7a" : (swept ? "#7fd3bd" : "#9aa3b2"), "stroke-width": active ? 3 : 1.5 }));
      const mx = (x1 + W / 2 + x2 - W / 2) / 2, my = (y1 + y2) / 2;
      if (forward > edge.to) {
        parts.push(make("text", { x: mx, y: my - 6, "text-anchor": "middle", "font-size": 12, fill: "#2e6bd1", class: "local" },
          g(edge.local_derivative, 4)));
      }
      if (swept) {
        parts.push(make("text", { x: mx, y: my + 14, "text-anchor": "middle", "font-size": 12, fill: "#0f9f7a", class: "carried" },
          "← " + g(edge.carried, 4)));
      }
    }
    for (const node of graph.nodes) {
      const [x, y] = place(node);
      const shown = forward > node.index;
      const isRoot = node.index === graph.root;
      parts.push(make("rect", { x: x - W / 2, y: y - H / 2, width: W, height: H, rx: 8,
        fill: shown ? "#ffffff" : "#f0f2f5", stroke: isRoot ? "#1d2430" : "#b8c0cc", "stroke-width": isRoot ? 2 : 1 }));
      parts.push(make("text", { x, y: y - 8, "text-anchor": "middle", "font-size": 14, "font-weight": "bold", fill: "#1d2430" }, label(node)));
      parts.push(make("text", { x, y: y + 9, "text-anchor": "middle", "font-size": 12, fill: "#1d2430", class: "value", "data-node": node.index },
        shown ? g(node.value, 4) : ""));
      if (adjoints[node.index] !== null) {
        parts.push(make("text", { x, y: y + 22, "text-anchor": "middle", "font-size": 11, fill: "#0f9f7a", class: "adjoint", "data-node": node.index },
          "∂ " + g(adjoints[node.index], 4)));
      }
    }
    svg.replaceChildren(...parts);
    const done = forward >= graph.nodes.length;
    const swept = backward >= order.length;
    $("forward").disabled = done;
    $("backward").disabled = !done || swept;
    renderReadouts(done, swept);
  }

  function renderReadouts(done, swept) {
    const names = (question.step.length ? question.step : Object.keys(answer.at)).slice(0, 2);
    const cells = [["Loss L", done ? four(answer.value) : "—"]];
    for (const name of names) cells.push(["∂L/∂" + name, swept ? four(answer.gradient[name]) : "—"]);
    const lr = answer.step ? answer.step.lr : question.lr;
    cells.push(["Loss after 1 SGD step (η = " + g(lr, 4) + ")", swept && answer.step ? four(answer.step.value) : "—"]);
    $("readouts").replaceChildren(...cells.map(([k, v], i) => el("div", { class: "readout", "data-readout": i },
      el("div", { class: "k" }, k), el("div", { class: "v" }, v))));
  }

  function stepForward() {
    const graph = answer.graph;
    if (forward >= graph.nodes.length) return;
    const node = graph.nodes[forward];
    forward += 1;
    const ins = node.inputs.map((i) => label(graph.nodes[i]) + "=" + g(graph.nodes[i].value, 4));
    const locals = node.local_derivatives.map((d, k) => "∂/∂" + label(graph.nodes[node.inputs[k]]) + " = " + g(d, 4));
    $("narration").textContent = node.inputs.length === 0
      ? label(node) + " = " + g(node.value, 4)
      : node.operation + "(" + ins.join(", ") + ") = " + g(node.value, 4) + "   local: " + locals.join(", ");
    if (forward === graph.nodes.length) $("narration").textContent += "   · forward done: L = " + four(answer.value) + ". Press BACKWARD.";
    render();
  }

  function stepBackward() {
    const graph = answer.graph;
    if (forward < graph.nodes.length || backward >= order.length) return;
    if (backward < 0) {
      adjoints[graph.root] = 1;
      backward = 0;
      $("narration").textContent = "∂L/∂L = 1";
      if (order.length === 0) backward = 0;
      render();
      return;
    }
    const edge = order[backward];
    const reader = graph.nodes[edge.to], operand = graph.nodes[edge.from];
    adjoints[edge.from] = (adjoints[edge.from] || 0) + edge.carried;
    backward += 1;
    $("narration").textContent = "∂L/∂" + label(operand) + " += ∂L/∂" + label(reader) + " × ∂" + label(reader) + "/∂" + label(operand) +
      " = " + g(adjoints[edge.to], 4) + " × " + g(edge.local_derivative, 4) + " = " + g(edge.carried, 4);
    if (backward === order.length) $("narration").textContent += "   · backward done.";
    render();
  }

  function bind() {
    $("forward").addEventListener("click", stepForward);
    $("backward").addEventListener("click", stepBackward);
    $("reset").addEventListener("click", reset);
    $("all").addEventListener("click", () => {
      while (forward < answer.graph.nodes.length) stepForward();
      while (backward < order.length) stepBackward();
    });
    for (const name of ["A", "B"]) {
      $("preset-" + name).addEventListener("click", () => {
        question = { expression: PRESETS[name].expression, at: Object.assign({}, PRESETS[name].at), step: PRESETS[name].step.slice(), lr: 1 };
        load();
      });
    }
    $("expression").addEventListener("change", (e) => { question.expression = e.target.value; question.at = {}; loadWithDefaults(); });
    $("step-names").addEventListener("change", (e) => { question.step = e.target.value.split(",").map((s) => s.trim()).filter(Boolean); load(); });
    $("lr").addEventListener("change", (e) => { question.lr = Number(e.target.value); load(); });
  }

  /** A new expression: its variables start at 1 (the server names them in its error when one is missing). */
  async function loadWithDefaults() {
    for (let tries = 0; tries < 50; tries++) {
      try {
        const body = { expression: question.expression, at: question.at, lr: question.lr };
        if (question.step.length) body.step = question.step;
        answer = await api("/api/grad", body);
        break;
      } catch (e) {
        const missing = /missing a value for '([^']+)'/.exec(e.message);
        const stranger = /'([^']+)' is not a variable/.exec(e.message);
        if (missing) { question.at[missing[1]] = 1; continue; }
        if (stranger && e.field === "step") { question.step = question.step.filter((s) => s !== stranger[1]); continue; }
        showError(e.message, e.field);
        return;
      }
    }
    clearErrors();
    question.at = Object.assign({}, answer.at);
    reset();
    renderInputs();
    writeURL();
  }

  bind();
  load();
})();
"""#
}
