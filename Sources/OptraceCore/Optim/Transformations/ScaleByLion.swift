/// Lion's sign update (Chen et al. 2023): update sign(β₁mₜ₋₁ + (1−β₁)gₜ), then mₜ = β₂mₜ₋₁ + (1−β₂)gₜ.
///
/// sign(0) = 0, as `torch.sign`. The decoupled weight decay and the learning rate follow in
/// the chain: θₜ = θₜ₋₁ − η·(update + λθₜ₋₁).
public struct ScaleByLion: GradientTransformation {
    public let beta1: Double
    public let beta2: Double

    public init(beta1: Double = 0.9, beta2: Double = 0.99) {
        self.beta1 = beta1
        self.beta2 = beta2
    }

    /// The momentum mₜ.
    public struct State: Sendable, Equatable {
        public var m: Vec2
    }

    public func initialState(params: Vec2) -> State { State(m: .zero) }

    public func update(_ updates: Vec2, state: State, params: Vec2) -> (updates: Vec2, state: State) {
        let c = beta1 * state.m + (1 - beta1) * updates
        let m = beta2 * state.m + (1 - beta2) * updates
        return (Vec2(Self.sign(c.x), Self.sign(c.y)), State(m: m))
    }

    /// −1, 0 or 1 (NaN stays NaN, as torch.sign).
    static func sign(_ v: Double) -> Double {
        v > 0 ? 1 : (v < 0 ? -1 : v)
    }
}
