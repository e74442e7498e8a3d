/// Examples a network learns from: one row of inputs and one row of targets per example.
public struct DataSet: Sendable, Equatable {
    public let name: String
    public let inputs: Matrix
    public let targets: Matrix

    public init(name: String, inputs: Matrix, targets: Matrix) {
        precondition(inputs.rows == targets.rows, "one target row per input row")
        self.name = name
        self.inputs = inputs
        self.targets = targets
    }

    public var count: Int { inputs.rows }

    /// The chapter's eight XOR points (§8.3): the four corners and four points near them, class 1 where exactly
    /// one coordinate is high.
    public static let xor8 = DataSet(
        name: "xor8",
        inputs: Matrix([[0, 0], [0, 1], [1, 0], [1, 1], [0.1, 0.1], [0.1, 0.9], [0.9, 0.1], [0.9, 0.9]]),
        targets: Matrix([[0], [1], [1], [0], [0], [1], [1], [0]]))

    /// The examples at `indices`, in that order (a minibatch).
    public func rows(_ indices: [Int]) -> (inputs: Matrix, targets: Matrix) {
        (Matrix(indices.map(inputs.row)), Matrix(indices.map(targets.row)))
    }
}
