/// A cell's numbers as round-trip text, formatted once and shared by `tune.json` and `tune.csv`.
struct CellText: Sendable {
    var values: [String]
    var mean: String?
    var std: String?
    var diverged: String
    var unreached: String

    init(_ cell: SweepCell) {
        values = cell.values.map(NumberFormat.roundTrip)
        mean = cell.mean.map(NumberFormat.roundTrip)
        std = cell.std.map(NumberFormat.roundTrip)
        diverged = NumberFormat.roundTrip(cell.diverged)
        unreached = NumberFormat.roundTrip(cell.unreached)
    }

    /// Every cell of `result`, in order.
    static func all(_ result: SweepResult) -> [CellText] { result.cells.map(CellText.init) }
}
