import Foundation
import CPNG
@testable import OptracePlot

/// An independent APNG reader for tests: checks chunk CRCs and sequence numbers, re-wraps each
/// frame's data as a standalone PNG, decodes it with libpng and composites it by the fcTL rules.
struct APNGComposer {
    struct Problem: Error, CustomStringConvertible { let description: String }

    var width = 0, height = 0
    var frameCount = 0, plays = -1
    /// Frame delays in seconds, in order.
    var delays: [Double] = []
    /// Every composed frame as straight RGBA.
    var frames: [[UInt8]] = []

    init(_ bytes: [UInt8]) throws {
        guard Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { throw Problem(description: "no PNG signature") }
        func be32(_ a: ArraySlice<UInt8>) -> Int { a.reduce(0) { $0 << 8 | Int($1) } }
        func be(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 255), UInt8(v >> 16 & 255), UInt8(v >> 8 & 255), UInt8(v & 255)] }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            return be(data.count) + body + be(Int(crc32(0, body, uInt(body.count))))
        }
        var offset = 8
        var ihdr: [UInt8] = []
        var canvas: [UInt8] = []
        var expectedSequence = 0
        var pending: (x: Int, y: Int, w: Int, h: Int, blend: UInt8, data: [UInt8])?
        func flush() throws {
            guard let p = pending else { return }
            var header = ihdr
            header.replaceSubrange(0..<8, with: be(p.w) + be(p.h))
            let png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", p.data) + chunk("IEND", [])
            let decoded = try PNGDecoder.decodeStraight(png)
            for row in 0..<p.h {
                for col in 0..<p.w {
                    let src = (row * p.w + col) * 4
                    let dst = ((p.y + row) * width + p.x + col) * 4
                    let alpha = decoded.rgba[src + 3]
                    if p.blend == 0 || alpha == 255 {
                        for c in 0..<4 { canvas[dst + c] = decoded.rgba[src + c] }
                    } else if alpha != 0 {
                        throw Problem(description: "partial alpha \(alpha) in an OVER frame")
                    }
                }
            }
            frames.append(canvas)
            pending = nil
        }
        while offset + 12 <= bytes.count {
            let length = be32(bytes[offset..<offset + 4])
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let data = Array(bytes[offset + 8..<offset + 8 + length])
            let crc = be32(bytes[offset + 8 + length..<offset + 12 + length])
            let body = Array(bytes[offset + 4..<offset + 8 + length])
            guard crc == Int(crc32(0, body, uInt(body.count))) else { throw Problem(description: "bad CRC in \(type)") }
            offset += 12 + length
            switch type {
            case "IHDR":
                ihdr = data
                width = be32(data[0..<4]); height = be32(data[4..<8])
                canvas = [UInt8](repeating: 0, count: width * height * 4)
            case "acTL":
                frameCount = be32(data[0..<4]); plays = be32(data[4..<8])
            case "fcTL":
                try flush()
                guard be32(data[0..<4]) == expectedSequence else { throw Problem(description: "fcTL sequence \(be32(data[0..<4])), expected \(expectedSequence)") }
                expectedSequence += 1
                let w = be32(data[4..<8]), h = be32(data[8..<12]), x = be32(data[12..<16]), y = be32(data[16..<20])
                guard x + w <= width, y + h <= height else { throw Problem(description: "frame outside the canvas") }
                let num = Int(data[20]) << 8 | Int(data[21]), den = Int(data[22]) << 8 | Int(data[23])
                delays.append(Double(num) / Double(den == 0 ? 100 : den))
                guard data[24] == 0 else { throw Problem(description: "dispose op \(data[24]) not NONE") }
                pending = (x, y, w, h, data[25], [])
            case "IDAT":
                pending?.data += data
            case "fdAT":
                guard be32(data[0..<4]) == expectedSequence else { throw Problem(description: "fdAT sequence \(be32(data[0..<4])), expected \(expectedSequence)") }
                expectedSequence += 1
                pending?.data += data[4...]
            case "IEND":
                try flush()
            default:
                break
            }
        }
        guard frames.count == frameCount else { throw Problem(description: "\(frames.count) frames, acTL says \(frameCount)") }
    }
}
