/// The referee of §8.4: a network's gradient from the tape and from the hand-written backward pass, each checked
/// parameter by parameter against central differences, (L(θ + εeᵢ) − L(θ − εeᵢ))/2ε.
public struct NetworkAudit: Sendable {
    /// One parameter's three derivatives.
    public struct Row: Sendable {
        public let name: String
        public let tape: Double
        public let byHand: Double
        public let numerical: Double
    }

    /// The step of the central differences.
    public static let epsilon = 1e-5
    /// `numpy.allclose`'s test, |analytic − numerical| ≤ atol + rtol·|numerical|, at the chapter's tolerances.
    public static let relativeTolerance = 1e-5
    public static let absoluteTolerance = 1e-7

    public let rows: [Row]
    public let loss: Double
    public let sabotage: NetworkGradient.Sabotage?

    /// Audits `shape` at `theta` on the batch (`inputs`, `targets`); `sabotage` breaks the hand-written pass.
    public init(_ shape: NetworkShape, theta: FlatVector, inputs: Matrix, targets: Matrix, sabotage: NetworkGradient.Sabotage? = nil) {
        let tape = NetworkGradient.tape(shape, theta: theta, inputs: inputs, targets: targets)
        let hand = NetworkGradient.byHand(shape, theta: theta, inputs: inputs, targets: targets, sabotage: sabotage)
        var rows: [Row] = []
        for i in 0..<theta.count {
            var plus = theta, minus = theta
            plus.values[i] += Self.epsilon
            minus.values[i] -= Self.epsilon
            let numerical = (NetworkGradient.loss(shape, theta: plus, inputs: inputs, targets: targets)
                - NetworkGradient.loss(shape, theta: minus, inputs: inputs, targets: targets)) / (2 * Self.epsilon)
            rows.append(Row(name: shape.parameterName(i), tape: tape.gradient[i], byHand: hand.gradient[i], numerical: numerical))
        }
        self.rows = rows
        self.loss = tape.loss
        self.sabotage = sabotage
    }

    /// The largest |tape − numerical|.
    public var tapeError: Double { rows.map { abs($0.tape - $0.numerical) }.max() ?? 0 }
    /// The largest |by hand − numerical|.
    public var handError: Double { rows.map { abs($0.byHand - $0.numerical) }.max() ?? 0 }
    /// The largest |tape − by hand|.
    public var tapeHandDifference: Double { rows.map { abs($0.tape - $0.byHand) }.max() ?? 0 }

    static func close(_ analytic: Double, _ numerical: Double) -> Bool {
        abs(analytic - numerical) <= absoluteTolerance + relativeTolerance * abs(numerical)
    }

    /// Whether the tape agrees with central differences for every parameter.
    public var tapeAgrees: Bool { rows.allSatisfy { Self.close($0.tape, $0.numerical) } }
    /// Whether the hand-written backward pass agrees with central differences for every parameter.
    public var handAgrees: Bool { rows.allSatisfy { Self.close($0.byHand, $0.numerical) } }

    /// Forward and backward passes the analytic gradient costs (one of each), and the forward passes central
    /// differences cost (two per parameter).
    public var passes: (backpropagation: Int, numerical: Int) { (2, 2 * rows.count) }
}
