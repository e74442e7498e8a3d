/// Additive Gaussian gradient noise ξₜ with std σ per axis, scaled by 1/√B for a batch of B (EQ M8.4).
///
/// Every racer of a race reads the same ξₜ at update t (common random numbers), so the
/// racers differ only by their update rules.
public struct GradientNoise: Sendable, Equatable {
    /// Standard deviation per axis before batch scaling.
    public let sigma: Vec2
    /// The batch size B: the std is divided by √B.
    public let batch: Int
    public let seed: UInt64
    private let stream: GaussianStream

    public init(sigma: Vec2, batch: Int = 1, seed: UInt64) {
        self.sigma = sigma
        self.batch = max(1, batch)
        self.seed = seed
        self.stream = GaussianStream(seed: seed)
    }

    /// No noise at all.
    public static let none = GradientNoise(sigma: .zero, seed: 0)

    /// The std actually applied per axis: σ/√B.
    public var effectiveSigma: Vec2 { sigma / Double(batch).squareRoot() }

    /// ξₜ for update `step` (1-based).
    public func sample(step: Int) -> Vec2 {
        if sigma == .zero { return .zero }
        return effectiveSigma * stream.pair(step: step)
    }

    /// ξ₁ … ξₙ.
    public func samples(steps: Int) -> [Vec2] {
        (0..<max(0, steps)).map { sample(step: $0 + 1) }
    }

    public static func == (a: GradientNoise, b: GradientNoise) -> Bool {
        a.sigma == b.sigma && a.batch == b.batch && a.seed == b.seed
    }
}
