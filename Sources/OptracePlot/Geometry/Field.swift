/// Scalar values on a regular lattice over a rectangular domain (row-major, row 0 at `yRange.lowerBound`, lattice points include both ends).
public struct Field: Sendable {
    /// `columns × rows` values, row-major: `values[row * columns + column]`.
    public let values: [Double]
    public let columns: Int
    public let rows: Int
    public let xRange: ClosedRange<Double>
    public let yRange: ClosedRange<Double>

    public init(values: [Double], columns: Int, rows: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>) {
        precondition(columns >= 2 && rows >= 2, "a field needs at least 2 × 2 lattice points")
        precondition(values.count == columns * rows, "values.count must equal columns × rows")
        precondition(xRange.upperBound > xRange.lowerBound && yRange.upperBound > yRange.lowerBound, "empty domain")
        self.values = values
        self.columns = columns
        self.rows = rows
        self.xRange = xRange
        self.yRange = yRange
    }

    /// Samples `function` at every lattice point.
    public init(columns: Int, rows: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                _ function: (Double, Double) -> Double) {
        var v = [Double]()
        v.reserveCapacity(columns * rows)
        for r in 0..<rows {
            let y = yRange.lowerBound + (yRange.upperBound - yRange.lowerBound) * Double(r) / Double(rows - 1)
            for c in 0..<columns {
                let x = xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * Double(c) / Double(columns - 1)
                v.append(function(x, y))
            }
        }
        self.init(values: v, columns: columns, rows: rows, xRange: xRange, yRange: yRange)
    }

    public subscript(column: Int, row: Int) -> Double { values[row * columns + column] }

    /// Domain x of lattice column `c` (fractional allowed).
    public func x(column c: Double) -> Double {
        xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * c / Double(columns - 1)
    }

    /// Domain y of lattice row `r` (fractional allowed).
    public func y(row r: Double) -> Double {
        yRange.lowerBound + (yRange.upperBound - yRange.lowerBound) * r / Double(rows - 1)
    }

    /// Smallest and largest finite values, or `nil` when there are none.
    public var finiteExtent: (min: Double, max: Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite {
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        return lo <= hi ? (lo, hi) : nil
    }

    /// Bilinear interpolation at lattice coordinates (`gx` in 0…columns−1, `gy` in 0…rows−1, clamped); NaN if a corner is NaN.
    public func bilinear(gx: Double, gy: Double) -> Double {
        let cx = min(max(gx, 0), Double(columns - 1))
        let cy = min(max(gy, 0), Double(rows - 1))
        let i = min(Int(cx), columns - 2)
        let j = min(Int(cy), rows - 2)
        let fx = cx - Double(i), fy = cy - Double(j)
        let base = j * columns + i
        let v00 = values[base], v10 = values[base + 1]
        let v01 = values[base + columns], v11 = values[base + columns + 1]
        let bottom = v00 + (v10 - v00) * fx
        let top = v01 + (v11 - v01) * fx
        return bottom + (top - bottom) * fy
    }

    /// Bilinear interpolation at a domain point.
    public func value(atX x: Double, y: Double) -> Double {
        let gx = (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * Double(columns - 1)
        let gy = (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * Double(rows - 1)
        return bilinear(gx: gx, gy: gy)
    }
}
