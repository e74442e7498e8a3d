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
    /// Straight RGBA for the rectangle, row-major.
    public var straightRGBA: [UInt8]
    /// `true` → APNG_BLEND_OP_OVER, `false` → APNG_BLEND_OP_SOURCE.
    public var blendOver: Bool

    /// The full frame, drawn with SOURCE (used for frame 0).
    public static func full(_ image: RGBAImage) -> FrameDelta {
        FrameDelta(x: 0, y: 0, width: image.width, height: image.height, straightRGBA: image.straightRGBA(), blendOver: false)
    }

    /// What changed from `previous` to `current` (same size).
    public static func between(_ previous: RGBAImage, _ current: RGBAImage) -> FrameDelta {
        precondition(previous.width == current.width && previous.height == current.height)
        let w = current.width, h = current.height
        var minX = w, minY = h, maxX = -1, maxY = -1
        previous.pixels.withUnsafeBytes { pRaw in
            current.pixels.withUnsafeBytes { cRaw in
                let p = pRaw.bindMemory(to: UInt32.self), c = cRaw.bindMemory(to: UInt32.self)
                for y in 0..<h {
                    let row = y * w
                    // Most rows are unchanged: compare them whole (memcmp is vectorised), then scan
                    // a changed row from both ends.
                    if memcmp(pRaw.baseAddress! + row * 4, cRaw.baseAddress! + row * 4, w * 4) == 0 { continue }
                    var first = 0, last = w - 1
                    while p[row + first] == c[row + first] { first += 1 }
                    while p[row + last] == c[row + last] { last -= 1 }
                    minX = Swift.min(minX, first); maxX = Swift.max(maxX, last)
                    minY = Swift.min(minY, y); maxY = y
                }
            }
        }
        guard maxX >= 0 else {
            // Nothing changed: one transparent pixel drawn OVER.
            return FrameDelta(x: 0, y: 0, width: 1, height: 1, straightRGBA: [0, 0, 0, 0], blendOver: true)
        }
        let rw = maxX - minX + 1, rh = maxY - minY + 1
        var out = [UInt8](repeating: 0, count: rw * rh * 4)
        var allOpaque = true
        previous.pixels.withUnsafeBytes { pRaw in
            current.pixels.withUnsafeBytes { cRaw in
                out.withUnsafeMutableBytes { oRaw in
                    let p = pRaw.bindMemory(to: UInt32.self), c = cRaw.bindMemory(to: UInt32.self)
                    let cb = cRaw.bindMemory(to: UInt8.self), o = oRaw.bindMemory(to: UInt8.self)
                    for y in 0..<rh {
                        let row = (minY + y) * w + minX
                        for x in 0..<rw where p[row + x] != c[row + x] {
                            let si = (row + x) * 4, di = (y * rw + x) * 4
                            let a = cb[si + 3]
                            if a == 255 {
                                o[di] = cb[si]; o[di + 1] = cb[si + 1]; o[di + 2] = cb[si + 2]; o[di + 3] = 255
                            } else {
                                allOpaque = false
                            }
                        }
                    }
                }
            }
        }
        if !allOpaque {
            // Some changed pixel is translucent: store the whole rectangle and draw it with SOURCE.
            let straight = current.straightRGBA()
            for y in 0..<rh {
                let si = ((minY + y) * w + minX) * 4, di = y * rw * 4
                out.replaceSubrange(di..<(di + rw * 4), with: straight[si..<(si + rw * 4)])
            }
        }
        return FrameDelta(x: minX, y: minY, width: rw, height: rh, straightRGBA: out, blendOver: allOpaque)
    }
}
