/// One PNG chunk: a four-letter type and its data (length and CRC are derived).
public struct PNGChunk: Sendable, Equatable {
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    public var type: String
    public var data: [UInt8]

    public init(type: String, data: [UInt8]) {
        precondition(type.utf8.count == 4)
        self.type = type
        self.data = data
    }

    var typeBytes: [UInt8] { Array(type.utf8) }

    /// CRC-32 over type and data.
    public var crc: UInt32 { CRC32.checksum(typeBytes, data) }

    /// Length, type, data and CRC as they appear in a file.
    public func serialized() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(data.count + 12)
        out.appendBigEndian(UInt32(data.count))
        out += typeBytes
        out += data
        out.appendBigEndian(crc)
        return out
    }

    /// Splits a PNG/APNG byte stream into chunks, checking the signature and every CRC.
    public static func parse(_ bytes: [UInt8]) throws -> [PNGChunk] {
        guard bytes.count >= 8, Array(bytes[0..<8]) == signature else { throw PNGError("bad PNG signature") }
        var chunks: [PNGChunk] = []
        var i = 8
        while i < bytes.count {
            guard i + 12 <= bytes.count else { throw PNGError("truncated chunk header at \(i)") }
            let length = Int(bytes.readBigEndianUInt32(at: i))
            guard i + 12 + length <= bytes.count else { throw PNGError("truncated chunk at \(i)") }
            let typeBytes = Array(bytes[(i + 4)..<(i + 8)])
            let data = Array(bytes[(i + 8)..<(i + 8 + length)])
            let stored = bytes.readBigEndianUInt32(at: i + 8 + length)
            let chunk = PNGChunk(type: String(decoding: typeBytes, as: UTF8.self), data: data)
            guard chunk.crc == stored else { throw PNGError("CRC mismatch in \(chunk.type) chunk at \(i)") }
            chunks.append(chunk)
            i += 12 + length
        }
        return chunks
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian(_ v: UInt32) {
        append(UInt8(v >> 24)); append(UInt8((v >> 16) & 0xFF)); append(UInt8((v >> 8) & 0xFF)); append(UInt8(v & 0xFF))
    }

    mutating func appendBigEndian(_ v: UInt16) {
        append(UInt8(v >> 8)); append(UInt8(v & 0xFF))
    }

    func readBigEndianUInt32(at i: Int) -> UInt32 {
        UInt32(self[i]) << 24 | UInt32(self[i + 1]) << 16 | UInt32(self[i + 2]) << 8 | UInt32(self[i + 3])
    }

    func readBigEndianUInt16(at i: Int) -> UInt16 {
        UInt16(self[i]) << 8 | UInt16(self[i + 1])
    }
}
