/// A 1-D sweep as a picture: the objective against the swept parameter, with its spread, divergence and window.
public struct SweepScene: Sendable {
    public var title: String
    public var subtitle: String
    /// The swept values, increasing.
    public var values: [Double]
    public var xLabel: String
    public var xSpacing: AxisSpacing
    public var yLabel: String
    /// Per value: the objective's mean and standard deviation over the runs that gave one (nil: none did).
    public var means: [Double?]
    public var stds: [Double?]
    /// Per value: the fraction of runs that diverged.
    public var diverged: [Double]
    public var best: Int?
    /// The usable window (its ends in parameter values) and its label.
    public var window: (low: Double, high: Double, label: String)?
    /// The first value above the best where runs diverge (or become unstable).
    public var divergenceEdge: Double?
    /// The words before the edge's value ("diverges from", "unstable from").
    public var divergenceEdgeLabel: String
    /// The theory's best value and its label.
    public var theoryBest: (value: Double, label: String)?
    /// The theory's divergence edge and its label.
    public var theoryEdge: (value: Double, label: String)?
    public var notes: [String]
    /// Whether the values are random samples (drawn as points) rather than a grid (drawn as a line).
    public var isSampled: Bool

    public init(
        title: String, subtitle: String, values: [Double], xLabel: String, xSpacing: AxisSpacing, yLabel: String, means: [Double?],
        stds: [Double?], diverged: [Double], best: Int?, window: (low: Double, high: Double, label: String)?,
        divergenceEdge: Double?, divergenceEdgeLabel: String = "diverges from", theoryBest: (value: Double, label: String)?,
        theoryEdge: (value: Double, label: String)?, notes: [String], isSampled: Bool = false
    ) {
        precondition(values.count >= 2 && means.count == values.count && stds.count == values.count && diverged.count == values.count)
        self.title = title
        self.subtitle = subtitle
        self.values = values
        self.xLabel = xLabel
        self.xSpacing = xSpacing
        self.yLabel = yLabel
        self.means = means
        self.stds = stds
        self.diverged = diverged
        self.best = best
        self.window = window
        self.divergenceEdge = divergenceEdge
        self.divergenceEdgeLabel = divergenceEdgeLabel
        self.theoryBest = theoryBest
        self.theoryEdge = theoryEdge
        self.notes = notes
        self.isSampled = isSampled
    }
}
