/// The bytes of `tune.json` and `tune.csv` for one result, with every cell's numbers formatted once.
public enum TuneText {
    /// (tune.json, tune.csv) as UTF-8.
    public static func files(_ result: SweepResult) -> (json: [UInt8], csv: [UInt8]) {
        let (json, csv) = pieces(result, CellLines.all(result))
        return (Array(json.joined()), Array(csv.joined()))
    }

    /// (tune.json, tune.csv) as UTF-8 in consecutive pieces (to be written one after the other), or `Interrupted`
    /// when a stop is requested while the cells are formatted (looked at every 4096 cells).
    public static func interruptiblePieces(_ result: SweepResult) throws(Interrupted) -> (json: [[UInt8]], csv: [[UInt8]]) {
        let lines = CellLines.all(result, stopOnInterruption: true)
        try Interruption.check()
        return pieces(result, lines)
    }

    private static func pieces(_ result: SweepResult, _ lines: [CellLines]) -> (json: [[UInt8]], csv: [[UInt8]]) {
        let json: [[UInt8]]
        if let prefix = TuneJSON.prefix(result) {
            json = [Array(prefix.utf8)] + lines.map(\.json) + [Array("  ]\n}\n".utf8)]
        } else {
            json = [Array(TuneJSON.document(result).serialized().utf8)]
        }
        return (json, [Array(TuneCSV.header(result).utf8)] + lines.map(\.csv))
    }
}
