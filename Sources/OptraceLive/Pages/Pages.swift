/// The live pages: small HTML shells, one style sheet and plain scripts, all embedded (no CDN, works offline).
public enum Pages {
    /// An asset's text and content type.
    public struct Asset: Sendable {
        public let text: String
        public let type: String
    }

    /// Every file under `/assets/`.
    public static let assets: [String: Asset] = [
        "optrace.css": Asset(text: styleSheet, type: "text/css; charset=utf-8"),
        "common.js": Asset(text: commonScript, type: "text/javascript; charset=utf-8"),
        "race.js": Asset(text: raceScript, type: "text/javascript; charset=utf-8"),
        "stepper.js": Asset(text: stepperScript, type: "text/javascript; charset=utf-8"),
        "tune.js": Asset(text: tuneScript, type: "text/javascript; charset=utf-8"),
        "index.js": Asset(text: indexScript, type: "text/javascript; charset=utf-8"),
    ]

    /// The asset `name`, if there is one.
    public static func asset(named name: String) -> Asset? { assets[name] }

    static func page(title: String, script: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · optrace</title>
        <link rel="stylesheet" href="/assets/optrace.css">
        <script src="/assets/common.js" defer></script>
        <script src="/assets/\(script)" defer></script>
        </head>
        <body>
        <header class="bar"><span class="brand">optrace</span><a href="/">scenarios</a><a href="/race/valley-bump">optimizer race</a><a href="/stepper">graph stepper</a></header>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// `/`: the scenarios, and a scenario of one's own.
    public static let index = page(title: "Scenarios", script: "index.js", body: """
        <div class="kicker">optrace · live instruments</div>
        <h1>Race optimizers on a loss surface</h1>
        <p class="summary">Every number is computed live by the same engine as <code>optrace race</code>: exact torch.optim
        update rules, reverse-mode gradients, and the same seeded gradient noise for every racer. Pick a scenario, step
        through the <a href="/stepper">graph stepper</a>, or open a scenario of your own.</p>
        <div id="error" class="error"></div>
        <div id="scenarios" class="grid"></div>
        <h2 style="font-size:16px;margin-top:28px">Your own scenario</h2>
        <p class="summary">Paste a scenario's YAML (as in <code>scenarios/</code>) or choose a file, then open it.</p>
        <textarea id="yaml" rows="12" spellcheck="false" placeholder="name: my-race&#10;surface:&#10;  expr: x^2 + 10*y^2&#10;  domain: {x: [-3, 3], y: [-2, 2]}&#10;start: [-2.5, 1.5]&#10;steps: 200&#10;racers:&#10;  - {name: SGD, optimizer: sgd, lr: 0.05}&#10;  - {name: Adam, optimizer: adam, lr: 0.1}"></textarea>
        <div class="error" data-error-for="yaml"></div>
        <div class="controls"><input type="file" id="file" accept=".yaml,.yml,text/yaml"><button id="open-yaml" class="primary">Open the race</button></div>
        """)

    /// `/race/NAME`: Instrument M8.2 on any scenario.
    public static let race = page(title: "Optimizer race", script: "race.js", body: """
        <div class="kicker" id="kicker">Optimizer race</div>
        <h1 id="title">Optimizer race</h1>
        <div class="compact" id="formula"></div>
        <p class="summary" id="summary"></p>
        <div id="error" class="error"></div>
        <div class="row">
          <div>
            <div class="stage"><img id="map" alt="the loss surface"><canvas id="paths"></canvas></div>
            <div class="controls">
              <button id="step">STEP</button><button id="auto" class="primary">▶ AUTO</button><button id="reset">RESET</button>
              <select id="speed" aria-label="speed"></select>
              <span class="kicker">step</span><span class="stepno" id="step-value">0</span>
              <input type="range" id="scrubber" min="0" max="1" value="0" style="width:260px" aria-label="step">
            </div>
            <div class="compact" id="compact"></div>
            <div class="hover" id="hover"></div>
          </div>
          <div style="min-width:430px;flex:1">
            <div class="card">
              <table class="board" id="board"><thead><tr><th>#</th><th>racer</th><th>loss</th><th>status</th><th id="threshold-head">first &lt;</th></tr></thead><tbody></tbody></table>
            </div>
            <div class="card" style="margin-top:12px">
              <div class="controls">
                <label>steps <input type="number" id="steps" min="1" max="20000" data-control="steps"></label>
                <label>noise σ <input id="sigma" size="8" data-control="noise.sigma"></label>
                <label>batch <input type="number" id="batch" min="1" style="width:56px" data-control="noise.batch"></label>
                <label>seed <input type="number" id="seed" min="0" style="width:120px" data-control="noise.seed"></label>
              </div>
              <div class="error" data-error-for="steps"></div>
              <div class="error" data-error-for="noise"></div>
              <div id="racers"></div>
              <div class="error" data-error-for="racers"></div>
              <div class="controls"><button id="add-racer">+ racer</button><a id="tune-link" href="#" style="font-size:13px">tune these racers…</a></div>
              <div class="controls downloads" id="downloads"><span class="kicker">download</span></div>
            </div>
          </div>
        </div>
        """)

    /// `/stepper`: Instrument M8.1.
    public static let stepper = page(title: "Graph stepper", script: "stepper.js", body: """
        <div class="kicker">Graph stepper · every number computed live</div>
        <h1>Forward: values and local derivatives → ← Backward: ∂L/∂(everything), one sweep</h1>
        <p class="summary">FORWARD fills each node's value left to right and records each edge's local derivative (blue),
        exactly what an autodiff tape stores. BACKWARD starts from ∂L/∂L = 1 and multiplies its way left, one edge at a
        time (mint). Preset A lands on ∂L/∂w = −0.1774; the last readout applies one gradient step to the step variables.</p>
        <div id="error" class="error"></div>
        <div class="controls">
          <button id="preset-A">preset A (y = 1)</button><button id="preset-B">preset B (y = 0)</button>
          <label>L = <input id="expression" size="44" spellcheck="false" data-control="expression"></label>
        </div>
        <div class="error" data-error-for="expression"></div>
        <div class="controls" id="inputs"></div>
        <div class="error" data-error-for="at"></div>
        <div class="controls">
          <label>step updates <input id="step-names" size="10" data-control="step"></label>
          <label>η <input type="number" id="lr" step="any" min="0" data-control="lr"></label>
          <button id="forward" class="primary">FORWARD →</button><button id="backward">← BACKWARD</button>
          <button id="all">both, to the end</button><button id="reset">RESET</button>
        </div>
        <div class="error" data-error-for="step"></div>
        <div class="error" data-error-for="lr"></div>
        <div class="narration" id="narration"></div>
        <div class="card" style="overflow-x:auto"><svg id="graph" xmlns="http://www.w3.org/2000/svg"></svg></div>
        <div class="readouts" id="readouts"></div>
        """)

    /// `/tune/NAME`: a small sweep, its heatmap or curve; a click races the configuration.
    public static let tune = page(title: "Tuning", script: "tune.js", body: """
        <div class="kicker" id="kicker">Tuning</div>
        <h1 id="title">Tuning</h1>
        <div id="error" class="error"></div>
        <div class="controls">
          <label>racer <select id="racer" data-control="racer"></select></label>
          <label>seeds <input type="number" id="seeds" value="3" min="1" max="20"></label>
        </div>
        <div class="controls">
          <label>sweep <select id="p1-name"></select></label>
          <label>from <input id="p1-lo" size="6"></label><label>to <input id="p1-hi" size="6"></label>
          <select id="p1-scale"><option value="log">log</option><option value="">linear</option><option value="log1m">log 1−x</option></select>
          <label>cells <input type="number" id="p1-n" value="32" min="2" max="4096"></label>
        </div>
        <div class="controls">
          <label>and <select id="p2-name"></select></label>
          <label>from <input id="p2-lo" size="6" value="0"></label><label>to <input id="p2-hi" size="6" value="0.99"></label>
          <select id="p2-scale"><option value="">linear</option><option value="log">log</option><option value="log1m">log 1−x</option></select>
          <label>cells <input type="number" id="p2-n" value="24" min="2" max="4096"></label>
          <button id="run" class="primary">Run the sweep</button>
        </div>
        <div class="error" data-error-for="params"></div>
        <div class="error" data-error-for="seeds"></div>
        <div class="compact" id="status"></div>
        <div class="hover" id="hover" style="min-height:1.5em"></div>
        <img id="plot" alt="the sweep" style="display:none;border:1px solid #d9dde4;border-radius:6px;background:#fff;cursor:crosshair">
        """)
}
