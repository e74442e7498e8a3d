import OptracePlot

/// How `optrace race` draws: size, scale, thinning, frame rate, tail and colour map, and what to write (frames,
/// animation formats).
public struct RacePictureOptions {
    public var width: Double = 800
    public var height: Double = 600
    public var scale: Double = 1
    /// Every k-th step becomes a frame (the last step always does).
    public var every: Int = 1
    public var fps: Double = 30
    /// Seconds the animation holds its last frame.
    public var finalHold: Double = 2
    /// The formats of the animation (`race.apng`, `race.gif`, …); empty: no animation.
    public var animations: [AnimationFormat] = [.apng]
    /// Steps of path shown behind each marker (nil: the whole path).
    public var tail: Int?
    public var colormap: Colormap = .viridis
    public var writeFrames = true
    /// Threads for encoding (nil: all cores).
    public var threads: Int?

    public init() {}
}
