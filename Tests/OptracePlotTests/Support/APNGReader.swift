import Foundation
@testable import OptracePlot

/// A test-side APNG decoder: parses chunks, re-wraps each frame as a standalone PNG, decodes it with libpng and
/// composites by the fcTL rules (offsets, blend OVER/SOURCE on straight alpha, dispose NONE only).
struct APNGReader {
    struct FrameControl {
        var sequence: UInt32, width: Int, height: Int, x: Int, y: Int
        var delayNumerator: UInt16, delayDenominator: UInt16, dispose: UInt8, blend: UInt8
    }

    var frameCount = 0
    var plays: UInt32 = 0
    var controls: [FrameControl] = []
    /// Composited canvas after each frame, straight RGBA.
    var frames: [[UInt8]] = []
    var width = 0, height = 0
    /// Sequence numbers of fcTL and fdAT chunks in file order.
    var sequenceNumbers: [UInt32] = []

    init(_ bytes: [UInt8]) throws {
        let chunks = try PNGChunk.parse(bytes)   // checks every CRC
        guard chunks.first?.type == "IHDR", chunks.last?.type == "IEND" else { throw PNGError("bad chunk order") }
        let ihdr = chunks[0]
        width = Int(ihdr.data.readBigEndianUInt32(at: 0))
        height = Int(ihdr.data.readBigEndianUInt32(at: 4))
        var canvas = [UInt8](repeating: 0, count: width * height * 4)
        var pending: (FrameControl, [UInt8])?

        func finish() throws {
            guard let (fc, data) = pending else { return }
            var w = ihdr.data
            w.replaceSubrange(0..<4, with: be32(UInt32(fc.width)))
            w.replaceSubrange(4..<8, with: be32(UInt32(fc.height)))
            let png = PNGChunk.signature + PNGChunk(type: "IHDR", data: w).serialized()
                + PNGChunk(type: "IDAT", data: data).serialized() + PNGChunk(type: "IEND", data: []).serialized()
            let decoded = try PNGDecoder.decodeStraight(png)
            guard decoded.width == fc.width, decoded.height == fc.height else { throw PNGError("frame size mismatch") }
            guard fc.x + fc.width <= width, fc.y + fc.height <= height else { throw PNGError("frame outside canvas") }
            guard fc.dispose == 0 else { throw PNGError("unexpected dispose op") }
            for y in 0..<fc.height {
                for x in 0..<fc.width {
                    let s = (y * fc.width + x) * 4, d = ((fc.y + y) * width + fc.x + x) * 4
                    let a = decoded.rgba[s + 3]
                    if fc.blend == 0 || a == 255 {
                        for c in 0..<4 { canvas[d + c] = decoded.rgba[s + c] }
                    } else if a != 0 {
                        throw PNGError("partial alpha under OVER is not exact; the writer must not produce it")
                    }
                }
            }
            frames.append(canvas)
            pending = nil
        }

        for chunk in chunks.dropFirst() {
            switch chunk.type {
            case "acTL":
                frameCount = Int(chunk.data.readBigEndianUInt32(at: 0))
                plays = chunk.data.readBigEndianUInt32(at: 4)
            case "fcTL":
                try finish()
                let d = chunk.data
                let fc = FrameControl(
                    sequence: d.readBigEndianUInt32(at: 0), width: Int(d.readBigEndianUInt32(at: 4)),
                    height: Int(d.readBigEndianUInt32(at: 8)), x: Int(d.readBigEndianUInt32(at: 12)),
                    y: Int(d.readBigEndianUInt32(at: 16)), delayNumerator: d.readBigEndianUInt16(at: 20),
                    delayDenominator: d.readBigEndianUInt16(at: 22), dispose: d[24], blend: d[25])
                sequenceNumbers.append(fc.sequence)
                controls.append(fc)
                pending = (fc, [])
            case "IDAT":
                pending?.1 += chunk.data
            case "fdAT":
                sequenceNumbers.append(chunk.data.readBigEndianUInt32(at: 0))
                pending?.1 += chunk.data[4...]
            case "IEND":
                try finish()
            default:
                break
            }
        }
    }

    private func be32(_ v: UInt32) -> [UInt8] {
        var a = [UInt8]()
        a.appendBigEndian(v)
        return a
    }
}
