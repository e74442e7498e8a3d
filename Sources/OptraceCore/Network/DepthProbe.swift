/// How the gradient's size changes through a deep network at initialisation (§8.7): ‖∂L/∂h_ℓ‖ for every layer ℓ,
/// from the tape.
///
/// The network has `depth` hidden layers of `width` units (h_ℓ = φ(W_ℓ h_ℓ₋₁ + b_ℓ), or h_ℓ₋₁ + φ(…) when residual)
/// and a linear readout to one output; the loss is the mean squared error against standard normal targets on a
/// batch of standard normal inputs. Inputs, targets and weights are drawn from `seed`. A residual network's branches
/// start small, their weights scaled by 1/√depth (as Fixup and SkipInit start them), so that each layer's Jacobian
/// is the identity plus a small term, the chapter's I + ∂F/∂h.
public struct DepthProbe: Sendable {
    public let configuration: DepthConfiguration
    public let depth: Int
    public let width: Int
    /// ‖∂L/∂h_ℓ‖ (Frobenius norm over the batch) for ℓ = 0 (the inputs) … depth.
    public let norms: [Double]
    /// ‖∇θ L‖ over every weight and bias.
    public let parameterGradientNorm: Double
    public let loss: Double

    /// Examples in the probe's batch.
    public static let batch = 32

    public init(_ configuration: DepthConfiguration, depth: Int, width: Int, seed: UInt64) {
        self.configuration = configuration
        self.depth = depth
        self.width = width
        let shape = Self.shape(configuration, depth: depth, width: width)
        let theta = Self.initialParameters(configuration, depth: depth, width: width, seed: seed)
        var rng = NumpyGenerator(seed: seed &+ 1)
        let inputs = Matrix(rows: Self.batch, columns: width, values: (0..<(Self.batch * width)).map { _ in rng.standardNormal() })
        let targets = Matrix(rows: Self.batch, columns: 1, values: (0..<Self.batch).map { _ in rng.standardNormal() })

        var tape = NetworkTape()
        var h = tape.constant(inputs)
        var layers = [h]
        var parameters: [NetworkTape.Node] = []
        let y = tape.constant(targets)
        var lossNode = h
        for l in 0..<shape.layerCount {
            let w = tape.constant(shape.weights(l, in: theta))
            let b = tape.constant(Matrix(rows: 1, columns: shape.widths[l + 1], values: shape.biases(l, in: theta)))
            parameters += [w, b]
            let z = tape.affine(h, weights: w, biases: b)
            if l == shape.layerCount - 1 {
                lossNode = tape.meanSquaredError(z, targets: y)
            } else {
                let a = tape.activation(z, configuration.activation)
                h = shape.isResidual(l) ? tape.sum(h, a) : a
                layers.append(h)
            }
        }
        let adjoints = tape.gradients(of: lossNode)
        func norm(_ m: Matrix?) -> Double { FlatVector(m?.values ?? []).norm }
        norms = layers.map { norm(adjoints[$0.index]) }
        parameterGradientNorm = FlatVector(parameters.flatMap { adjoints[$0.index]?.values ?? [] }).norm
        loss = tape.scalar(lossNode)
    }

    /// The initial weights of `configuration`'s network, a residual network's branches scaled by 1/√depth.
    public static func initialParameters(_ configuration: DepthConfiguration, depth: Int, width: Int, seed: UInt64) -> FlatVector {
        let shape = Self.shape(configuration, depth: depth, width: width)
        var theta = NetworkInitialization(scale: configuration.initialization, seed: seed).parameters(for: shape)
        if configuration.residual {
            let shrink = 1 / Double(depth).squareRoot()
            for l in 0..<shape.layerCount where shape.isResidual(l) {
                let start = shape.offsets(l).weights
                for k in start..<(start + width * width) { theta.values[k] *= shrink }
            }
        }
        return theta
    }

    /// The network of `configuration`: `depth` hidden layers of `width`, then one linear output.
    public static func shape(_ configuration: DepthConfiguration, depth: Int, width: Int) -> NetworkShape {
        NetworkShape(
            widths: [Int](repeating: width, count: depth + 1) + [1], hidden: configuration.activation, output: .linear,
            loss: .mse, residual: configuration.residual)
    }

    /// ‖∂L/∂h_ℓ‖ / ‖∂L/∂h_depth‖ for ℓ = 0 … depth: what reaches layer ℓ of what left the top hidden layer.
    public var ratios: [Double] { norms.map { $0 / norms[depth] } }
}
