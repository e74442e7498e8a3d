/// Every node of one forward and backward pass over a tape, in tape order, for the teaching display.
public struct TapeTrace: Sendable {
    /// One node: its operation, the nodes it reads, its value, local derivatives and adjoint.
    public struct Node: Sendable {
        public var index: Int
        /// "input w", "const 0.5", "mul", "add", "sub", "div", "neg", "pow", "sigmoid", "min", …
        public var operation: String
        public var inputs: [Int]
        public var value: Double
        /// ∂node/∂inputs[i].
        public var localDerivatives: [Double]
        /// ∂f/∂node.
        public var adjoint: Double
    }

    public var nodes: [Node]
    /// The node holding f: the last one, or an input when f is a variable itself.
    public var root: Int
    /// f, the value of the root node.
    public var value: Double
    /// ∂f/∂variable, one per tape variable.
    public var gradient: [Double]
}
