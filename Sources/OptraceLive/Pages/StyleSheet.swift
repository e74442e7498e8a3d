extension Pages {
    /// `/assets/optrace.css`: the pages' one style sheet (system fonts, no web fonts, light and dark).
    static let styleSheet = #"""
:root {
  --ink: #1d2430; --faint: #5b6576; --paper: #f6f7f9; --card: #ffffff; --line: #d9dde4;
  --accent: #2e6bd1; --blue: #2e6bd1; --mint: #0f9f7a; --bad: #c0392b; --warn-bg: #fdecea;
  font-family: "DejaVu Sans", system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--paper);
}
* { box-sizing: border-box; }
body { margin: 0; }
header.bar { display: flex; align-items: baseline; gap: 18px; padding: 10px 20px; background: #1d2430; color: #fff; }
header.bar a { color: #cfe0ff; text-decoration: none; font-size: 14px; }
header.bar a:hover { text-decoration: underline; }
header.bar .brand { font-weight: bold; font-size: 17px; color: #fff; letter-spacing: 0.04em; }
main { padding: 16px 20px 40px; max-width: 1500px; margin: 0 auto; }
h1 { font-size: 20px; margin: 4px 0 2px; }
.kicker { font-size: 11px; letter-spacing: 0.12em; text-transform: uppercase; color: var(--faint); }
.summary { color: var(--faint); font-size: 13px; max-width: 980px; line-height: 1.45; margin: 4px 0 12px; }
.row { display: flex; gap: 18px; flex-wrap: wrap; align-items: flex-start; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.stage { position: relative; line-height: 0; }
.stage img, .stage canvas { position: absolute; left: 0; top: 0; }
.stage img { position: relative; }
button { font: inherit; font-size: 13px; padding: 6px 12px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
button:hover { border-color: var(--accent); }
button:disabled { opacity: 0.5; cursor: default; }
input, select, textarea { font: inherit; font-size: 13px; padding: 3px 6px; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
input[type=number] { width: 88px; }
input[type=range] { vertical-align: middle; }
label { font-size: 12px; color: var(--faint); }
.controls { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 8px 0; }
.stepno { font-variant-numeric: tabular-nums; font-size: 22px; font-weight: bold; min-width: 5ch; display: inline-block; text-align: right; }
table.board { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; min-width: 420px; }
table.board th { text-align: left; font-weight: normal; color: var(--faint); font-size: 11px; text-transform: uppercase; letter-spacing: 0.06em; border-bottom: 1px solid var(--line); padding: 4px 8px; }
table.board td { padding: 4px 8px; border-bottom: 1px solid #eef0f3; }
table.board td.num { text-align: right; }
.swatch { display: inline-block; width: 22px; height: 4px; border-radius: 2px; vertical-align: middle; margin-right: 6px; }
.compact { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: 13px; margin: 8px 0; }
.racer { border-left: 4px solid var(--line); padding: 8px 10px; margin: 8px 0; background: #fbfbfc; border-radius: 4px; }
.racer .head { display: flex; gap: 6px; align-items: center; }
.racer .params { display: grid; grid-template-columns: auto 1fr; gap: 4px 8px; align-items: center; margin-top: 6px; }
.error { color: var(--bad); background: var(--warn-bg); border-radius: 4px; padding: 3px 6px; font-size: 12px; margin: 3px 0; }
.error:empty { display: none; }
.hover { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: 12px; white-space: pre; min-height: 5em; color: var(--ink); }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 14px; }
.grid .card img { width: 100%; height: auto; border-radius: 4px; }
.grid .card h2 { font-size: 15px; margin: 6px 0 2px; }
.grid .card p { font-size: 12px; color: var(--faint); margin: 4px 0; line-height: 1.4; max-height: 5.6em; overflow: hidden; }
.links a { margin-right: 12px; font-size: 13px; }
textarea { width: 100%; font-family: "DejaVu Sans Mono", ui-monospace, monospace; }
svg text { font-family: "DejaVu Sans", sans-serif; }
.readouts { display: grid; grid-template-columns: repeat(4, minmax(150px, 1fr)); gap: 10px; margin-top: 12px; }
.readout { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.readout .k { font-size: 12px; letter-spacing: 0.04em; color: var(--faint); }
.readout .v { font-size: 22px; font-variant-numeric: tabular-nums; margin-top: 4px; }
.narration { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: 13px; min-height: 1.4em; margin: 8px 0; }
.downloads button { font-size: 12px; padding: 4px 8px; }
"""#
}
