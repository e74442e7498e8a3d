/// The bytes of `tune.json` and `tune.csv` for one result, with every cell's numbers formatted once.
public enum TuneText {
    /// (tune.json, tune.csv) as UTF-8.
    public static func files(_ result: SweepResult) -> (json: [UInt8], csv: [UInt8]) {
        assemble(result, CellLines.all(result))
    }

    /// (tune.json, tune.csv) as UTF-8, or `Interrupted` when a stop is requested while the cells are formatted
    /// (looked at every 4096 cells).
    public static func interruptibleFiles(_ result: SweepResult) throws(Interrupted) -> (json: [UInt8], csv: [UInt8]) {
        let lines = CellLines.all(result, stopOnInterruption: true)
        try Interruption.check()
        return assemble(result, lines)
    }

    private static func assemble(_ result: SweepResult, _ lines: [CellLines]) -> (json: [UInt8], csv: [UInt8]) {
        var json: [UInt8]
        if let prefix = TuneJSON.prefix(result) {
            json = Array(prefix.utf8)
            json.reserveCapacity(json.count + lines.reduce(0) { $0 + $1.json.count } + 8)
            for block in lines { json += block.json }
            json += Array("  ]\n}\n".utf8)
        } else {
            json = Array(TuneJSON.document(result).serialized().utf8)
        }
        var csv = Array(TuneCSV.header(result).utf8)
        csv.reserveCapacity(csv.count + lines.reduce(0) { $0 + $1.csv.count })
        for block in lines { csv += block.csv }
        return (json, csv)
    }
}
