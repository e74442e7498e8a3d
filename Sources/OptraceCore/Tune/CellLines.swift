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
        let nameTable = ByteTable(names)
        let body: @Sendable (Int) -> Void = { b in
            let range = (b * cells.count / blocks)..<((b + 1) * cells.count / blocks)
            // Each block's lines are written straight into its two arrays, allocated at the most the lines can take
            // (pages that stay unwritten cost nothing). The tables are read through pointers: no reference counting
            // of arrays that every block reads at once.
            let number = ByteText(capacity: 32)
            var csvBytes: [UInt8] = []
            let jsonBytes = [UInt8](unsafeUninitializedCapacity: range.count * jsonLine + 64) { jsonBuffer, jsonCount in
                csvBytes = [UInt8](unsafeUninitializedCapacity: range.count * csvLine + 64) { csvBuffer, csvCount in
                    let json = ByteText(borrowing: jsonBuffer), csv = ByteText(borrowing: csvBuffer)
                    cells.withUnsafeBufferPointer { cells in
                        rank.withUnsafeBufferPointer { rank in
                            nameTable.read { names in
                                GridText.read(grid) { grid in
                                    let lines = Writer(names: names, grid: grid, stepsTo: stepsTo, json: json, csv: csv, number: number)
                                    for i in range {
                                        if stopOnInterruption && (i - range.lowerBound) % 4096 == 0 && Interruption.isRequested { break }
                                        lines.append(cells.baseAddress! + i, rank: rank[i], last: i == cells.count - 1)
                                    }
                                }
                            }
                        }
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

    /// Writes cells' lines into a block's two texts, from tables it reads through pointers.
    private struct Writer {
        /// Each axis's quoted name with ": ".
        let names: ByteTable.Reader
        /// A grid's axis values and their texts (nil for a random plan).
        let grid: GridText.Reader?
        let stepsTo: Bool
        let json: ByteText, csv: ByteText, number: ByteText

        /// `    {"lr": …, "mean": …, "std": …, "diverged": …, "unstable": …}` and `…,mean,std,diverged,unstable[,not_reached],rank`.
        func append(_ cell: UnsafePointer<SweepCell>, rank: Int, last: Bool) {
            json.append("    {")
            var rest = cell.pointee.index
            for j in 0..<names.count {
                let value = cell.pointee.values[j]
                json.append(names[j])
                if let grid {
                    // A grid value's text, formatted once per axis value (the cell's own value is checked against it).
                    let count = grid.counts[j]
                    let k = grid.starts[j] + rest % count
                    rest /= count
                    if grid.values[k].bitPattern == value.bitPattern {
                        json.append(grid.texts[k])
                        csv.append(grid.texts[k])
                    } else {
                        both(value)
                    }
                } else {
                    both(value)
                }
                json.append(", ")
                csv.append(byte: UInt8(ascii: ","))
            }
            json.append("\"mean\": ")
            if let mean = cell.pointee.mean { both(mean) } else { json.append("null") }
            csv.append(byte: UInt8(ascii: ","))
            json.append(", \"std\": ")
            if let std = cell.pointee.std { both(std) } else { json.append("null") }
            csv.append(byte: UInt8(ascii: ","))
            json.append(", \"diverged\": ")
            both(cell.pointee.diverged)
            csv.append(byte: UInt8(ascii: ","))
            json.append(", \"unstable\": ")
            both(cell.pointee.unstable)
            if stepsTo {
                json.append(", \"not_reached\": ")
                csv.append(byte: UInt8(ascii: ","))
                both(cell.pointee.unreached)
            }
            json.append(last ? "}\n" : "},\n")
            csv.append(byte: UInt8(ascii: ","))
            csv.append(rank)
            csv.append(byte: UInt8(ascii: "\n"))
        }

        /// Formats `v` once and appends its text to both files.
        @inline(__always)
        private func both(_ v: Double) {
            number.removeAll()
            number.append(v)
            json.append(number)
            csv.append(number)
        }
    }
}

/// Byte strings stored back to back in one array.
private struct ByteTable: Sendable {
    let bytes: [UInt8]
    /// Where string i ends in `bytes` (it starts where string i − 1 ends).
    let ends: [Int]

    init(_ strings: [[UInt8]]) {
        bytes = strings.flatMap { $0 }
        var end = 0
        ends = strings.map { end += $0.count; return end }
    }

    /// The strings through pointers, valid inside `body`.
    struct Reader {
        let bytes: UnsafePointer<UInt8>?
        let ends: UnsafeBufferPointer<Int>

        var count: Int { ends.count }

        subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
            let start = i == 0 ? 0 : ends[i - 1]
            return UnsafeBufferPointer(start: bytes.map { $0 + start }, count: ends[i] - start)
        }
    }

    func read<R>(_ body: (Reader) -> R) -> R {
        bytes.withUnsafeBufferPointer { bytes in ends.withUnsafeBufferPointer { ends in body(Reader(bytes: bytes.baseAddress, ends: ends)) } }
    }
}

/// The text of every value of every axis of a grid plan, formatted once; the axes one after the other.
private struct GridText: Sendable {
    let values: [Double]
    let texts: ByteTable
    /// Each axis's number of values, and where its values start.
    let counts: [Int], starts: [Int]

    /// Nil for a random plan.
    init?(_ plan: SweepPlan) {
        guard let grid = SweepPoints(plan).grid else { return nil }
        values = grid.flatMap { $0 }
        texts = ByteTable(values.map { v in
            let text = ByteText(capacity: 24)
            text.append(v)
            return text.bytes
        })
        counts = grid.map(\.count)
        var start = 0
        starts = grid.map { start += $0.count; return start - $0.count }
    }

    /// A grid's tables through pointers, valid inside `body`.
    struct Reader {
        let values: UnsafeBufferPointer<Double>
        let texts: ByteTable.Reader
        let counts: UnsafeBufferPointer<Int>, starts: UnsafeBufferPointer<Int>
    }

    /// `body` with `grid`'s tables through pointers (nil for no grid).
    static func read<R>(_ grid: GridText?, _ body: (Reader?) -> R) -> R {
        guard let grid else { return body(nil) }
        return grid.values.withUnsafeBufferPointer { values in
            grid.texts.read { texts in
                grid.counts.withUnsafeBufferPointer { counts in
                    grid.starts.withUnsafeBufferPointer { starts in
                        body(Reader(values: values, texts: texts, counts: counts, starts: starts))
                    }
                }
            }
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
