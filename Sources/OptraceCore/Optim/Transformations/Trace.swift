/// A momentum buffer with PyTorch's SGD semantics: b₁ = g₁, then bₜ = μ·bₜ₋₁ + (1 − τ)·gₜ.
///
/// With `nesterov` the outgoing update is gₜ + μ·bₜ, else bₜ (torch.optim.SGD).
/// With dampening τ = 0 this is the heavy-ball velocity of EQ M8.5: vₜ = β·vₜ₋₁ + gₜ.
public struct Trace: GradientTransformation {
    public let decay: Double
    public let dampening: Double
    public let nesterov: Bool

    public init(decay: Double, dampening: Double = 0, nesterov: Bool = false) {
        self.decay = decay
        self.dampening = dampening
        self.nesterov = nesterov
    }

    /// The buffer, and whether an update has set it yet.
    public struct State: Sendable, Equatable {
        public var buffer: Vec2
        public var started: Bool
    }

    public func initialState(params: Vec2) -> State { State(buffer: .zero, started: false) }

    public func update(_ updates: Vec2, state: State, params: Vec2) -> (updates: Vec2, state: State) {
        let buffer = state.started ? decay * state.buffer + (1 - dampening) * updates : updates
        let out = nesterov ? updates + decay * buffer : buffer
        return (out, State(buffer: buffer, started: true))
    }
}
