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
        var w: Int32 = 0, h: Int32 = 0, n: Int32 = 0, loops: Int32 = 0
        var frames: UnsafeMutablePointer<UInt8>?, delays: UnsafeMutablePointer<Int32>?
        var message = [CChar](repeating: 0, count: 256)
        guard optrace_gif_decode(bytes, bytes.count, &w, &h, &n, &frames, &delays, &loops, &message, message.count) != 0,
              let frames, let delays
        else { throw AnimationError(CStringBuffer.string(message)) }
        defer { optrace_animation_free(frames); optrace_animation_free(delays) }
        let size = Int(w) * Int(h) * 4
        return DecodedAnimation(
            width: Int(w), height: Int(h),
            frames: (0..<Int(n)).map { [UInt8](UnsafeBufferPointer(start: frames + $0 * size, count: size)) },
            durations: (0..<Int(n)).map { Int(delays[$0]) * 10 }, loopCount: Int(loops))
    }

    /// Decodes an animated WebP through libwebp.
    public static func webp(_ bytes: [UInt8]) throws -> DecodedAnimation {
        var w: Int32 = 0, h: Int32 = 0, n: Int32 = 0, loops: Int32 = 0
        var frames: UnsafeMutablePointer<UInt8>?, ends: UnsafeMutablePointer<Int32>?
        var message = [CChar](repeating: 0, count: 256)
        guard optrace_webp_decode(bytes, bytes.count, &w, &h, &n, &frames, &ends, &loops, &message, message.count) != 0,
              let frames, let ends
        else { throw AnimationError(CStringBuffer.string(message)) }
        defer { optrace_animation_free(frames); optrace_animation_free(ends) }
        let size = Int(w) * Int(h) * 4
        return DecodedAnimation(
            width: Int(w), height: Int(h),
            frames: (0..<Int(n)).map { [UInt8](UnsafeBufferPointer(start: frames + $0 * size, count: size)) },
            durations: (0..<Int(n)).map { Int(ends[$0]) - ($0 == 0 ? 0 : Int(ends[$0 - 1])) }, loopCount: Int(loops))
    }
}
