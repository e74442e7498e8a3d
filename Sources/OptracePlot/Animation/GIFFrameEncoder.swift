import CAnimationCodecs
import Foundation

/// Encodes one frame of a GIF animation (graphics control extension, image descriptor, LZW data through giflib)
/// as the change from the previous frame.
///
/// Only the bounding rectangle of pixels whose palette entry changed is stored; inside it, pixels that keep
/// their entry are written as the transparent index and the frame is not disposed, so the previous one shows
/// through. Every decoded pixel is therefore the palette entry nearest to the pixel's colour in that frame.
/// Frames are independent, so they may be encoded on any thread.
public struct GIFFrameEncoder {
    public let palette: GIFPalette
    public let width: Int
    public let height: Int
    private let table: [UInt8]

    public init(palette: GIFPalette, width: Int, height: Int) {
        self.palette = palette
        self.width = width
        self.height = height
        table = palette.table
    }

    /// The frame `current` (after `previous`, or the first frame when nil) shown for `delay` hundredths of a second.
    public func encode(previous: RGBAImage?, current: RGBAImage, delay: Int, index: GIFColorIndex,
                       cancellation: Cancellation = .never) throws -> [UInt8] {
        guard current.width == width, current.height == height, previous.map({ $0.width == width && $0.height == height }) ?? true else {
            throw AnimationError("GIF frame is \(current.width)×\(current.height), the animation \(width)×\(height)")
        }
        let w = width, h = height
        var indices = [UInt8](repeating: GIFPalette.transparentIndex, count: w * h)
        var minX = w, minY = h, maxX = -1, maxY = -1
        try current.pixels.withUnsafeBytes { cRaw in
            let c = cRaw.bindMemory(to: UInt32.self)
            try indices.withUnsafeMutableBufferPointer { out in
                if let previous {
                    try previous.pixels.withUnsafeBytes { pRaw in
                        let p = pRaw.bindMemory(to: UInt32.self)
                        for y in 0..<h {
                            if y & 63 == 0 { try cancellation.check() }
                            let row = y * w
                            if memcmp(pRaw.baseAddress! + row * 4, cRaw.baseAddress! + row * 4, w * 4) == 0 { continue }
                            for x in 0..<w where p[row + x] != c[row + x] {
                                let now = index.index(GIFPalette.opaqueColor(c[row + x]))
                                if now == index.index(GIFPalette.opaqueColor(p[row + x])) { continue }
                                out[row + x] = now
                                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = y
                            }
                        }
                    }
                } else {
                    for y in 0..<h {
                        if y & 63 == 0 { try cancellation.check() }
                        // The last pixel's colour and entry (rows are long runs of one colour).
                        var last = c[y * w], lastIndex = index.index(GIFPalette.opaqueColor(last))
                        for x in 0..<w {
                            let v = c[y * w + x]
                            if v != last { last = v; lastIndex = index.index(GIFPalette.opaqueColor(v)) }
                            out[y * w + x] = lastIndex
                        }
                    }
                    (minX, minY, maxX, maxY) = (0, 0, w - 1, h - 1)
                }
            }
        }
        // Nothing changed: one transparent pixel keeps the frame's time.
        if maxX < 0 { return try block(left: 0, top: 0, width: 1, height: 1, indices: [GIFPalette.transparentIndex], delay: delay) }
        let rw = maxX - minX + 1, rh = maxY - minY + 1
        var rect = [UInt8](repeating: 0, count: rw * rh)
        for y in 0..<rh {
            let from = (minY + y) * w + minX
            rect.replaceSubrange(y * rw..<(y + 1) * rw, with: indices[from..<(from + rw)])
        }
        return try block(left: minX, top: minY, width: rw, height: rh, indices: rect, delay: delay)
    }

    private func block(left: Int, top: Int, width rw: Int, height rh: Int, indices: [UInt8], delay: Int) throws -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        var size = 0
        var message = [CChar](repeating: 0, count: 256)
        let ok = optrace_gif_frame(
            Int32(width), Int32(height), table, Int32(left), Int32(top), Int32(rw), Int32(rh), indices,
            Int32(min(65535, delay)), 1 /* do not dispose */, Int32(GIFPalette.transparentIndex), &out, &size, &message, message.count)
        guard ok != 0, let out else { throw AnimationError(CStringBuffer.string(message)) }
        defer { optrace_animation_free(out) }
        return [UInt8](UnsafeBufferPointer(start: out, count: size))
    }
}
