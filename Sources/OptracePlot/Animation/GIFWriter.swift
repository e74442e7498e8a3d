import CAnimationCodecs

/// Streams a looping GIF89a: the screen and its global palette first, then frames from `GIFFrameEncoder`
/// in order, then the trailer.
public final class GIFWriter {
    public let width: Int
    public let height: Int
    public let palette: GIFPalette
    private let sink: ([UInt8]) throws -> Void
    private var finished = false

    /// Writes the header through `sink`; `loopCount` 0 loops forever.
    public init(width: Int, height: Int, palette: GIFPalette, loopCount: Int = 0, sink: @escaping ([UInt8]) throws -> Void) throws {
        guard width > 0, height > 0, width <= 65535, height <= 65535 else {
            throw AnimationError("a GIF is at most 65535 pixels a side, found \(width)×\(height)")
        }
        self.width = width
        self.height = height
        self.palette = palette
        self.sink = sink
        var out: UnsafeMutablePointer<UInt8>?
        var size = 0
        var message = [CChar](repeating: 0, count: 256)
        guard optrace_gif_header(Int32(width), Int32(height), palette.table, Int32(loopCount), &out, &size, &message, message.count) != 0,
              let out
        else { throw AnimationError(CStringBuffer.string(message)) }
        defer { optrace_animation_free(out) }
        try sink([UInt8](UnsafeBufferPointer(start: out, count: size)))
    }

    /// Adds a frame encoded by `GIFFrameEncoder` for this size and palette.
    public func append(encoded frame: [UInt8]) throws {
        guard !finished else { throw AnimationError("a frame after the GIF's end") }
        try sink(frame)
    }

    /// Ends the file.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        try sink([0x3B])
    }
}
