/// When each frame of an animation shows: a steady rate, with the last frame held longer.
///
/// Each format stores delays in its own unit, rounded here so that the frames keep the rate on average:
/// frame k starts at the rounding of k / fps in the format's unit, so a GIF at 30 frames per second
/// shows its frames for 3, 4, 3, 3, 4, 3, … hundredths (exactly 30 frames per second over every three frames).
public struct AnimationTiming: Sendable, Equatable {
    /// Frames per second.
    public var fps: Double
    /// Seconds the last frame stays on screen (at least one frame's time).
    public var finalHold: Double

    public init(fps: Double, finalHold: Double = 2) {
        precondition(fps > 0 && fps.isFinite && finalHold >= 0)
        self.fps = fps
        self.finalHold = finalHold
    }

    /// The fastest rate a GIF keeps: browsers show delays under 2 hundredths of a second as 10 hundredths.
    public static let gifMaximumFPS = 50.0

    /// Seconds the last frame shows.
    public var lastFrameSeconds: Double { max(finalHold, 1 / fps) }

    /// The delay of frame `index` of `count` in hundredths of a second, as a GIF stores it: differences of
    /// the rounded start times at `min(fps, 50)`; the last frame `lastFrameSeconds`; never under 2.
    public func gifDelay(frame index: Int, of count: Int) -> Int {
        if index == count - 1 { return max(2, Int((lastFrameSeconds * 100).rounded())) }
        let rate = min(fps, Self.gifMaximumFPS)
        let start = (Double(index) * 100 / rate).rounded(), end = (Double(index + 1) * 100 / rate).rounded()
        return max(2, Int(end - start))
    }

    /// When frame `index` starts, in milliseconds (rounded), as an animated WebP stores it.
    public func startMilliseconds(frame index: Int) -> Int { Int((Double(index) * 1000 / fps).rounded()) }

    /// When an animation of `count` frames ends, in milliseconds.
    public func endMilliseconds(frameCount count: Int) -> Int {
        startMilliseconds(frame: count - 1) + max(1, Int((lastFrameSeconds * 1000).rounded()))
    }
}
