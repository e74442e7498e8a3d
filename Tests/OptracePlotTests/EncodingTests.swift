import Foundation
import Testing
@testable import OptracePlot

@Suite struct EncodingTests {
    /// A deterministic test picture with gradients, flat areas and (optionally) translucent pixels.
    static func pattern(width: Int, height: Int, seed: Int, translucent: Bool = false) -> RGBAImage {
        var straight = [UInt8]()
        for y in 0..<height {
            for x in 0..<width {
                let inSquare = abs(x - (seed * 3) % width) < 4 && abs(y - height / 2) < 4
                straight += [UInt8((x * 7) & 0xFF), UInt8((y * 5) & 0xFF), inSquare ? 255 : 40,
                             translucent ? UInt8((x * 16 + y) & 0xFF) : 255]
            }
        }
        return RGBAImage(width: width, height: height, straightRGBA: straight)
    }

    @Test(arguments: [
        PNGOptions.standard,
        PNGOptions(level: 9, strategy: .default, filters: .all),
        PNGOptions(level: 0, strategy: .huffmanOnly, filters: .none, dropOpaqueAlpha: false),
    ])
    func opaqueRoundTripIsExact(options: PNGOptions) throws {
        let image = Self.pattern(width: 37, height: 23, seed: 5)
        let png = try PNGEncoder(options: options).encode(image)
        #expect(Array(png.prefix(8)) == PNGChunk.signature)
        let decoded = try PNGDecoder.decode(png)
        #expect(decoded == image)
        // Colour type 2 (RGB) when alpha is dropped, 6 (RGBA) otherwise.
        let ihdr = try #require(try PNGChunk.parse(png).first)
        #expect(ihdr.data[9] == (options.dropOpaqueAlpha ? 2 : 6))
    }

    @Test func translucentPixelsAreUnpremultipliedAtEncodeTime() throws {
        let straight: [UInt8] = [200, 100, 50, 128, 255, 255, 255, 0, 10, 20, 30, 255, 255, 0, 0, 1]
        let image = RGBAImage(width: 2, height: 2, straightRGBA: straight)
        #expect(image.pixels[0] == 100)   // premultiplied in memory: 200 · 128 / 255 ≈ 100
        let png = try PNGEncoder().encode(image)
        let decoded = try PNGDecoder.decodeStraight(png)
        // Straight values come back within the premultiplication rounding (exact for opaque and transparent).
        #expect(decoded.rgba[8..<12] == [10, 20, 30, 255])
        #expect(decoded.rgba[4..<8] == [0, 0, 0, 0])
        #expect(abs(Int(decoded.rgba[0]) - 200) <= 1 && decoded.rgba[3] == 128)
        #expect(try PNGDecoder.decode(png) == image)
    }

    @Test func garbageIsRejectedWithAMessage() {
        #expect(throws: PNGError.self) { try PNGDecoder.decodeStraight([1, 2, 3]) }
        var png = (try? PNGEncoder().encode(Self.pattern(width: 8, height: 8, seed: 1))) ?? []
        png.removeLast(30)
        do {
            _ = try PNGDecoder.decodeStraight(png)
            Issue.record("truncated PNG decoded")
        } catch let error as PNGError {
            #expect(!error.message.isEmpty)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func crc32MatchesKnownValues() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(PNGChunk(type: "IEND", data: []).crc == 0xAE42_6082)
    }

    @Test func parallelEncodingIsByteIdenticalForAnyThreadCount() throws {
        let images = (0..<7).map { Self.pattern(width: 64, height: 48, seed: $0, translucent: $0 % 2 == 0) }
        let one = try ParallelPNGEncoder.encode(images, threads: 1)
        let many = try ParallelPNGEncoder.encode(images, threads: 4)
        let three = try ParallelPNGEncoder.encode(images, threads: 3)
        #expect(one == many)
        #expect(one == three)
        #expect(one.count == 7)
        for (k, png) in one.enumerated() { #expect(try PNGDecoder.decode(png) == images[k]) }
    }

    @Test func parallelMapRethrowsTheFirstError() {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            _ = try ParallelPNGEncoder.map(count: 10, threads: 3) { k -> Int in
                if k == 4 { throw Boom() }
                return k
            }
        }
    }
}
