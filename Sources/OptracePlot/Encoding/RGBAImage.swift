/// An 8-bit RGBA raster with premultiplied alpha (row-major, top row first, 4 bytes per pixel, no padding).
public struct RGBAImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Premultiplied R, G, B, A bytes; `pixels.count == width × height × 4`.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width > 0 && height > 0 && pixels.count == width * height * 4)
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A fully transparent image.
    public init(width: Int, height: Int) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: 0, count: width * height * 4))
    }

    /// Builds an image from straight (non-premultiplied) RGBA bytes.
    public init(width: Int, height: Int, straightRGBA: [UInt8]) {
        var p = straightRGBA
        for i in stride(from: 0, to: p.count, by: 4) {
            let a = UInt32(p[i + 3])
            if a == 255 { continue }
            for c in 0..<3 { p[i + c] = UInt8((UInt32(p[i + c]) * a + 127) / 255) }
        }
        self.init(width: width, height: height, pixels: p)
    }

    /// Whether every pixel has alpha 255.
    public var isOpaque: Bool {
        pixels.withUnsafeBufferPointer { buf in
            var i = 3
            while i < buf.count {
                if buf[i] != 255 { return false }
                i += 4
            }
            return true
        }
    }

    /// Straight (un-premultiplied) RGBA bytes, as PNG stores them.
    public func straightRGBA() -> [UInt8] {
        var p = pixels
        p.withUnsafeMutableBufferPointer { buf in
            var i = 0
            while i < buf.count {
                let a = UInt32(buf[i + 3])
                if a != 255 {
                    if a == 0 {
                        buf[i] = 0; buf[i + 1] = 0; buf[i + 2] = 0
                    } else {
                        for c in 0..<3 { buf[i + c] = UInt8(min(255, (UInt32(buf[i + c]) * 255 + a / 2) / a)) }
                    }
                }
                i += 4
            }
        }
        return p
    }

    /// Premultiplied RGBA of the pixel at (`x`, `y`).
    public func pixel(x: Int, y: Int) -> (UInt8, UInt8, UInt8, UInt8) {
        let i = (y * width + x) * 4
        return (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3])
    }
}
