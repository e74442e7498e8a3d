/// What the loss plot shows: every racer's loss against step on a log axis, checkpoints and divergences marked.
public struct LossPlotScene: Sendable {
    public var title: String
    public var subtitle: String
    public var racers: [RacerTrack]
    /// Steps marked with vertical lines (e.g. where frames or snapshots were saved).
    public var checkpoints: [Int]
    public var xLabel: String
    public var yLabel: String
    /// The lowest known minimum value f* of the surface, if known: the plot then shows `loss − f*` (a log axis needs
    /// a positive quantity, and racers reaching f* must not vanish below zero).
    public var lossFloor: Double?
    /// The scenario's loss threshold, drawn as a labelled horizontal line (relative to f* when it is known).
    public var threshold: Double?
    /// A fixed y range (positive) instead of the one chosen from the curves; values beyond it are drawn on the edge.
    public var yLimits: ClosedRange<Double>?

    public init(title: String, subtitle: String = "", racers: [RacerTrack], checkpoints: [Int] = [],
                xLabel: String = "step", yLabel: String = "loss", lossFloor: Double? = nil, threshold: Double? = nil,
                yLimits: ClosedRange<Double>? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.racers = racers
        self.checkpoints = checkpoints
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.lossFloor = lossFloor
        self.threshold = threshold
        self.yLimits = yLimits
    }
}
