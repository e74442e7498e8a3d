/// A GIF's global colour table, chosen from what an animation's frames contain: up to 255 colours by
/// median cut over sample frames, and index 255 kept for "unchanged" (transparent) pixels.
///
/// The sample frames' colours are counted in cells of 5 bits per channel (each cell keeps the sum of its
/// exact colours). Boxes of cells are cut, the box with the largest weighted spread first, across its
/// widest channel at the weighted median; a cell weighs the square root of its pixel count, so thin lines,
/// markers and text get colours of their own beside the large bands. Each box's colour is the exact mean
/// of its pixels. Reserved colours (a figure's racer colours) are entries as given. Everything is in a
/// fixed order, so the same frames give the same table.
public struct GIFPalette: Sendable, Equatable {
    /// The index written for pixels that keep the previous frame's colour.
    public static let transparentIndex: UInt8 = 255
    /// The most colours a palette holds besides the transparent index.
    public static let maximumColors = 255

    /// The colours, 3 bytes (R, G, B) each, at most 255 of them.
    public let colors: [UInt8]

    public var count: Int { colors.count / 3 }

    public init(colors: [UInt8]) {
        precondition(colors.count % 3 == 0 && colors.count / 3 <= Self.maximumColors && !colors.isEmpty)
        self.colors = colors
    }

    /// The 256-entry table giflib writes (768 bytes): the colours, then black up to index 255.
    public var table: [UInt8] { colors + [UInt8](repeating: 0, count: 768 - colors.count) }

    /// The opaque colour a premultiplied RGBA pixel shows over white, as `0xBBGGRR` (R in the low byte).
    @inline(__always)
    public static func opaqueColor(_ pixel: UInt32) -> UInt32 {
        let a = pixel >> 24
        if a == 255 { return pixel & 0xFF_FFFF }
        let lift = 255 - a
        let r = min(255, (pixel & 0xFF) + lift), g = min(255, ((pixel >> 8) & 0xFF) + lift), b = min(255, ((pixel >> 16) & 0xFF) + lift)
        return r | g << 8 | b << 16
    }

    /// The index of the entry nearest to `color` (`0xBBGGRR`) in squared RGB distance, the lowest on a tie.
    public func nearest(_ color: UInt32) -> UInt8 {
        let r = Int32(color & 0xFF), g = Int32((color >> 8) & 0xFF), b = Int32((color >> 16) & 0xFF)
        var best: Int32 = .max, bestIndex = 0
        colors.withUnsafeBufferPointer { c in
            for i in 0..<(c.count / 3) {
                let dr = Int32(c[3 * i]) - r, dg = Int32(c[3 * i + 1]) - g, db = Int32(c[3 * i + 2]) - b
                let d = dr * dr + dg * dg + db * db
                if d < best { best = d; bestIndex = i }
            }
        }
        return UInt8(bestIndex)
    }

    /// The colour of entry `index` as `0xBBGGRR`.
    public func color(at index: Int) -> UInt32 {
        UInt32(colors[3 * index]) | UInt32(colors[3 * index + 1]) << 8 | UInt32(colors[3 * index + 2]) << 16
    }

    /// A palette for frames like `samples`, with `reserved` colours as entries of their own.
    public static func build(from samples: [RGBAImage], reserved: [RGBColor] = [], size: Int = maximumColors) -> GIFPalette {
        precondition(size >= 1 && size <= maximumColors)
        var fixed: [UInt32] = []
        for colour in reserved where fixed.count < size {
            let c = UInt32(byte(colour.red)) | UInt32(byte(colour.green)) << 8 | UInt32(byte(colour.blue)) << 16
            if !fixed.contains(c) { fixed.append(c) }
        }
        let histogram = ColourHistogram(samples)
        var colours = fixed
        for c in histogram.medianCut(into: size - fixed.count) where !colours.contains(c) { colours.append(c) }
        if colours.isEmpty { colours = [0xFF_FFFF] }
        return GIFPalette(colors: colours.flatMap { [UInt8($0 & 0xFF), UInt8(($0 >> 8) & 0xFF), UInt8(($0 >> 16) & 0xFF)] })
    }

    private static func byte(_ v: Double) -> UInt8 { UInt8((min(1, max(0, v)) * 255).rounded()) }

