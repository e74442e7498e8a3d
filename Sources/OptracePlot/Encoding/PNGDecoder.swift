import CPNGHelpers

/// Decodes PNG bytes through libpng into straight 8-bit RGBA.
public enum PNGDecoder {
    /// Width, height and straight RGBA bytes (4 per pixel, top row first).
    public static func decodeStraight(_ data: [UInt8]) throws -> (width: Int, height: Int, rgba: [UInt8]) {
        var out: UnsafeMutablePointer<UInt8>?
        var w: Int32 = 0, h: Int32 = 0
        var error = [CChar](repeating: 0, count: 256)
        let ok = data.withUnsafeBufferPointer { buf in
            optrace_png_decode(buf.baseAddress, buf.count, &out, &w, &h, &error, error.count)
        }
        guard ok == 1, let out else { throw PNGError(CStringBuffer.string(error)) }
        defer { optrace_png_free(out) }
        return (Int(w), Int(h), Array(UnsafeBufferPointer(start: out, count: Int(w) * Int(h) * 4)))
    }

    /// The decoded image, premultiplied.
    public static func decode(_ data: [UInt8]) throws -> RGBAImage {
        let d = try decodeStraight(data)
        return RGBAImage(width: d.width, height: d.height, straightRGBA: d.rgba)
    }
}
