import Dispatch

/// The texts of `tune.json` and `tune.csv` for one result, with every number formatted once.
public enum TuneText {
    /// (tune.json, tune.csv).
    public static func files(_ result: SweepResult) -> (json: String, csv: String) {
        let text = CellText.all(result)
        let files = ResultSlots<String>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            files.set(i, i == 0 ? TuneJSON.serialized(result, text: text) : TuneCSV.render(result, text: text))
        }
        let (json, csv) = (files.values[0], files.values[1])
        return (json, csv)
    }
}
