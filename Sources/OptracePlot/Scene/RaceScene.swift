/// Everything a race picture shows: the loss surface, its colouring, the known minima and the racers.
public struct RaceScene: Sendable {
    public var title: String
    public var subtitle: String
    public var field: Field
    public var colormap: Colormap
    /// Colour the surface on a log scale (default), of `f − lossFloor` when a floor is known or the field reaches ≤ 0;
    /// see `ColorScale` for the exact rule.
    public var logScale: Bool
    /// The lowest known minimum value f* of the surface, if known: the colour bar then shows `f − f*`.
    public var lossFloor: Double?
    /// Number of filled bands (iso-lines are drawn at the band edges).
    public var bandCount: Int
    public var minima: [KnownMinimum]
    public var racers: [RacerTrack]
    /// Strength of the relief shading laid over the bands (0 = flat bands; 0.35 is subtle, 1 strong).
    public var relief: Double
    /// Label for the surface value on the colour bar.
    public var valueLabel: String
    public var xLabel: String
    public var yLabel: String
    /// The key's words for the star marking a global minimum (another picture may mark another point with it).
    public var globalMinimumLabel = "global minimum"
    /// What the panel counts: "step" for a race, "epoch" for a network's training.
    public var stepName = "step"

    public init(title: String, subtitle: String = "", field: Field, colormap: Colormap = .viridis,
                logScale: Bool = true, bandCount: Int = 20, minima: [KnownMinimum] = [], racers: [RacerTrack], relief: Double = 0.45,
                valueLabel: String = "loss", xLabel: String = "x", yLabel: String = "y", lossFloor: Double? = nil) {
        self.lossFloor = lossFloor
        self.title = title
        self.subtitle = subtitle
        self.field = field
        self.colormap = colormap
        self.logScale = logScale
        self.bandCount = max(1, bandCount)
        self.minima = minima
        self.racers = racers
        self.relief = max(0, relief)
        self.valueLabel = valueLabel
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// The last step any racer has.
    public var lastStep: Int { racers.map(\.lastStep).max() ?? 0 }
}
