import CAnimationCodecs

/// An animation read back from a GIF or an animated WebP: each frame as shown (straight RGBA), how long it shows
/// and how often the animation loops.
public struct DecodedAnimation: Sendable {
    public var width: Int
    public var height: Int
    /// Straight RGBA, `width × height × 4` bytes per frame.
    public var frames: [[UInt8]]
    /// How long each frame shows, in milliseconds.
    public var durations: [Int]
    /// 0: forever; -1: no loop count stored.
    public var loopCount: Int

    /// Decodes a GIF through giflib (frames composited as a viewer shows them).
    public static func gif(_ bytes: [UInt8]) throws -> DecodedAnimation {
        // giflib gives each frame's delay in hundredths of a second.
        try decode(bytes, optrace_gif_decode) { delays, k in Int(delays[k]) * 10 }
    }

    /// Decodes an animated WebP through libwebp.
    public static func webp(_ bytes: [UInt8]) throws -> DecodedAnimation {
        // libwebp gives the time each frame's display ends.
        try decode(bytes, optrace_webp_decode) { ends, k in Int(ends[k]) - (k == 0 ? 0 : Int(ends[k - 1])) }
    }

    /// The C decoders' shape: bytes in; size, frames, one number per frame and the loop count out.
    private typealias Decoder = (
        UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?,
        UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?, UnsafeMutablePointer<UnsafeMutablePointer<Int32>?>?,
        UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<CChar>?, Int
    ) -> Int32

    private static func decode(_ bytes: [UInt8], _ decoder: Decoder,
                               duration: (UnsafeMutablePointer<Int32>, Int) -> Int) throws -> DecodedAnimation {
        var w: Int32 = 0, h: Int32 = 0, n: Int32 = 0, loops: Int32 = 0
        var frames: UnsafeMutablePointer<UInt8>?, numbers: UnsafeMutablePointer<Int32>?
        var message = [CChar](repeating: 0, count: 256)
        guard decoder(bytes, bytes.count, &w, &h, &n, &frames, &numbers, &loops, &message, message.count) != 0,
              let frames, let numbers
        else { throw AnimationError(CStringBuffer.string(message)) }
        defer { optrace_animation_free(frames); optrace_animation_free(numbers) }
        let size = Int(w) * Int(h) * 4
        return DecodedAnimation(
            width: Int(w), height: Int(h),
            frames: (0..<Int(n)).map { [UInt8](UnsafeBufferPointer(start: frames + $0 * size, count: size)) },
            durations: (0..<Int(n)).map { duration(numbers, $0) }, loopCount: Int(loops))
    }
}
