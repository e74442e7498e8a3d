/// `tune.csv`: one row per configuration: the swept parameters, mean, std, diverged fraction, rank.
public enum TuneCSV {
    /// The CSV text (header `NAME…,mean,std,diverged[,not_reached],rank`; empty fields for no value).
    public static func render(_ result: SweepResult) -> String {
        let header = result.header
        var rank = [Int](repeating: 0, count: result.cells.count)
        for (place, index) in result.ranking.enumerated() { rank[index] = place + 1 }
        let stepsTo: Bool
        if case .stepsTo = header.objective { stepsTo = true } else { stepsTo = false }
        var out = (header.plan.axes.map(\.name) + ["mean", "std", "diverged"] + (stepsTo ? ["not_reached"] : []) + ["rank"])
            .joined(separator: ",") + "\n"
        for (i, cell) in result.cells.enumerated() {
            var fields = cell.values.map(NumberFormat.roundTrip)
            fields.append(cell.mean.map(NumberFormat.roundTrip) ?? "")
            fields.append(cell.std.map(NumberFormat.roundTrip) ?? "")
            fields.append(NumberFormat.roundTrip(cell.diverged))
            if stepsTo { fields.append(NumberFormat.roundTrip(cell.unreached)) }
            fields.append(String(rank[i]))
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }
}
