/// An APNG frame ready to be written: its rectangle, blend mode and the zlib stream (IDAT payloads) libpng produced.
public struct EncodedFrame: Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    public var blendOver: Bool
    /// The IHDR data of the standalone PNG the payload came from.
    public var header: [UInt8]
    /// IDAT chunk payloads in order (their concatenation is the frame's zlib stream).
    public var payloads: [[UInt8]]

    /// Encodes `delta` as an RGBA PNG with `options` and keeps its IHDR and IDAT data.
    public static func encode(_ delta: FrameDelta, options: PNGOptions) throws -> EncodedFrame {
        var o = options
        o.dropOpaqueAlpha = false
        let png = try PNGEncoder(options: o).encode(rows: delta.straightRGBA, width: delta.width, height: delta.height, channels: 4)
        let chunks = try PNGChunk.parse(png)
        guard let ihdr = chunks.first(where: { $0.type == "IHDR" }) else { throw PNGError("libpng wrote no IHDR") }
        return EncodedFrame(x: delta.x, y: delta.y, width: delta.width, height: delta.height, blendOver: delta.blendOver,
                            header: ihdr.data, payloads: chunks.filter { $0.type == "IDAT" }.map(\.data))
    }
}