    /// The sample frames chosen for a palette: the first and last and evenly spaced ones between, at most `limit`.
    public static func sampleIndices(frameCount: Int, limit: Int = 9) -> [Int] {
        guard frameCount > 0 else { return [] }
        let n = min(frameCount, max(2, limit))
        if n == 1 || frameCount == 1 { return [0] }
        var out: [Int] = []
        for k in 0..<n {
            let i = (k * (frameCount - 1) + (n - 1) / 2) / (n - 1)
            if out.last != i { out.append(i) }
        }
        return out
    }
}

/// Pixel counts and colour sums in cells of 5 bits per channel, and the median cut over them.
private struct ColourHistogram {
    static let cells = 1 << 15
    var counts = [Int](repeating: 0, count: cells)
    var sums = [Int](repeating: 0, count: 3 * cells)

    init(_ images: [RGBAImage]) {
        for image in images {
            image.pixels.withUnsafeBytes { raw in
                let p = raw.bindMemory(to: UInt32.self)
                counts.withUnsafeMutableBufferPointer { counts in
                    sums.withUnsafeMutableBufferPointer { sums in
                        // The last pixel and its colour (runs of one colour are common).
                        var last = p.first ?? 0, lastColour = GIFPalette.opaqueColor(last)
                        for v in p {
                            if v != last { last = v; lastColour = GIFPalette.opaqueColor(v) }
                            let r = Int(lastColour & 0xFF), g = Int((lastColour >> 8) & 0xFF), b = Int((lastColour >> 16) & 0xFF)
                            let cell = (r >> 3) << 10 | (g >> 3) << 5 | (b >> 3)
                            counts[cell] += 1
                            sums[3 * cell] += r; sums[3 * cell + 1] += g; sums[3 * cell + 2] += b
                        }
                    }
                }
            }
        }
    }

    /// A cell: its mean colour, pixel count and weight.
    struct Cell {
        var index: Int
        var mean: SIMD3<Double>
        var count: Int
        var weight: Double
    }

    /// A box of cells with its weighted spread.
    struct Box {
        var cells: [Cell]
        var spread: Double
        var axis: Int

        init(_ cells: [Cell]) {
            self.cells = cells
            var w = 0.0, m = SIMD3<Double>(repeating: 0)
            for c in cells { w += c.weight; m += c.weight * c.mean }
            m /= max(w, .leastNormalMagnitude)
            var v = SIMD3<Double>(repeating: 0)
            for c in cells { let d = c.mean - m; v += c.weight * d * d }
            spread = cells.count > 1 ? v.sum() : -1
            axis = v[1] >= v[0] && v[1] >= v[2] ? 1 : (v[0] >= v[2] ? 0 : 2)
        }

        /// The box's colour: the mean of its pixels, rounded.
        var colour: UInt32 {
            var n = 0, s = SIMD3<Double>(repeating: 0)
            for c in cells { n += c.count; s += Double(c.count) * c.mean }
            let m = s / Double(max(1, n))
            return UInt32(m.x.rounded()) | UInt32(m.y.rounded()) << 8 | UInt32(m.z.rounded()) << 16
        }
    }

    func medianCut(into size: Int) -> [UInt32] {
        guard size > 0 else { return [] }
        var cells: [Cell] = []
        for i in 0..<Self.cells where counts[i] > 0 {
            let n = Double(counts[i])
            cells.append(Cell(index: i, mean: SIMD3(Double(sums[3 * i]), Double(sums[3 * i + 1]), Double(sums[3 * i + 2])) / n,
                              count: counts[i], weight: n.squareRoot()))
        }
        guard !cells.isEmpty else { return [] }
        var boxes = [Box(cells)]
        while boxes.count < size {
            // The widest box (the first of equals) is cut next.
            var pick = -1, widest = 0.0
            for (i, b) in boxes.enumerated() where b.spread > widest { pick = i; widest = b.spread }
            if pick < 0 { break }
            let box = boxes[pick], axis = box.axis
            let sorted = box.cells.sorted { ($0.mean[axis], $0.index) < ($1.mean[axis], $1.index) }
            let total = sorted.reduce(0) { $0 + $1.weight }
            var running = 0.0, cut = 1
            for (k, c) in sorted.enumerated() {
                running += c.weight
                if running >= total / 2 { cut = k + 1; break }
            }
            cut = min(max(cut, 1), sorted.count - 1)
            boxes[pick] = Box(Array(sorted[..<cut]))
            boxes.append(Box(Array(sorted[cut...])))
        }
        return boxes.map(\.colour)
    }
}
