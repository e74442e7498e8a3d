/// Per-pixel band indices for a plot area: the field bilinearly interpolated at pixel centres, normalised and quantised.
public struct BandRaster: Sendable {
    public let width: Int
    public let height: Int
    /// Row-major, top row first; −1 where the field is NaN or masked.
    public let bands: [Int16]

    /// Rasterises `field` over its whole domain onto `width × height` pixels.
    public init(field: Field, scale: ColorScale, width: Int, height: Int) {
        self.width = width
        self.height = height
        var out = [Int16](repeating: -1, count: max(0, width * height))
        let cols = Double(field.columns - 1), rows = Double(field.rows - 1)
        out.withUnsafeMutableBufferPointer { buf in
            for py in 0..<height {
                let gy = (1 - (Double(py) + 0.5) / Double(height)) * rows
                for px in 0..<width {
                    let gx = (Double(px) + 0.5) / Double(width) * cols
                    let v = field.bilinear(gx: gx, gy: gy)
                    if let b = scale.band(v) { buf[py * width + px] = Int16(b) }
                }
            }
        }
        bands = out
    }
}
