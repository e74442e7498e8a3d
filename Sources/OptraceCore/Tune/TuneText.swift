/// The texts of `tune.json` and `tune.csv` for one result, with every number formatted once.
public enum TuneText {
    /// (tune.json, tune.csv).
    public static func files(_ result: SweepResult) -> (json: String, csv: String) {
        let text = CellText.all(result)
        return (TuneJSON.serialized(result, text: text), TuneCSV.render(result, text: text))
    }
}
