/// Per-pixel band indices for a plot area: the field bilinearly interpolated at pixel centres, normalised and quantised.
public struct BandRaster: Sendable {
    public let width: Int
    public let height: Int
    /// Row-major, top row first; −1 where the field is NaN or masked.
    public let bands: [Int16]
    /// Normalised value at each pixel centre, clamped to [0, 1]; NaN where masked.
    public let levels: [Float]

    /// Rasterises `field` over its whole domain onto `width × height` pixels.
    public init(field: Field, scale: ColorScale, width: Int, height: Int) {
        // `.never` never fires, so nothing is thrown.
        try! self.init(field: field, scale: scale, width: width, height: height, cancellation: .never)
    }

    /// Rasterises `field` onto `width × height` pixels, looking at `cancellation` per row.
    public init(field: Field, scale: ColorScale, width: Int, height: Int, cancellation: Cancellation) throws(Cancelled) {
        self.width = width
        self.height = height
        let count = max(0, width * height)
        var out = [Int16](repeating: -1, count: count)
        var lv = [Float](repeating: .nan, count: count)
        let cols = Double(field.columns - 1), rows = Double(field.rows - 1)
        let n = Double(scale.bandCount)
        try out.withUnsafeMutableBufferPointer { buf throws(Cancelled) in
            try lv.withUnsafeMutableBufferPointer { lbuf throws(Cancelled) in
                for py in 0..<height {
                    try cancellation.check()
                    let gy = (1 - (Double(py) + 0.5) / Double(height)) * rows
                    for px in 0..<width {
                        let gx = (Double(px) + 0.5) / Double(width) * cols
                        let v = field.bilinear(gx: gx, gy: gy)
                        guard let t = scale.normalized(v), !t.isNaN else { continue }
                        let k = Int((t * n).rounded(.down).clamped(0, n - 1))
                        buf[py * width + px] = Int16(k)
                        lbuf[py * width + px] = Float(t.clamped(0, 1))
                    }
                }
            }
        }
        bands = out
        levels = lv
    }

    /// Relief shading factors (1 = unchanged) from the normalised levels: Lambert lighting from the upper left on a
    /// surface whose height is the normalised value, `strength` scaling the deviation from a flat surface.
    public func reliefFactors(strength: Double) -> [Float] {
        // `.never` never fires, so nothing is thrown.
        try! reliefFactors(strength: strength, cancellation: .never)
    }

    /// Relief shading factors, looking at `cancellation` per row.
    public func reliefFactors(strength: Double, cancellation: Cancellation) throws(Cancelled) -> [Float] {
        var f = [Float](repeating: 1, count: levels.count)
        guard strength > 0, width > 2, height > 2 else { return f }
        let z = Float(0.35 * Double(max(width, height)))
        let light = SIMD3<Float>(-0.55, -0.55, 0.63)
        let flat = light.z
        let s = Float(strength)
        try levels.withUnsafeBufferPointer { t throws(Cancelled) in
            for y in 0..<height {
                try cancellation.check()
                let up = max(y - 1, 0), down = min(y + 1, height - 1)
                for x in 0..<width {
                    let left = max(x - 1, 0), right = min(x + 1, width - 1)
                    let dx = (t[y * width + right] - t[y * width + left]) / Float(right - left) * z
                    let dy = (t[down * width + x] - t[up * width + x]) / Float(down - up) * z
                    guard dx.isFinite, dy.isFinite else { continue }
                    // Height grows with t; pixel y grows downwards.
                    let normal = SIMD3<Float>(-dx, -dy, 1)
                    let lambert = (normal * light).sum() / (normal * normal).sum().squareRoot()
                    f[y * width + x] = 1 + s * (lambert - flat)
                }
            }
        }
        return f
    }
}
