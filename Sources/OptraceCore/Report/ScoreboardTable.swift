import Foundation

/// The scoreboard as a terminal table: per checkpoint, each racer's loss, rank, status, distance and first crossing.
public enum ScoreboardTable {
    /// The table text for `result` (ends with a newline).
    public static func render(_ result: RaceResult, title: String) -> String {
        let scoreboard = result.scoreboard
        let thresholdText = NumberFormat.fixedSignificant(scoreboard.threshold, 3)
        let headers = ["step", "racer", "optimizer", "loss", "rank", "status", "x", "y", "to min", "first < \(thresholdText)"]
        var rows: [[String]] = []
        for checkpoint in scoreboard.checkpoints {
            for entry in checkpoint.entries {
                rows.append([
                    String(checkpoint.step), entry.racer, entry.optimizer,
                    entry.loss.map { lossText($0) } ?? "—",
                    entry.rank.map { String($0) } ?? "—",
                    entry.status,
                    NumberFormat.fixedSignificant(entry.position.x, 3),
                    NumberFormat.fixedSignificant(entry.position.y, 3),
                    entry.distance.map { NumberFormat.fixedSignificant($0, 3) } ?? "—",
                    entry.firstStepBelowThreshold.map { String($0) } ?? "—",
                ])
            }
        }
        let rightAligned: Set<Int> = [0, 3, 4, 6, 7, 8, 9]
        var widths = headers.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return rightAligned.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = "\(title)\n"
        out += line(headers) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        var previousStep: String?
        for row in rows {
            if let previousStep, previousStep != row[0] { out += "\n" }
            out += line(row) + "\n"
            previousStep = row[0]
        }
        for trajectory in result.trajectories {
            if case .diverged(let step, let reason) = trajectory.status {
                out += "\n\(trajectory.racer.name) diverged at step \(step): \(reason)"
            }
        }
        if result.trajectories.contains(where: { $0.status.isDiverged }) { out += "\n" }
        return out
    }

    /// A loss for people: 4 significant digits.
    public static func lossText(_ loss: Double) -> String {
        NumberFormat.fixedSignificant(loss, 4)
    }

    /// The chapter's form, one line per checkpoint: "step 120   SGD 1.34 · Momentum 0.03 · Adam 0.02".
    public static func compact(_ result: RaceResult) -> String {
        let width = String(result.setup.steps).count
        return result.scoreboard.checkpoints.map { checkpoint in
            let parts = checkpoint.entries.map { entry in
                "\(entry.racer) \(entry.loss.map { NumberFormat.fixed($0, 2) } ?? "diverged")"
            }
            let step = String(checkpoint.step)
            return "step " + String(repeating: " ", count: width - step.count) + step + "   " + parts.joined(separator: " · ")
        }.joined(separator: "\n") + "\n"
    }
}
