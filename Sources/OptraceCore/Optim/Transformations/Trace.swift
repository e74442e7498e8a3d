/// A momentum buffer with PyTorch's SGD semantics: b₁ = g₁, then bₜ = μ·bₜ₋₁ + (1 − τ)·gₜ.
///
/// With `nesterov` the outgoing update is gₜ + μ·bₜ, else bₜ (torch.optim.SGD).
/// With dampening τ = 0 this is the heavy-ball velocity of EQ M8.5: vₜ = β·vₜ₋₁ + gₜ.
public struct Trace<Vector: ParameterVector>: GradientTransformation {
    public let decay: Vector.Scalar
    public let dampening: Vector.Scalar
    public let nesterov: Bool

    public init(decay: Vector.Scalar, dampening: Vector.Scalar, nesterov: Bool = false) {
        self.decay = decay
        self.dampening = dampening
        self.nesterov = nesterov
    }

    public init(decay: Vector.Scalar, nesterov: Bool = false) {
        self.init(decay: decay, dampening: Vector.Scalar(repeating: 0), nesterov: nesterov)
    }

    /// The buffer, and whether an update has set it yet.
    public struct State: Sendable {
        public var buffer: Vector
        public var started: Bool
    }

    public func initialState(params: Vector) -> State {
        State(buffer: params.zeros, started: false)
    }

    @inline(__always)
    public func update(_ updates: Vector, state: State, params: Vector) -> (updates: Vector, state: State) {
        let buffer = state.started ? decay * state.buffer + (1 - dampening) * updates : updates
        let out = nesterov ? updates + decay * buffer : buffer
        return (out, State(buffer: buffer, started: true))
    }
}
