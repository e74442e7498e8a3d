/// How a network's weights are drawn before training; biases start at zero.
public struct NetworkInitialization: Sendable, Equatable {
    /// The spread of each layer's weights.
    public enum Scale: Sendable, Equatable {
        /// N(0, σ²) for every layer (`normal: σ`).
        case normal(Double)
        /// Glorot/Xavier: N(0, 2/(fan_in + fan_out)).
        case xavier
        /// He/Kaiming: N(0, 2/fan_in), for ReLU layers.
        case he
    }

    public let scale: Scale
    public let seed: UInt64

    public init(scale: Scale, seed: UInt64) {
        self.scale = scale
        self.seed = seed
    }

    /// The standard deviation of the weights of a layer with `fanIn` inputs and `fanOut` units.
    public func standardDeviation(fanIn: Int, fanOut: Int) -> Double {
        switch scale {
        case .normal(let sigma): return sigma
        case .xavier: return (2 / Double(fanIn + fanOut)).squareRoot()
        case .he: return (2 / Double(fanIn)).squareRoot()
        }
    }

    /// θ for `shape`, drawn from `numpy.random.default_rng(seed)` as a numpy cell draws it: layer by layer,
    /// `rng.normal(0, σ, (fan_out, fan_in))` for W (row by row) and zeros for b.
    public func parameters(for shape: NetworkShape) -> FlatVector {
        var generator = NumpyGenerator(seed: seed)
        var theta: [Double] = []
        theta.reserveCapacity(shape.parameterCount)
        for l in 0..<shape.layerCount {
            let fanIn = shape.widths[l], fanOut = shape.widths[l + 1]
            let sigma = standardDeviation(fanIn: fanIn, fanOut: fanOut)
            for _ in 0..<(fanIn * fanOut) { theta.append(generator.normal(mean: 0, std: sigma)) }
            theta.append(contentsOf: repeatElement(0, count: fanOut))
        }
        return FlatVector(theta)
    }
}
