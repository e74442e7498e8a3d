/// `tune.csv`: one row per configuration: the swept parameters, mean, std, diverged fraction, rank.
public enum TuneCSV {
    /// The CSV text (header `NAME…,mean,std,diverged[,not_reached],rank`; empty fields for no value).
    public static func render(_ result: SweepResult) -> String {
        render(result, text: CellText.all(result))
    }

    static func render(_ result: SweepResult, text: [CellText]) -> String {
        let header = result.header
        var rank = [Int](repeating: 0, count: result.cells.count)
        for (place, index) in result.ranking.enumerated() { rank[index] = place + 1 }
        let stepsTo: Bool
        if case .stepsTo = header.objective { stepsTo = true } else { stepsTo = false }
        var out = (header.plan.axes.map(\.name) + ["mean", "std", "diverged"] + (stepsTo ? ["not_reached"] : []) + ["rank"])
            .joined(separator: ",") + "\n"
        out.reserveCapacity(result.cells.count * (24 * header.plan.axes.count + 64))
        for (i, cell) in text.enumerated() {
            for v in cell.values {
                out += v
                out += ","
            }
            out += cell.mean ?? ""
            out += ","
            out += cell.std ?? ""
            out += ","
            out += cell.diverged
            if stepsTo {
                out += ","
                out += cell.unreached
            }
            out += ","
            out += String(rank[i])
            out += "\n"
        }
        return out
    }
}
