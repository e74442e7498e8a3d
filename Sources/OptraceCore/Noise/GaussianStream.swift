import Foundation

/// Seeded standard-normal pairs addressed by step: zₜ = (z₁, z₂) for t = 1, 2, …
///
/// Step t takes words 2(t−1) and 2(t−1)+1 of a SplitMix64 stream whose state is
/// `SplitMix64.mix(seed)`, maps them to uniforms u₁, u₂ in (0, 1) and applies the
/// Box–Muller transform: r = √(−2 ln u₁), z₁ = r·cos(2πu₂), z₂ = r·sin(2πu₂).
/// Never the system generator; the same seed gives the same stream everywhere.
public struct GaussianStream: Sendable, Equatable {
    public let seed: UInt64
    private let words: SplitMix64

    public init(seed: UInt64) {
        self.seed = seed
        self.words = SplitMix64(state: SplitMix64.mix(seed))
    }

    /// The standard-normal pair of update `step` (1-based).
    public func pair(step: Int) -> Vec2 {
        let base = UInt64(truncatingIfNeeded: step &- 1) &* 2
        let u1 = words.uniform(base)
        let u2 = words.uniform(base &+ 1)
        let r = (-2 * log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        return Vec2(r * cos(angle), r * sin(angle))
    }
}
