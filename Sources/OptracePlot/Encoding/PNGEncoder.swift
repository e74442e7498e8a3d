import CPNGHelpers

/// Encodes images as PNG in memory through libpng.
public struct PNGEncoder: Sendable {
    public var options: PNGOptions

    public init(options: PNGOptions = .standard) { self.options = options }

    /// PNG bytes for `image` (un-premultiplied; RGB when opaque and `dropOpaqueAlpha`).
    public func encode(_ image: RGBAImage) throws -> [UInt8] {
        try encode(image, cancellation: .never)
    }

    /// PNG bytes for `image`, looking at `cancellation` between bands of rows; throws `Cancelled` when it fired.
    public func encode(_ image: RGBAImage, cancellation: Cancellation) throws -> [UInt8] {
        if image.isOpaque {
            // Opaque premultiplied pixels are already straight; libpng drops the alpha byte itself when asked.
            return try encode(rows: image.pixels, offset: 0, stride: image.width * 4, width: image.width, height: image.height,
                              channels: 4, dropAlpha: options.dropOpaqueAlpha, cancellation: cancellation)
        }
        try cancellation.check()
        return try encode(rows: image.straightRGBA(), offset: 0, stride: image.width * 4, width: image.width,
                          height: image.height, channels: 4, cancellation: cancellation)
    }

    /// PNG bytes from tightly packed 8-bit rows with 3 (RGB) or 4 (straight RGBA) channels.
    /// With `dropAlpha` and 4 channels, the fourth byte is ignored and an RGB PNG is written.
    public func encode(rows: [UInt8], width: Int, height: Int, channels: Int, dropAlpha: Bool = false) throws -> [UInt8] {
        precondition(rows.count == width * height * channels)
        return try encode(rows: rows, offset: 0, stride: width * channels, width: width, height: height, channels: channels,
                          dropAlpha: dropAlpha)
    }

    /// PNG bytes from 8-bit rows `stride` bytes apart in `rows`, the first starting at `offset`.
    func encode(rows: [UInt8], offset: Int, stride: Int, width: Int, height: Int, channels: Int,
                dropAlpha: Bool = false, cancellation: Cancellation = .never) throws -> [UInt8] {
        precondition(width > 0 && height > 0 && stride >= width * channels
                     && offset >= 0 && offset + (height - 1) * stride + width * channels <= rows.count)
        var out: UnsafeMutablePointer<UInt8>?
        var size = 0
        var error = [CChar](repeating: 0, count: 256)
        var stop = cancellation
        let status = withUnsafeMutablePointer(to: &stop) { stopPointer in
            rows.withUnsafeBufferPointer { buf in
                optrace_png_encode(buf.baseAddress! + offset, Int32(width), Int32(height), stride, Int32(channels), dropAlpha ? 1 : 0,
                                   Int32(options.level), options.strategy.zlibValue, options.filters.rawValue,
                                   { context in context!.assumingMemoryBound(to: Cancellation.self).pointee.isRequested ? 1 : 0 },
                                   stopPointer, &out, &size, &error, error.count)
            }
        }
        if status == -1 { throw Cancelled() }
        guard status == 1, let out else { throw PNGError(CStringBuffer.string(error)) }
        defer { optrace_png_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: size))
    }
}
