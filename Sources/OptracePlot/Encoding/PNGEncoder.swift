import CPNGHelpers

/// Encodes images as PNG in memory through libpng.
public struct PNGEncoder: Sendable {
    public var options: PNGOptions

    public init(options: PNGOptions = .standard) { self.options = options }

    /// PNG bytes for `image` (un-premultiplied; RGB when opaque and `dropOpaqueAlpha`).
    public func encode(_ image: RGBAImage) throws -> [UInt8] {
        let straight = image.straightRGBA()
        if options.dropOpaqueAlpha && image.isOpaque {
            var rgb = [UInt8](repeating: 0, count: image.width * image.height * 3)
            straight.withUnsafeBufferPointer { src in
                rgb.withUnsafeMutableBufferPointer { dst in
                    var s = 0, d = 0
                    while s < src.count {
                        dst[d] = src[s]; dst[d + 1] = src[s + 1]; dst[d + 2] = src[s + 2]
                        s += 4; d += 3
                    }
                }
            }
            return try encode(rows: rgb, width: image.width, height: image.height, channels: 3)
        }
        return try encode(rows: straight, width: image.width, height: image.height, channels: 4)
    }

    /// PNG bytes from tightly packed 8-bit rows with 3 (RGB) or 4 (straight RGBA) channels.
    public func encode(rows: [UInt8], width: Int, height: Int, channels: Int) throws -> [UInt8] {
        precondition(rows.count == width * height * channels)
        var out: UnsafeMutablePointer<UInt8>?
        var size = 0
        var error = [CChar](repeating: 0, count: 256)
        let ok = rows.withUnsafeBufferPointer { buf in
            optrace_png_encode(buf.baseAddress, Int32(width), Int32(height), width * channels, Int32(channels),
                               Int32(options.level), options.strategy.zlibValue, options.filters.rawValue,
                               &out, &size, &error, error.count)
        }
        guard ok == 1, let out else { throw PNGError(CStringBuffer.string(error)) }
        defer { optrace_png_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: size))
    }
}
