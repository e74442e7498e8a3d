/// An APNG frame ready to be written: its rectangle, blend mode, IHDR data and zlib stream (IDAT/fdAT payloads).
public struct EncodedFrame: Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    public var blendOver: Bool
    /// IHDR data for the frame as a standalone 8-bit RGBA PNG (the APNG's IHDR comes from frame 0).
    public var header: [UInt8]
    /// Chunk payloads in order (their concatenation is the frame's zlib stream).
    public var payloads: [[UInt8]]

    /// Encodes `delta` as an RGBA PNG through libpng with `options` and keeps its IHDR and IDAT data
    /// (used for the first, full frame, where libpng's adaptive filters pay off). libpng looks at
    /// `cancellation` between bands of rows and the encoding throws `Cancelled` when it fired.
    public static func encode(_ delta: FrameDelta, options: PNGOptions, cancellation: Cancellation = .never) throws -> EncodedFrame {
        var o = options
        o.dropOpaqueAlpha = false
        let png = try PNGEncoder(options: o).encode(rows: delta.scanlines, offset: 1, stride: delta.scanlineLength,
                                                     width: delta.width, height: delta.height, channels: 4,
                                                     cancellation: cancellation)
        let chunks = try PNGChunk.parse(png)
        guard let ihdr = chunks.first(where: { $0.type == "IHDR" }) else { throw PNGError("libpng wrote no IHDR") }
        return EncodedFrame(x: delta.x, y: delta.y, width: delta.width, height: delta.height, blendOver: delta.blendOver,
                            header: ihdr.data, payloads: chunks.filter { $0.type == "IDAT" }.map(\.data))
    }

    /// Encodes a delta frame: its scanlines (filter None) compressed by `SparseDeflate` into one payload.
    /// Deltas are mostly transparent zeros, which that encoder skips 8 bytes and more at a time.
    public static func encode(_ delta: FrameDelta) -> EncodedFrame {
        EncodedFrame(x: delta.x, y: delta.y, width: delta.width, height: delta.height, blendOver: delta.blendOver,
                     header: header(width: delta.width, height: delta.height), payloads: [SparseDeflate.zlib(delta.scanlines)])
    }

    /// IHDR data of an 8-bit RGBA image (colour type 6), no interlacing.
    static func header(width: Int, height: Int) -> [UInt8] {
        var ihdr = [UInt8]()
        ihdr.appendBigEndian(UInt32(width))
        ihdr.appendBigEndian(UInt32(height))
        ihdr += [8, 6, 0, 0, 0]
        return ihdr
    }
}
