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
        out.reserveCapacity(result.cells.count * (24 * header.plan.axes.count + 64))
        for (i, cell) in result.cells.enumerated() {
            for v in cell.values {
                out += NumberFormat.roundTrip(v)
                out += ","
            }
            if let mean = cell.mean { out += NumberFormat.roundTrip(mean) }
            out += ","
            if let std = cell.std { out += NumberFormat.roundTrip(std) }
            out += ","
            out += NumberFormat.roundTrip(cell.diverged)
            if stepsTo {
                out += ","
                out += NumberFormat.roundTrip(cell.unreached)
            }
            out += ","
            out += String(rank[i])
            out += "\n"
        }
        return out
    }
}
