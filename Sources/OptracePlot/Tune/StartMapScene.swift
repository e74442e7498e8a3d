/// A start-point map as a picture: every start of a grid coloured by where its run ended, over the surface's contours.
public struct StartMapScene: Sendable {
    /// One known minimum: where it is and how it is named in the legend.
    public struct Minimum: Sendable {
        public var point: SIMD2<Double>
        public var label: String
        public var isGlobal: Bool

        public init(point: SIMD2<Double>, label: String, isGlobal: Bool) {
            self.point = point
            self.label = label
            self.isGlobal = isGlobal
        }
    }

    public var title: String
    public var subtitle: String
    /// f on a lattice over the domain, for the contour lines.
    public var field: Field
    /// The grid of starts (row-major, row 0 at y min, edges on the domain's edges).
    public var columns: Int
    public var rows: Int
    /// Per start: the index of the minimum it reached, −1 when it ended near none, −2 when it diverged.
    public var endings: [Int]
    /// Per start: the final loss (used for starts that ended near no minimum).
    public var finalLosses: [Double]
    public var minima: [Minimum]
    /// Legend lines after the swatches: one per minimum, then "elsewhere", then "diverged".
    public var legend: [String]
    public var notes: [String]

    public init(
        title: String, subtitle: String, field: Field, columns: Int, rows: Int, endings: [Int], finalLosses: [Double],
        minima: [Minimum], legend: [String], notes: [String]
    ) {
        precondition(columns >= 2 && rows >= 2 && endings.count == columns * rows && finalLosses.count == endings.count)
        precondition(legend.count == minima.count + 2)
        self.title = title
        self.subtitle = subtitle
        self.field = field
        self.columns = columns
        self.rows = rows
        self.endings = endings
        self.finalLosses = finalLosses
        self.minima = minima
        self.legend = legend
        self.notes = notes
    }
}
