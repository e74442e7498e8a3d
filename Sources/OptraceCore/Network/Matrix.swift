/// A dense row-major matrix of doubles: a batch of activations (one row per example) or a layer's weights
/// (one row per output unit).
///
/// Products sum in order of increasing index with a separate multiply and add (no fused multiply-add), so results
/// are the same on every machine.
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public var values: [Double]

    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "a \(rows)×\(columns) matrix has \(rows * columns) values")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix of zeros.
    public init(zeros rows: Int, _ columns: Int) {
        self.init(rows: rows, columns: columns, values: [Double](repeating: 0, count: rows * columns))
    }

    /// The matrix with rows `rows` (each of the same length).
    public init(_ rows: [[Double]]) {
        self.init(rows: rows.count, columns: rows.first?.count ?? 0, values: rows.flatMap { $0 })
    }

    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] { Array(values[(i * columns)..<((i + 1) * columns)]) }

    /// self · otherᵀ (`X @ W.T` for a batch X and weights W): rows × other.rows.
    public func timesTransposed(_ other: Matrix) -> Matrix {
        precondition(columns == other.columns)
        return times(other.transposed())
    }

    /// The transpose.
    public func transposed() -> Matrix {
        var out = Matrix(zeros: columns, rows)
        for i in 0..<rows { for j in 0..<columns { out.values[j * rows + i] = values[i * columns + j] } }
        return out
    }

    /// selfᵀ · other (`dZ.T @ H`: a weight gradient from a batch's deltas and inputs): columns × other.columns.
    public func transposedTimes(_ other: Matrix) -> Matrix {
        precondition(rows == other.rows)
        return transposed().times(other)
    }

    /// self · other (`dZ @ W`: deltas carried back through a layer's weights): rows × other.columns.
    public func times(_ other: Matrix) -> Matrix {
        precondition(columns == other.rows)
        var out = Matrix(zeros: rows, other.columns)
        let n = other.columns
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                out.values.withUnsafeMutableBufferPointer { o in
                    // Each out[i, j] sums over k in increasing order; the inner loop runs along a row of `other`.
                    for i in 0..<rows {
                        let row = o.baseAddress! + i * n
                        for k in 0..<columns {
                            let aik = a[i * columns + k], source = b.baseAddress! + k * n
                            for j in 0..<n { row[j] += aik * source[j] }
                        }
                    }
                }
            }
        }
        return out
    }

    /// `bias` added to every row (`Z + b`).
    public func addingRow(_ bias: [Double]) -> Matrix {
        precondition(bias.count == columns)
        var out = self
        for i in 0..<rows { for j in 0..<columns { out.values[i * columns + j] += bias[j] } }
        return out
    }

    /// The sum of each column (`dZ.sum(0)`), rows added in order.
    public func columnSums() -> [Double] {
        var sums = [Double](repeating: 0, count: columns)
        for i in 0..<rows { for j in 0..<columns { sums[j] += values[i * columns + j] } }
        return sums
    }

    /// `f` applied to every value.
    public func map(_ f: (Double) -> Double) -> Matrix { Matrix(rows: rows, columns: columns, values: values.map(f)) }

    /// `f` applied to the values of `self` and `other` (same shape), pair by pair.
    public func combined(with other: Matrix, _ f: (Double, Double) -> Double) -> Matrix {
        precondition(rows == other.rows && columns == other.columns)
        return Matrix(rows: rows, columns: columns, values: zip(values, other.values).map(f))
    }
}
