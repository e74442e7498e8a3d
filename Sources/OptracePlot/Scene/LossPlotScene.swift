/// What the loss plot shows: every racer's loss against step on a log axis, checkpoints and divergences marked.
public struct LossPlotScene: Sendable {
    public var title: String
    public var subtitle: String
    public var racers: [RacerTrack]
    /// Steps marked with vertical lines (e.g. where frames or snapshots were saved).
    public var checkpoints: [Int]
    public var xLabel: String
    public var yLabel: String

    public init(title: String, subtitle: String = "", racers: [RacerTrack], checkpoints: [Int] = [],
                xLabel: String = "step", yLabel: String = "loss") {
        self.title = title
        self.subtitle = subtitle
        self.racers = racers
        self.checkpoints = checkpoints
        self.xLabel = xLabel
        self.yLabel = yLabel
    }
}
