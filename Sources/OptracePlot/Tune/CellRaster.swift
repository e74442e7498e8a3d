/// A grid of coloured cells resampled onto device pixels by exact area coverage (a box filter).
///
/// Each device pixel gets the area-weighted mean of the premultiplied colours of the cells it overlaps, so the
/// result is what antialiased filling of every cell would give, without one Cairo path per cell. The cost is
/// linear: one pass over the cells, plus either one pass per cell row over the pixel columns or one pass per
/// cell column over the pixel rows, whichever is smaller, plus a constant per pixel.
struct CellRaster {
    /// Which cells a device pixel overlaps along one axis, with the overlap lengths (in pixels).
    struct AxisSpans {
        /// The first device pixel.
        let origin: Int
        /// Device pixels covered.
        let count: Int
        /// Pixel d's spans are `cells[offsets[d]..<offsets[d + 1]]` with `weights` alongside.
        let offsets: [Int]
        let cells: [Int32]
        let weights: [Float]

        /// `cellCount` cells of `size` pixels centred on `low`, `low + size`, …, `high` (so the first and last
        /// stick out half a cell), cut to [`low`, `high`].
        init(cellCount: Int, low: Double, high: Double) {
            let size = (high - low) / Double(cellCount - 1)
            origin = Int(low.rounded(.down))
            count = Swift.max(0, Int(high.rounded(.up)) - origin)
            var offsets = [0], cells: [Int32] = [], weights: [Float] = []
            offsets.reserveCapacity(count + 1)
            cells.reserveCapacity(cellCount + 2 * count)
            weights.reserveCapacity(cellCount + 2 * count)
            for d in 0..<count {
                let a = Swift.max(low, Double(origin + d)), b = Swift.min(high, Double(origin + d + 1))
                if b > a {
                    let first = Swift.min(Swift.max(Int(((a - low) / size + 0.5).rounded(.down)), 0), cellCount - 1)
                    let last = Swift.min(Swift.max(Int(((b - low) / size + 0.5).rounded(.up)) - 1, first), cellCount - 1)
                    for k in first...last {
                        let lo = Swift.max(a, low + (Double(k) - 0.5) * size), hi = Swift.min(b, low + (Double(k) + 0.5) * size)
                        if hi > lo {
                            cells.append(Int32(k))
                            weights.append(Float(hi - lo))
                        }
                    }
                }
                offsets.append(cells.count)
            }
            self.offsets = offsets
            self.cells = cells
            self.weights = weights
        }
    }

    let x: AxisSpans
    let y: AxisSpans

    /// Cells `columns × rows` centred on the lattice spanning `plot` (device pixels, y down; cell row 0 at the top).
    init(columns: Int, rows: Int, plotMinX: Double, plotMaxX: Double, plotMinY: Double, plotMaxY: Double) {
        x = AxisSpans(cellCount: columns, low: plotMinX, high: plotMaxX)
        y = AxisSpans(cellCount: rows, low: plotMinY, high: plotMaxY)
    }

    /// Premultiplied native-endian ARGB32 pixels (`x.count × y.count`, row-major, top row first) for cells whose
    /// colour is `palette[key(column, row)]` (premultiplied RGBA in [0, 1]); `cancellation` is looked at per line.
    func pixels(
        columns: Int, rows: Int, palette: [SIMD4<Float>], key: (_ column: Int, _ row: Int) -> Int,
        cancellation: Cancellation
    ) throws(Cancelled) -> [UInt32] {
        let width = x.count, height = y.count
        var out = [UInt32](repeating: 0, count: width * height)
        guard width > 0 && height > 0 else { return out }
        // Resample the cells along the cheaper axis first, one cell line at a time (kept while the next
        // device line still needs it), then add the lines up across.
        let rowsFirst = rows * width <= columns * height
        let (outer, inner) = rowsFirst ? (y, x) : (x, y)
        var line = [SIMD4<Float>](repeating: .zero, count: inner.count)
        var sum = [SIMD4<Float>](repeating: .zero, count: inner.count)
        var lineCell = -1
        for o in 0..<outer.count {
            try cancellation.check()
            for s in 0..<inner.count { sum[s] = .zero }
            for a in outer.offsets[o]..<outer.offsets[o + 1] {
                let cell = Int(outer.cells[a])
                if cell != lineCell {
                    lineCell = cell
                    for s in 0..<inner.count {
                        var v = SIMD4<Float>.zero
                        for b in inner.offsets[s]..<inner.offsets[s + 1] {
                            let k = Int(inner.cells[b])
                            v += inner.weights[b] * palette[rowsFirst ? key(k, cell) : key(cell, k)]
                        }
                        line[s] = v
                    }
                }
                let w = outer.weights[a]
                for s in 0..<inner.count { sum[s] += w * line[s] }
            }
            for s in 0..<inner.count {
                let v = sum[s]
                // As Cairo quantises a solid colour: to 16 bits, then the high byte.
                func byte(_ c: Float) -> UInt32 { UInt32(Double(Swift.min(Swift.max(c, 0), 1)) * 65535.99609375) >> 8 }
                let alpha = byte(v.w)
                // Premultiplied channels never exceed alpha.
                let argb = alpha << 24 | Swift.min(byte(v.x), alpha) << 16 | Swift.min(byte(v.y), alpha) << 8 | Swift.min(byte(v.z), alpha)
                out[rowsFirst ? o * width + s : s * width + o] = argb
            }
        }
        return out
    }
}
