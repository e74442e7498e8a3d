import Dispatch

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

    /// Every cell of `result`, in order (formatted in parallel blocks; the text does not depend on the blocks).
    static func all(_ result: SweepResult) -> [CellText] {
        let cells = result.cells
        let blocks = Swift.min(8, Swift.max(1, cells.count / 512))
        if blocks == 1 { return cells.map(CellText.init) }
        let parts = ResultSlots<[CellText]>(count: blocks)
        DispatchQueue.concurrentPerform(iterations: blocks) { b in
            let range = (b * cells.count / blocks)..<((b + 1) * cells.count / blocks)
            parts.set(b, cells[range].map(CellText.init))
        }
        return parts.values.flatMap { $0 }
    }
}

/// Results written at distinct indices from concurrent iterations (into memory allocated up front).
final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// Stores `value` at `index` (each index from one iteration only).
    func set(_ index: Int, _ value: T) { slots[index] = value }

    /// Every stored value, in index order (after the iterations have finished).
    var values: [T] { (0..<count).map { slots[$0]! } }
}
