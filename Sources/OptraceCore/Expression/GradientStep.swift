/// One plain gradient step on some of a tape's variables, θᵢ ← θᵢ − η·∂f/∂θᵢ, and f where it lands: the graph
/// stepper's last readout ("apply the η = 1 update to w and b and the loss genuinely drops").
public struct GradientStep: Sendable, Equatable {
    /// The variables stepped, in the order given.
    public let names: [String]
    /// η.
    public let learningRate: Double
    /// Every variable's value after the step (those not named keep theirs).
    public let inputs: [Double]
    /// f at `inputs`.
    public let value: Double

    /// The step from `inputs` along `gradient` on the variables `names` (each one of `tape.variables`, checked by
    /// the caller).
    public init(tape: Tape, inputs: [Double], gradient: [Double], names: [String], learningRate: Double) {
        var stepped = inputs
        for name in names {
            let i = tape.variables.firstIndex(of: name)!
            stepped[i] = inputs[i] - learningRate * gradient[i]
        }
        self.names = names
        self.learningRate = learningRate
        self.inputs = stepped
        value = tape.value(at: stepped)
    }
}
