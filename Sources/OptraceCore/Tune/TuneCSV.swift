/// `tune.csv`: one row per configuration: the swept parameters, mean, std, diverged and unstable fractions, rank.
public enum TuneCSV {
    /// The CSV text (header `NAME…,mean,std,diverged,unstable[,not_reached],rank`; empty fields for no value).
    public static func render(_ result: SweepResult) -> String {
        String(decoding: TuneText.files(result).csv, as: UTF8.self)
    }

    /// The header line.
    static func header(_ result: SweepResult) -> String {
        let stepsTo: Bool
        if case .stepsTo = result.header.objective { stepsTo = true } else { stepsTo = false }
        return (result.header.plan.axes.map(\.name) + ["mean", "std", "diverged", "unstable"] + (stepsTo ? ["not_reached"] : []) + ["rank"])
            .joined(separator: ",") + "\n"
    }
}
