import Foundation
/// The part of a frame an APNG must store: the bounding rectangle of pixels that changed since the previous frame.
///
/// Inside the rectangle, unchanged pixels are made fully transparent and drawn with `blend_op = OVER`, so the file
/// grows with what moves. If a changed pixel is not opaque, OVER would mix it with the old pixel, so the whole
/// rectangle is stored as is and drawn with `SOURCE` instead.
public struct FrameDelta: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    /// The rectangle as PNG image data, ready to compress: each row is a filter byte 0 (None) followed by the
    /// row's straight RGBA.
    public var scanlines: [UInt8]
    /// `true` → APNG_BLEND_OP_OVER, `false` → APNG_BLEND_OP_SOURCE.
    public var blendOver: Bool

    /// Bytes per scanline: the filter byte, then 4 per pixel.
    public var scanlineLength: Int { 1 + 4 * width }

    /// Straight RGBA for the rectangle, row-major (the scanlines without their filter bytes).
    public var straightRGBA: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(4 * width * height)
        for y in 0..<height {
            let start = y * scanlineLength + 1
            out += scanlines[start..<(start + 4 * width)]
        }
        return out
    }

    /// The full frame, drawn with SOURCE (used for frame 0).
    public static func full(_ image: RGBAImage) -> FrameDelta {
        let straight = image.straightRGBA()
        let w = image.width, h = image.height, rowBytes = 4 * w, stride = 1 + rowBytes
        let rows = [UInt8](unsafeUninitializedCapacity: stride * h) { buffer, initialized in
            straight.withUnsafeBytes { source in
                for y in 0..<h {
                    buffer[y * stride] = 0
                    memcpy(buffer.baseAddress! + y * stride + 1, source.baseAddress! + y * rowBytes, rowBytes)
                }
            }
            initialized = stride * h
        }
        return FrameDelta(x: 0, y: 0, width: w, height: h, scanlines: rows, blendOver: false)
    }

    /// What changed from `previous` to `current` (same size).
    public static func between(_ previous: RGBAImage, _ current: RGBAImage) -> FrameDelta {
        precondition(previous.width == current.width && previous.height == current.height)
        let w = current.width, h = current.height
        var minX = w, minY = h, maxX = -1, maxY = -1
        // The changed span of each row (first > last: none).
        var first = [Int](repeating: 0, count: h), last = [Int](repeating: -1, count: h)
        previous.pixels.withUnsafeBytes { pRaw in
            current.pixels.withUnsafeBytes { cRaw in
                let p = pRaw.bindMemory(to: UInt32.self), c = cRaw.bindMemory(to: UInt32.self)
                for y in 0..<h {
                    let row = y * w
                    // Most rows are unchanged: compare them whole (memcmp is vectorised), then scan
                    // a changed row from both ends.
                    if memcmp(pRaw.baseAddress! + row * 4, cRaw.baseAddress! + row * 4, w * 4) == 0 { continue }
                    var f = 0, l = w - 1
                    while p[row + f] == c[row + f] { f += 1 }
                    while p[row + l] == c[row + l] { l -= 1 }
                    first[y] = f; last[y] = l
                    minX = Swift.min(minX, f); maxX = Swift.max(maxX, l)
                    minY = Swift.min(minY, y); maxY = y
                }
            }
        }
        guard maxX >= 0 else {
            // Nothing changed: one transparent pixel drawn OVER.
            return FrameDelta(x: 0, y: 0, width: 1, height: 1, scanlines: [0, 0, 0, 0, 0], blendOver: true)
        }
        let rw = maxX - minX + 1, rh = maxY - minY + 1, stride = 1 + 4 * rw
        var out = [UInt8](repeating: 0, count: stride * rh)
        var allOpaque = true
        previous.pixels.withUnsafeBytes { pRaw in
            current.pixels.withUnsafeBytes { cRaw in
                out.withUnsafeMutableBytes { oRaw in
                    let p = pRaw.bindMemory(to: UInt32.self), c = cRaw.bindMemory(to: UInt32.self)
                    let cb = cRaw.bindMemory(to: UInt8.self), o = oRaw.bindMemory(to: UInt8.self)
                    // Only the changed span of each row is visited; the rest stays transparent.
                    rows: for y in minY...maxY where first[y] <= last[y] {
                        let row = y * w
                        let base = (y - minY) * stride + 1 - 4 * minX
                        for x in first[y]...last[y] where p[row + x] != c[row + x] {
                            let si = (row + x) * 4, di = base + 4 * x
                            guard cb[si + 3] == 255 else {
                                allOpaque = false
                                break rows
                            }
                            o[di] = cb[si]; o[di + 1] = cb[si + 1]; o[di + 2] = cb[si + 2]; o[di + 3] = 255
                        }
                    }
                }
            }
        }
        if !allOpaque {
            // Some changed pixel is translucent: store the whole rectangle and draw it with SOURCE.
            let straight = current.straightRGBA()
            for y in 0..<rh {
                let si = ((minY + y) * w + minX) * 4, di = y * stride + 1
                out.replaceSubrange(di..<(di + rw * 4), with: straight[si..<(si + rw * 4)])
            }
        }
        return FrameDelta(x: minX, y: minY, width: rw, height: rh, scanlines: out, blendOver: allOpaque)
    }
}
