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
        let grid = GridText(result.header.plan)
        let stepsTo: Bool
        if case .stepsTo = result.header.objective { stepsTo = true } else { stepsTo = false }
        let blocks = Swift.min(16, Swift.max(1, cells.count / 256))
        let parts = ResultSlots<CellLines>(count: blocks)
        let (jsonLine, csvLine) = longestLines(names: names)
        let body: @Sendable (Int) -> Void = { b in
            let range = (b * cells.count / blocks)..<((b + 1) * cells.count / blocks)
            // Each block's lines are written straight into its two arrays, allocated at the most the lines can take
            // (pages that stay unwritten cost nothing).
            let number = ByteText(capacity: 32)
            var csvBytes: [UInt8] = []
            let jsonBytes = [UInt8](unsafeUninitializedCapacity: range.count * jsonLine + 64) { jsonBuffer, jsonCount in
                csvBytes = [UInt8](unsafeUninitializedCapacity: range.count * csvLine + 64) { csvBuffer, csvCount in
                    let json = ByteText(borrowing: jsonBuffer), csv = ByteText(borrowing: csvBuffer)
                    for i in range {
                        if stopOnInterruption && (i - range.lowerBound) % 4096 == 0 && Interruption.isRequested { break }
                        append(cells[i], rank: rank[i], names: names, grid: grid, stepsTo: stepsTo, last: i == cells.count - 1,
                               json: json, csv: csv, number: number)
                    }
                    csvCount = csv.count
                    jsonCount = json.count
                }
            }
            parts.set(b, CellLines(json: jsonBytes, csv: csvBytes))
        }
        if blocks == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: blocks, execute: body) }
        return parts.values
    }

    /// The most bytes one cell's JSON line and CSV line can take with axes `names` (their quoted names with ": "):
    /// every number at its longest, every optional field present.
    static func longestLines(names: [[UInt8]]) -> (json: Int, csv: Int) {
        let number = ByteText.maximumNumberLength
        // `    {`, then per axis its name, value and ", "; mean, std, diverged, unstable and not_reached with their
        // keys; `},\n`.
        let json = 5 + names.reduce(0) { $0 + $1.count + number + 2 }
            + ("\"mean\": ".utf8.count + number) + (", \"std\": ".utf8.count + number) + (", \"diverged\": ".utf8.count + number)
            + (", \"unstable\": ".utf8.count + number) + (", \"not_reached\": ".utf8.count + number) + 3
        // Each axis's value and five counts or statistics, each with its comma; the rank (an Int's 20 digits) and `\n`.
        let csv = (names.count + 5) * (number + 1) + 20 + 1
        return (json, csv)
    }

    /// `    {"lr": …, "mean": …, "std": …, "diverged": …, "unstable": …}` and `…,mean,std,diverged,unstable[,not_reached],rank`.
    private static func append(
        _ cell: SweepCell, rank: Int, names: [[UInt8]], grid: GridText?, stepsTo: Bool, last: Bool,
        json: ByteText, csv: ByteText, number: ByteText
    ) {
        json.append("    {")
        var rest = cell.index
        for j in cell.values.indices {
            let value = cell.values[j]
            json.append(names[j])
            if let axis = grid?.axes[j] {
                // A grid value's text, formatted once per axis value (the cell's own value is checked against it).
                let i = rest % axis.values.count
                rest /= axis.values.count
                if axis.values[i].bitPattern == value.bitPattern {
                    json.append(axis.texts[i])
                    csv.append(axis.texts[i])
                } else {
                    both(value, json, csv, number)
                }
            } else {
                both(value, json, csv, number)
            }
            json.append(", ")
            csv.append(byte: UInt8(ascii: ","))
        }
        json.append("\"mean\": ")
        if let mean = cell.mean { both(mean, json, csv, number) } else { json.append("null") }
        csv.append(byte: UInt8(ascii: ","))
        json.append(", \"std\": ")
        if let std = cell.std { both(std, json, csv, number) } else { json.append("null") }
        csv.append(byte: UInt8(ascii: ","))
        json.append(", \"diverged\": ")
        both(cell.diverged, json, csv, number)
        csv.append(byte: UInt8(ascii: ","))
        json.append(", \"unstable\": ")
        both(cell.unstable, json, csv, number)
        if stepsTo {
            json.append(", \"not_reached\": ")
            csv.append(byte: UInt8(ascii: ","))
            both(cell.unreached, json, csv, number)
        }
        json.append(last ? "}\n" : "},\n")
        csv.append(byte: UInt8(ascii: ","))
        csv.append(rank)
        csv.append(byte: UInt8(ascii: "\n"))
    }

    /// Formats `v` once and appends its text to both files.
    @inline(__always)
    private static func both(_ v: Double, _ json: ByteText, _ csv: ByteText, _ number: ByteText) {
        number.removeAll()
        number.append(v)
        json.append(number)
        csv.append(number)
    }
}

/// The text of every value of every axis of a grid plan, formatted once.
private struct GridText: Sendable {
    struct Axis: Sendable {
        let values: [Double]
        let texts: [[UInt8]]
    }
    let axes: [Axis]

    /// Nil for a random plan.
    init?(_ plan: SweepPlan) {
        guard let grid = SweepPoints(plan).grid else { return nil }
        axes = grid.map { values in
            Axis(values: values, texts: values.map { v in
                let text = ByteText(capacity: 24)
                text.append(v)
                return text.bytes
            })
        }
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
