extension Pages {
    /// `/assets/common.js`: what every page shares: the API call, number formats as the command line prints them,
    /// errors shown beside the control that caused them, downloads.
    static let commonScript = #"""
"use strict";
const optrace = (() => {
  /** Calls the API: POST with a JSON body (GET without); resolves to the parsed answer or rejects with {message, field}. */
  async function api(path, body) {
    const init = body === undefined ? {} : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
    let response;
    try { response = await fetch(path, init); } catch (e) { throw { message: "the server did not answer (" + e + ")", field: null }; }
    const text = await response.text();
    let data;
    try { data = JSON.parse(text); } catch (e) { throw { message: "unexpected answer: " + text.slice(0, 200), field: null }; }
    if (!response.ok) throw { message: data.error || ("HTTP " + response.status), field: data.field || null };
    return data;
  }

  /** printf's %.<p>g: p significant digits, trailing zeros dropped, exponent of at least two digits. */
  function g(v, p) {
    if (v === null || v === undefined) return "—";
    if (Number.isNaN(v)) return "nan";
    if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
    if (v === 0) return Object.is(v, -0) ? "-0" : "0";
    const e = Number(v.toExponential(p - 1).split("e")[1]);
    if (e < -4 || e >= p) {
      let [m, x] = v.toExponential(p - 1).split("e");
      if (m.includes(".")) m = m.replace(/0+$/, "").replace(/\.$/, "");
      const n = Number(x);
      return m + "e" + (n < 0 ? "-" : "+") + String(Math.abs(n)).padStart(2, "0");
    }
    let t = fixed(v, Math.max(0, p - 1 - e));
    if (t.includes(".")) t = t.replace(/0+$/, "").replace(/\.$/, "");
    return t;
  }

  /** printf's %.<d>f: ties of the exact binary value go to the even digit, as C rounds them. */
  function fixed(v, d) {
    if (!Number.isFinite(v)) return Number.isNaN(v) ? "nan" : (v > 0 ? "inf" : "-inf");
    let t = v.toFixed(d);
    const scaled = Math.abs(v) * Math.pow(10, d);
    if (scaled < 1e15 && scaled - Math.floor(scaled) === 0.5 && Math.abs(v) === scaled / Math.pow(10, d)) {
      const down = (Math.floor(scaled) / Math.pow(10, d)).toFixed(d);
      const last = Number(down.replace(/[^0-9]/g, "").slice(-1));
      if (last % 2 === 0) t = (v < 0 ? "-" : "") + down;
    }
    return t;
  }

  /** A number for people: integers plainly, others with up to 6 significant digits. */
  function short(v) {
    if (v === null || v === undefined) return "—";
    if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
    return g(v, 6);
  }

  /** Shows `message` beside the control for `field` (a key path such as racers[1].lr), or in the page's error line. */
  function showError(message, field) {
    clearErrors();
    let target = null;
    let key = field || "";
    while (key && !target) {
      target = document.querySelector('[data-error-for="' + CSS.escape(key) + '"]');
      const cut = Math.max(key.lastIndexOf("."), key.lastIndexOf("["));
      key = cut > 0 ? key.slice(0, cut) : "";
    }
    target = target || document.getElementById("error");
    if (target) target.textContent = message;
  }

  function clearErrors() {
    document.querySelectorAll("[data-error-for], #error").forEach((e) => { e.textContent = ""; });
  }

  /** Saves the answer of POST `path` with `body` as a file. */
  async function download(path, body, name) {
    const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (!response.ok) {
      let message = "HTTP " + response.status;
      try { message = (await response.json()).error || message; } catch (e) { /* keep the status */ }
      throw { message, field: null };
    }
    const blob = await response.blob();
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  /** An element: el("div", {class: "x", onclick: f}, child, "text", …). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attributes || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Calls `f` once `ms` after the last of a burst of calls. */
  function debounce(f, ms) {
    let timer = null;
    return (...args) => { clearTimeout(timer); timer = setTimeout(() => f(...args), ms); };
  }

  return { api, g, fixed, short, showError, clearErrors, download, el, debounce };
})();
"""#
}
