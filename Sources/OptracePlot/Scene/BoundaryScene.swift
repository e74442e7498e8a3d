/// What a decision-boundary picture shows: for each racer, the input plane coloured by the network's output
/// (one class's colour below ½, the other's above, white at ½), the ½ line, and the data points by class.
public struct BoundaryScene: Sendable {
    /// One racer's panel.
    public struct Panel: Sendable {
        public var name: String
        /// A line under the name ("loss 0.0069 · 100% right").
        public var detail: String
        /// The network's output over the plane (values from 0 to 1).
        public var field: Field

        public init(name: String, detail: String, field: Field) {
            self.name = name
            self.detail = detail
            self.field = field
        }
    }

    public var title: String
    public var subtitle: String
    public var panels: [Panel]
    /// The data set's inputs and their classes (0 or 1).
    public var points: [SIMD2<Double>]
    public var classes: [Int]

    public init(title: String, subtitle: String, panels: [Panel], points: [SIMD2<Double>], classes: [Int]) {
        self.title = title
        self.subtitle = subtitle
        self.panels = panels
        self.points = points
        self.classes = classes
    }
}
