/// The terminal summary of a sweep: the top configurations as a table, the best, the window and the theory.
public enum TuneTable {
    /// The table of the `limit` best cells (ends with a newline).
    public static func render(_ result: SweepResult, limit: Int = 10) -> String {
        let header = result.header
        let stepsTo: Bool
        if case .stepsTo = header.objective { stepsTo = true } else { stepsTo = false }
        let spread = header.hasNoise && header.seeds.count > 1
        var headers = ["rank"] + header.plan.axes.map(\.name) + [header.objective.label]
        if spread { headers.append("± std") }
        headers.append("diverged")
        let anyUnstable = result.cells.contains { $0.unstable > 0 }
        if anyUnstable { headers.append("unstable") }
        if stepsTo { headers.append("not reached") }
        var rows: [[String]] = []
        for (place, index) in result.ranking.prefix(limit).enumerated() {
            let cell = result.cells[index]
            var row = [String(place + 1)] + cell.values.map { NumberFormat.fixedSignificant($0, 4) }
            row.append(cell.mean.map { NumberFormat.fixedSignificant($0, 4) } ?? "—")
            if spread { row.append(cell.std.map { NumberFormat.fixedSignificant($0, 2) } ?? "—") }
            row.append(percent(cell.diverged))
            if anyUnstable { row.append(percent(cell.unstable)) }
            if stepsTo { row.append(percent(cell.unreached)) }
            rows.append(row)
        }
        var widths = headers.map(\.count)
        for row in rows { for (i, text) in row.enumerated() { widths[i] = Swift.max(widths[i], text.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, text in String(repeating: " ", count: widths[i] - text.count) + text }
                .joined(separator: "  ")
        }
        var out = line(headers) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }

    /// Lines under the table: the best, the usable window and divergence edge, and the theory.
    public static func summary(_ result: SweepResult) -> String {
        let header = result.header
        let names = header.plan.axes.map(\.name)
        var out = ""
        if let best = result.best {
            let point = zip(names, best.values).map { "\($0) = \(NumberFormat.fixedSignificant($1, 4))" }.joined(separator: ", ")
            out += "best: \(point): \(header.objective.label) \(NumberFormat.fixedSignificant(best.mean ?? .nan, 4))"
            if header.hasNoise && header.seeds.count > 1 { out += " ± \(NumberFormat.fixedSignificant(best.std ?? 0, 2))" }
            out += "\n"
        } else {
            out += "no configuration gave a value: every run diverged\(header.objective == .finalLoss || header.objective == .meanLoss || header.objective == .distance ? "" : " or never reached the level")\n"
        }
        if let window = result.window {
            let at = header.plan.axes.count == 2 && result.best != nil
                ? " (at \(names[1]) = \(NumberFormat.fixedSignificant(result.best!.values[1], 4)))" : ""
            let within = "objective within \(NumberFormat.short(window.factor))× of the best"
            if let lone = window.loneBest {
                out += "usable window of \(names[0])\(at), \(within): the best value alone (its neighbours: \(lone))\n"
            } else {
                out += "usable window of \(names[0])\(at), \(within): \(NumberFormat.fixedSignificant(window.low, 4)) … \(NumberFormat.fixedSignificant(window.high, 4))"
                if let decades = window.decades {
                    out += " (\(NumberFormat.fixed(decades, 2)) decades\(window.decadesOfComplement ? " of 1 − \(names[0])" : ""))"
                }
                out += "\n"
                let ends = [window.lowIsRangeEnd ? "low" : nil, window.highIsRangeEnd ? "high" : nil].compactMap { $0 }
                if !ends.isEmpty {
                    out += "  the window runs to the \(ends.joined(separator: " and the ")) end\(ends.count > 1 ? "s" : "") of the swept range, so it may be wider: widen the range to find its edge\(ends.count > 1 ? "s" : "")\n"
                }
            }
            if window.bestIsRangeEnd {
                out += "  the best is at an end of the swept range: a better value may lie beyond it; widen the range\n"
            }
            if let above = window.unstableAbove, above < (window.divergesAbove ?? .infinity) {
                out += "unstable from \(names[0]) = \(NumberFormat.fixedSignificant(above, 4))"
                if let best = result.best { out += " (\(NumberFormat.fixedSignificant(above / best.values[0], 3))× the best)" }
                out += ": runs end above the loss they started from\n"
            }
            if let above = window.divergesAbove {
                out += "diverges from \(names[0]) = \(NumberFormat.fixedSignificant(above, 4))"
                if let best = result.best { out += " (\(NumberFormat.fixedSignificant(above / best.values[0], 3))× the best)" }
                out += "\n"
            }
        }
        if let theory = result.theory {
            out += theory.summary + "\n"
        }
        return out
    }

    static func percent(_ fraction: Double) -> String {
        fraction == 0 ? "0" : NumberFormat.fixedSignificant(100 * fraction, 3) + "%"
    }
}
