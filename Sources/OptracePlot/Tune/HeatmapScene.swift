/// A 2-D sweep as a picture: one cell per configuration, coloured by the objective on a log scale.
public struct HeatmapScene: Sendable {
    public var title: String
    public var subtitle: String
    /// The parameter values of the columns (axis 0) and rows (axis 1), increasing.
    public var columns: [Double]
    public var rows: [Double]
    public var xLabel: String
    public var yLabel: String
    public var xSpacing: AxisSpacing
    public var ySpacing: AxisSpacing
    /// The colour bar's label.
    public var valueLabel: String
    /// Row-major (row 0 at the first row value): the value to colour (> 0, log scale), or nil when no run gave one.
    public var values: [Double?]
    /// Row-major: the fraction of each cell's runs that diverged.
    public var diverged: [Double]
    /// The best cell (column, row).
    public var best: (column: Int, row: Int)?
    /// The theory's best point in parameter coordinates, with its label.
    public var theoryBest: (point: SIMD2<Double>, label: String)?
    /// The theory's stability boundary as a curve in parameter coordinates, with its label.
    public var theoryBoundary: (points: [SIMD2<Double>], label: String)?
    /// Lines printed under the picture.
    public var notes: [String]
    /// What a failed run did, for the key ("diverged", "diverged or unstable").
    public var failureLabel: String

    public init(
        title: String, subtitle: String, columns: [Double], rows: [Double], xLabel: String, yLabel: String, xSpacing: AxisSpacing,
        ySpacing: AxisSpacing, valueLabel: String, values: [Double?], diverged: [Double], best: (column: Int, row: Int)?,
        theoryBest: (point: SIMD2<Double>, label: String)?, theoryBoundary: (points: [SIMD2<Double>], label: String)?,
        notes: [String], failureLabel: String = "diverged"
    ) {
        precondition(columns.count >= 2 && rows.count >= 2 && values.count == columns.count * rows.count)
        precondition(diverged.count == values.count)
        self.title = title
        self.subtitle = subtitle
        self.columns = columns
        self.rows = rows
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xSpacing = xSpacing
        self.ySpacing = ySpacing
        self.valueLabel = valueLabel
        self.values = values
        self.diverged = diverged
        self.best = best
        self.theoryBest = theoryBest
        self.theoryBoundary = theoryBoundary
        self.notes = notes
        self.failureLabel = failureLabel
    }
}
