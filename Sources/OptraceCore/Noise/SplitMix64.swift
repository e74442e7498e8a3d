/// SplitMix64 (Steele, Lea & Flood 2014) read by position: word n of the stream seeded with `state`.
///
/// The n-th output is `mix(state + (n+1)·γ)` with γ = 0x9E3779B97F4A7C15 and Stafford's
/// "Mix13" finaliser; reading by position makes every word available in any order, so
/// the noise of step t does not depend on how many steps or racers came before it.
public struct SplitMix64: Sendable, Equatable {
    public static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
    public let state: UInt64

    public init(state: UInt64) { self.state = state }

    /// Output word `index` (0-based) of the stream.
    public func word(_ index: UInt64) -> UInt64 {
        Self.mix(state &+ (index &+ 1) &* Self.gamma)
    }

    /// The SplitMix64 output finaliser.
    public static func mix(_ input: UInt64) -> UInt64 {
        var z = input
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Word `index` as a double uniform in the open interval (0, 1): (⌊w/2¹¹⌋ + ½)·2⁻⁵³.
    public func uniform(_ index: UInt64) -> Double {
        (Double(word(index) >> 11) + 0.5) * 0x1p-53
    }
}
