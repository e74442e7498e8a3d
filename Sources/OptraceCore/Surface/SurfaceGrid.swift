import Dispatch

extension Surface {
    /// f at the `columns`×`rows` lattice points spanning the domain, edges included, row-major with row 0 at
    /// y min and column 0 at x min (a single column or row sits at the centre). Rows are computed in parallel;
    /// every value depends only on its own point, so the result is the same for any number of threads.
    public func valueGrid(columns: Int, rows: Int) -> [Double] {
        valueGrid(columns: columns, rows: rows, threads: Swift.max(1, Swift.min(rows, 64)))
    }

    /// `valueGrid(columns:rows:)` split over exactly `threads` chunks of rows.
    public func valueGrid(columns: Int, rows: Int, threads: Int) -> [Double] {
        guard columns > 0, rows > 0 else { return [] }
        let xs = Self.lattice(domain.xRange, count: columns)
        let ys = Self.lattice(domain.yRange, count: rows)
        let chunks = Swift.max(1, Swift.min(threads, rows))
        let tape = self.tape
        return [Double](unsafeUninitializedCapacity: columns * rows) { buffer, initialized in
            let out = GridOutput(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var evaluator = SurfaceEvaluator(tape: tape)
                let first = chunk * rows / chunks, last = (chunk + 1) * rows / chunks
                for row in first..<last {
                    for column in 0..<columns {
                        out.base[row * columns + column] = evaluator.value(at: Vec2(xs[column], ys[row]))
                    }
                }
            }
            initialized = columns * rows
        }
    }

    /// `count` evenly spaced points from the lower to the upper bound (exactly hitting both).
    static func lattice(_ range: ClosedRange<Double>, count: Int) -> [Double] {
        if count == 1 { return [(range.lowerBound + range.upperBound) / 2] }
        let span = range.upperBound - range.lowerBound
        return (0..<count).map { i in
            i == count - 1 ? range.upperBound : range.lowerBound + span * Double(i) / Double(count - 1)
        }
    }
}

/// The grid's output buffer, written by disjoint rows from several threads.
private struct GridOutput: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>
}
