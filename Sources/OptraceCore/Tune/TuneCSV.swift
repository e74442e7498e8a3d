/// `tune.csv`: one row per configuration: the swept parameters, mean, std, diverged and unstable fractions, rank.
public enum TuneCSV {
    /// The header line (`NAME…,mean,std,diverged,unstable[,not_reached],rank`; the rows, with empty fields for
    /// no value, are written by `TuneText.files`).
    static func header(_ result: SweepResult) -> String {
        let stepsTo: Bool
        if case .stepsTo = result.header.objective { stepsTo = true } else { stepsTo = false }
        return (result.header.plan.axes.map(\.name) + ["mean", "std", "diverged", "unstable"] + (stepsTo ? ["not_reached"] : []) + ["rank"])
            .joined(separator: ",") + "\n"
    }
}
