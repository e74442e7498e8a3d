/// A fully connected network: layer widths from inputs to outputs, the hidden and output activations and the loss.
///
/// Its parameters are one flat vector (`FlatVector`), layer by layer: the weights W (one row per output unit,
/// row-major) then the biases b, so θ = [W₁, b₁, W₂, b₂, …] as the chapter writes the 2-4-1 net.
public struct NetworkShape: Sendable, Equatable {
    /// Units per layer, inputs first: `[2, 4, 1]` is the chapter's 2-4-1 net.
    public let widths: [Int]
    public let hidden: Activation
    public let output: Activation
    public let loss: NetworkLoss
    /// Residual hidden layers, h ← h + φ(W h + b), where a layer's input and output widths are equal.
    public let residual: Bool

    public init(widths: [Int], hidden: Activation = .tanh, output: Activation = .sigmoid, loss: NetworkLoss = .bce, residual: Bool = false) {
        precondition(widths.count >= 2 && widths.allSatisfy { $0 >= 1 }, "a network has at least an input and an output layer")
        self.widths = widths
        self.hidden = hidden
        self.output = output
        self.loss = loss
        self.residual = residual
    }

    /// Number of weight layers.
    public var layerCount: Int { widths.count - 1 }

    /// Where layer `l`'s weights (`fanOut × fanIn`, row-major) and biases start in θ.
    public func offsets(_ l: Int) -> (weights: Int, biases: Int) {
        var start = 0
        for k in 0..<l { start += widths[k + 1] * widths[k] + widths[k + 1] }
        return (start, start + widths[l + 1] * widths[l])
    }

    /// Every weight and bias.
    public var parameterCount: Int { (0..<layerCount).reduce(0) { $0 + widths[$1 + 1] * widths[$1] + widths[$1 + 1] } }

    /// Layer `l`'s weights as a matrix (one row per output unit).
    public func weights(_ l: Int, in theta: FlatVector) -> Matrix {
        let start = offsets(l).weights, count = widths[l + 1] * widths[l]
        return Matrix(rows: widths[l + 1], columns: widths[l], values: Array(theta.values[start..<(start + count)]))
    }

    /// Layer `l`'s biases.
    public func biases(_ l: Int, in theta: FlatVector) -> [Double] {
        let start = offsets(l).biases
        return Array(theta.values[start..<(start + widths[l + 1])])
    }

    /// The activation of layer `l`'s units.
    public func activation(_ l: Int) -> Activation { l == layerCount - 1 ? output : hidden }

    /// Whether layer `l` adds its input back (a residual hidden layer of equal widths).
    public func isResidual(_ l: Int) -> Bool { residual && l < layerCount - 1 && widths[l] == widths[l + 1] }

    /// A name for parameter `index` of θ: `W1[2,0]` (layer 1, unit 2, input 0) or `b2[0]`.
    public func parameterName(_ index: Int) -> String {
        for l in 0..<layerCount {
            let (w, b) = offsets(l)
            if index < b { let k = index - w; return "W\(l + 1)[\(k / widths[l]),\(k % widths[l])]" }
            if index < b + widths[l + 1] { return "b\(l + 1)[\(index - b)]" }
        }
        return "θ[\(index)]"
    }
}
