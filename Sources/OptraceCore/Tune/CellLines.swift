import Dispatch

/// The lines of `tune.json`'s cell list and of `tune.csv` for a run of cells, as UTF-8 bytes, each number
/// formatted once (round-trip text) and written into both.
struct CellLines: Sendable {
    var json: [UInt8] = []
    var csv: [UInt8] = []

    /// Every cell of `result`, in blocks formatted in parallel (the bytes do not depend on the blocks).
    /// With `stopOnInterruption`, a requested `Interruption` cuts the blocks short (looked at every 4096 cells):
    /// the caller checks `Interruption` and discards them.
    static func all(_ result: SweepResult, stopOnInterruption: Bool = false) -> [CellLines] {
        let cells = result.cells
        let rank: [Int] = {
            var rank = [Int](repeating: 0, count: cells.count)
            for (place, index) in result.ranking.enumerated() { rank[index] = place + 1 }
            return rank
        }()
        let names = result.header.plan.axes.map { Array((JSONValue.quoted($0.name) + ": ").utf8) }
        let stepsTo: Bool
        if case .stepsTo = result.header.objective { stepsTo = true } else { stepsTo = false }
        let blocks = Swift.min(16, Swift.max(1, cells.count / 256))
        let parts = ResultSlots<CellLines>(count: blocks)
        let body: @Sendable (Int) -> Void = { b in
            let range = (b * cells.count / blocks)..<((b + 1) * cells.count / blocks)
            var lines = CellLines()
            lines.json.reserveCapacity(range.count * (24 * names.count + 80))
            lines.csv.reserveCapacity(range.count * (20 * names.count + 40))
            for i in range {
                if stopOnInterruption && (i - range.lowerBound) % 4096 == 0 && Interruption.isRequested { break }
                lines.append(cells[i], rank: rank[i], names: names, stepsTo: stepsTo, last: i == cells.count - 1)
            }
            parts.set(b, lines)
        }
        if blocks == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: blocks, execute: body) }
        return parts.values
    }

    /// `    {"lr": …, "mean": …, "std": …, "diverged": …, "unstable": …}` and `…,mean,std,diverged,unstable[,not_reached],rank`.
    private mutating func append(_ cell: SweepCell, rank: Int, names: [[UInt8]], stepsTo: Bool, last: Bool) {
        json.append(contentsOf: "    {".utf8)
        for (name, value) in zip(names, cell.values) {
            let text = NumberFormat.roundTrip(value)
            json.append(contentsOf: name)
            Self.append(text, to: &json)
            json.append(contentsOf: ", ".utf8)
            Self.append(text, to: &csv)
            csv.append(UInt8(ascii: ","))
        }
        let mean = cell.mean.map(NumberFormat.roundTrip), std = cell.std.map(NumberFormat.roundTrip)
        json.append(contentsOf: "\"mean\": ".utf8)
        Self.append(mean ?? "null", to: &json)
        json.append(contentsOf: ", \"std\": ".utf8)
        Self.append(std ?? "null", to: &json)
        Self.append(mean ?? "", to: &csv)
        csv.append(UInt8(ascii: ","))
        Self.append(std ?? "", to: &csv)
        csv.append(UInt8(ascii: ","))
        let diverged = NumberFormat.roundTrip(cell.diverged)
        json.append(contentsOf: ", \"diverged\": ".utf8)
        Self.append(diverged, to: &json)
        Self.append(diverged, to: &csv)
        let unstable = NumberFormat.roundTrip(cell.unstable)
        json.append(contentsOf: ", \"unstable\": ".utf8)
        Self.append(unstable, to: &json)
        csv.append(UInt8(ascii: ","))
        Self.append(unstable, to: &csv)
        if stepsTo {
            let unreached = NumberFormat.roundTrip(cell.unreached)
            json.append(contentsOf: ", \"not_reached\": ".utf8)
            Self.append(unreached, to: &json)
            csv.append(UInt8(ascii: ","))
            Self.append(unreached, to: &csv)
        }
        json.append(contentsOf: (last ? "}\n" : "},\n").utf8)
        csv.append(UInt8(ascii: ","))
        Self.append(String(rank), to: &csv)
        csv.append(UInt8(ascii: "\n"))
    }

    /// The UTF-8 of `text`, copied from its contiguous storage in one go.
    @inline(__always)
    private static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
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
