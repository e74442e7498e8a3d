import Foundation

/// numpy's default generator, `numpy.random.default_rng(seed)`, drawn bit for bit: PCG64 (XSL-RR output over a
/// 128-bit LCG) seeded through `NumpySeedSequence`, with numpy's uniform doubles and its 256-layer ziggurat for
/// normals, so a network initialised here starts from the weights a numpy cell draws with the same seed.
public struct NumpyGenerator: Sendable {
    private var stateHigh: UInt64
    private var stateLow: UInt64
    private let incrementHigh: UInt64
    private let incrementLow: UInt64

    private static let multiplierHigh: UInt64 = 2_549_297_995_355_413_924
    private static let multiplierLow: UInt64 = 4_865_540_595_714_422_341

    /// The generator of `numpy.random.default_rng(seed)`.
    public init(seed: UInt64) {
        let words = NumpySeedSequence(seed: seed).state(words: 4)
        // pcg64_set_seed: state seed = words[0]·2⁶⁴ + words[1], stream = words[2]·2⁶⁴ + words[3].
        incrementHigh = words[2] << 1 | words[3] >> 63
        incrementLow = words[3] << 1 | 1
        stateHigh = 0
        stateLow = 0
        step()
        let (low, carry) = stateLow.addingReportingOverflow(words[1])
        stateLow = low
        stateHigh = stateHigh &+ words[0] &+ (carry ? 1 : 0)
        step()
    }

    /// state ← state · multiplier + increment (mod 2¹²⁸).
    private mutating func step() {
        let (productHigh, productLow) = stateLow.multipliedFullWidth(by: Self.multiplierLow)
        let high = productHigh &+ stateHigh &* Self.multiplierLow &+ stateLow &* Self.multiplierHigh
        let (low, carry) = productLow.addingReportingOverflow(incrementLow)
        stateLow = low
        stateHigh = high &+ incrementHigh &+ (carry ? 1 : 0)
    }

    /// The next 64-bit word (`random_raw`).
    public mutating func nextWord() -> UInt64 {
        step()
        let folded = stateHigh ^ stateLow
        let rotation = stateHigh >> 58
        return folded >> rotation | folded << ((64 &- rotation) & 63)
    }

    /// A double uniform in [0, 1): the word's top 53 bits times 2⁻⁵³ (`Generator.random`).
    public mutating func uniform() -> Double {
        Double(nextWord() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A standard normal draw (`Generator.standard_normal`), numpy's ziggurat step for step.
    public mutating func standardNormal() -> Double {
        let table = NumpyZiggurat.shared
        while true {
            var word = nextWord()
            let layer = Int(word & 0xFF)
            word >>= 8
            let negative = word & 1 == 1
            let magnitude = (word >> 1) & 0x000F_FFFF_FFFF_FFFF
            var x = Double(magnitude) * table.scaledEdges[layer]
            if negative { x = -x }
            if magnitude < table.thresholds[layer] { return x }
            if layer == 0 {
                // The tail beyond r, by Marsaglia's exponential method (1 − U keeps log away from 0).
                while true {
                    let xx = -NumpyZiggurat.inverseR * log1p(-uniform())
                    let yy = -log1p(-uniform())
                    if yy + yy > xx * xx {
                        return (magnitude >> 8) & 1 == 1 ? -(NumpyZiggurat.r + xx) : NumpyZiggurat.r + xx
                    }
                }
            } else if (table.heights[layer - 1] - table.heights[layer]) * uniform() + table.heights[layer] < exp(-0.5 * x * x) {
                return x
            }
        }
    }

    /// `Generator.normal(mean, std)`: mean + std · z.
    public mutating func normal(mean: Double = 0, std: Double = 1) -> Double {
        mean + std * standardNormal()
    }
}

/// The ziggurat's tables: edges (`NumpyNormalEdges`), the acceptance thresholds and the density at each edge.
struct NumpyZiggurat: Sendable {
    static let r = 3.6541528853610087963519472518
    static let inverseR = 0.27366123732975827203338247596
    static let shared = NumpyZiggurat()

    let scaledEdges: [Double]
    /// A magnitude below entry i lies inside the rectangle under the next narrower layer: accepted at once.
    /// Computed from the edges; numpy's own thresholds come from unrounded edges and can differ by one unit, which
    /// changes a draw only when its 52-bit magnitude equals the threshold (probability 2⁻⁵²).
    let thresholds: [UInt64]
    /// exp(−x²/2) at each layer's edge.
    let heights: [Double]

    private init() {
        let edges = NumpyNormalEdges.scaled.map { $0 * 0x1p52 }
        scaledEdges = NumpyNormalEdges.scaled
        var thresholds = [UInt64](repeating: 0, count: edges.count)
        thresholds[0] = UInt64((edges[edges.count - 1] / edges[0]) * 0x1p52)
        for i in 2..<edges.count { thresholds[i] = UInt64((edges[i - 1] / edges[i]) * 0x1p52) }
        self.thresholds = thresholds
        heights = edges.enumerated().map { $0.offset == 0 ? 1 : Foundation.exp(-0.5 * $0.element * $0.element) }
    }
}
