/// One state of a computation graph as a picture: nodes at their places, edges with their labels, readouts.
///
/// The stepper's frames are scenes that differ in which values, local derivatives and adjoints are known.
public struct GraphScene: Sendable {
    /// What a node stands for, which sets its outline.
    public enum Kind: Sendable {
        case input, constant, operation, output
    }

    /// One node: where it sits (the unit square, y down), its name, and what is known of it.
    public struct Node: Sendable {
        public var title: String
        public var kind: Kind
        public var x: Double
        public var y: Double
        /// Its value, once the forward pass has computed it.
        public var value: String?
        /// ∂f/∂node, once the backward pass has reached it.
        public var adjoint: String?
        /// The node the current step computes.
        public var isCurrent: Bool

        public init(title: String, kind: Kind, x: Double, y: Double, value: String?, adjoint: String?, isCurrent: Bool) {
            self.title = title
            self.kind = kind
            self.x = x
            self.y = y
            self.value = value
            self.adjoint = adjoint
            self.isCurrent = isCurrent
        }
    }

    /// One edge from an operand into the node that reads it.
    public struct Edge: Sendable {
        public var from: Int
        public var to: Int
        /// The local derivative ∂to/∂from (blue), once the forward pass has recorded it.
        public var local: String?
        /// The blame it carries back, ∂f/∂to · ∂to/∂from (mint), once the backward pass has crossed it.
        public var carried: String?
        /// Whether the current step reads or sweeps it.
        public var isCurrent: Bool

        public init(from: Int, to: Int, local: String?, carried: String?, isCurrent: Bool) {
            self.from = from
            self.to = to
            self.local = local
            self.carried = carried
            self.isCurrent = isCurrent
        }
    }

    public var title: String
    public var subtitle: String
    /// "FORWARD 3 / 11", "BACKWARD …", or the finished graph's caption.
    public var phase: String
    public var nodes: [Node]
    public var edges: [Edge]
    /// The lines under the graph (f, the gradient, a step), each shown as given.
    public var readouts: [String]

    public init(title: String, subtitle: String, phase: String, nodes: [Node], edges: [Edge], readouts: [String]) {
        self.title = title
        self.subtitle = subtitle
        self.phase = phase
        self.nodes = nodes
        self.edges = edges
        self.readouts = readouts
    }
}
