extension Pages {
    /// `/assets/index.js`: the scenarios with thumbnails, and a scenario pasted or uploaded as YAML.
    static let indexScript = #"""
"use strict";
(() => {
  const { api, showError, clearErrors, el } = optrace;
  const $ = (id) => document.getElementById(id);

  async function list() {
    try {
      const scenarios = await api("/api/scenarios");
      $("scenarios").replaceChildren(...scenarios.map((s) => el("div", { class: "card", "data-scenario": s.name },
        el("a", { href: "/race/" + encodeURIComponent(s.name) },
          el("img", { src: "/api/thumbnail/" + encodeURIComponent(s.name) + ".png", alt: s.title || s.name, loading: "lazy", width: 400, height: 300 })),
        el("h2", {}, s.title || s.name),
        el("div", { class: "kicker" }, s.name + (s.local ? " · ./scenarios" : " · built in") + (s.racers ? " · " + s.racers + " racers · " + s.steps + " steps" : "")),
        el("p", {}, s.summary || s.error || ""),
        el("div", { class: "links" },
          el("a", { href: "/race/" + encodeURIComponent(s.name) }, "race"),
          el("a", { href: "/tune/" + encodeURIComponent(s.name) }, "tune")))));
    } catch (e) {
      showError(e.message, e.field);
    }
  }

  async function openYAML() {
    clearErrors();
    const yaml = $("yaml").value;
    try {
      await api("/api/race", { yaml });
      location.href = "/race/?yaml=" + encodeURIComponent(yaml);
    } catch (e) {
      showError(e.message, "yaml");
    }
  }

  $("open-yaml").addEventListener("click", openYAML);
  $("file").addEventListener("change", async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    if (file.size > 1 << 20) { showError(file.name + ": larger than the 1 MiB limit for a scenario", "yaml"); return; }
    $("yaml").value = await file.text();
  });
  list();
})();
"""#
}
