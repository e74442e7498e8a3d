import OptracePlot

/// How `optrace race` draws: size, scale, thinning, frame rate, tail and colour map, and what to write.
struct RacePictureOptions {
    var width: Double = 800
    var height: Double = 600
    var scale: Double = 1
    /// Every k-th step becomes a frame (the last step always does).
    var every: Int = 1
    var fps: Double = 30
    /// Seconds the APNG holds its last frame.
    var finalHold: Double = 2
    /// Steps of path shown behind each marker (nil: the whole path).
    var tail: Int?
    var colormap: Colormap = .viridis
    var writeFrames = true
    var showProgress = true
    /// Threads for encoding (nil: all cores).
    var threads: Int?
}
