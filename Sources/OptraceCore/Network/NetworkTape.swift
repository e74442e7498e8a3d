/// Reverse-mode automatic differentiation over matrices: the forward pass records each operation and its value,
/// and `gradients(of:)` walks the record backwards, handing each operation the gradient of its output and adding
/// what it passes to its inputs (EQ M8.1 applied node by node, a matrix at a time).
///
/// The operations are the few a fully connected network is made of: inputs and parameters, an affine map
/// X·Wᵀ + b, an elementwise activation, a sum (residual connections), and the two losses. A sigmoid output under
/// binary cross-entropy is one operation on the logits, as frameworks fuse it (`BCEWithLogitsLoss`), so its
/// gradient is (p − y)/n however close p comes to 0 or 1; the loss's value keeps the chapter's 10⁻⁹ guard.
public struct NetworkTape: Sendable {
    /// A recorded node.
    public struct Node: Sendable, Equatable {
        public let index: Int
    }

    enum Operation: Sendable {
        case constant
        case affine(input: Int, weights: Int, biases: Int)
        case activation(Int, Activation, sabotaged: Bool)
        case sum(Int, Int)
        case sigmoidCrossEntropy(logits: Int, targets: Int)
        case meanSquaredError(predictions: Int, targets: Int)
    }

    private(set) var operations: [Operation] = []
    /// Each node's value; a loss is 1 × 1.
    public private(set) var values: [Matrix] = []
    /// The sigmoid of the logits of each cross-entropy node (the predictions).
    private var probabilities: [Int: Matrix] = [:]

    public init() {}

    private mutating func record(_ operation: Operation, _ value: Matrix) -> Node {
        operations.append(operation)
        values.append(value)
        return Node(index: values.count - 1)
    }

    /// A matrix the graph reads: inputs, targets, or parameters (whose gradients are asked for).
    public mutating func constant(_ value: Matrix) -> Node { record(.constant, value) }

    /// X·Wᵀ + b: one row per example, one column per unit.
    public mutating func affine(_ x: Node, weights: Node, biases: Node) -> Node {
        let bias = values[biases.index].values
        return record(.affine(input: x.index, weights: weights.index, biases: biases.index),
                      values[x.index].timesTransposed(values[weights.index]).addingRow(bias))
    }

    /// φ applied to every value. A sabotaged activation passes gradients back without its slope (the chapter's
    /// "drop the (1 − H²)" exercise).
    public mutating func activation(_ z: Node, _ phi: Activation, sabotaged: Bool = false) -> Node {
        record(.activation(z.index, phi, sabotaged: sabotaged), values[z.index].map(phi.value))
    }

    /// a + b (a residual connection).
    public mutating func sum(_ a: Node, _ b: Node) -> Node {
        record(.sum(a.index, b.index), values[a.index].combined(with: values[b.index], +))
    }

    /// Binary cross-entropy of sigmoid(`logits`) against `targets`; `predictions(of:)` gives sigmoid(logits).
    public mutating func sigmoidCrossEntropy(logits: Node, targets: Node) -> Node {
        let p = values[logits.index].map(Activation.sigmoid.value)
        let loss = NetworkLoss.bce.value(predictions: p, targets: values[targets.index])
        let node = record(.sigmoidCrossEntropy(logits: logits.index, targets: targets.index), Matrix([[loss]]))
        probabilities[node.index] = p
        return node
    }

    /// mean((p − y)²) over every value.
    public mutating func meanSquaredError(_ predictions: Node, targets: Node) -> Node {
        let loss = NetworkLoss.mse.value(predictions: values[predictions.index], targets: values[targets.index])
        return record(.meanSquaredError(predictions: predictions.index, targets: targets.index), Matrix([[loss]]))
    }

    /// The scalar value of a loss node.
    public func scalar(_ node: Node) -> Double { values[node.index].values[0] }

    /// The predictions behind a cross-entropy node (sigmoid of its logits), or the node's own value.
    public func predictions(of node: Node) -> Matrix {
        if let p = probabilities[node.index] { return p }
        if case .meanSquaredError(let predictions, _) = operations[node.index] { return values[predictions] }
        return values[node.index]
    }

    /// ∂loss/∂node for every node recorded before `loss` (nil where the loss does not depend on it).
    public func gradients(of loss: Node) -> [Matrix?] {
        var adjoints = [Matrix?](repeating: nil, count: values.count)
        adjoints[loss.index] = Matrix([[1]])
        func add(_ index: Int, _ g: Matrix) {
            adjoints[index] = adjoints[index].map { $0.combined(with: g, +) } ?? g
        }
        for index in stride(from: loss.index, through: 0, by: -1) {
            guard let upstream = adjoints[index] else { continue }
            switch operations[index] {
            case .constant:
                break
            case .affine(let input, let weights, let biases):
                add(input, upstream.times(values[weights]))
                add(weights, upstream.transposedTimes(values[input]))
                add(biases, Matrix(rows: 1, columns: upstream.columns, values: upstream.columnSums()))
            case .activation(let z, let phi, let sabotaged):
                if sabotaged {
                    add(z, upstream)
                } else {
                    let pre = values[z], post = values[index]
                    var g = upstream
                    for k in 0..<g.values.count { g.values[k] *= phi.slope(z: pre.values[k], value: post.values[k]) }
                    add(z, g)
                }
            case .sum(let a, let b):
                add(a, upstream)
                add(b, upstream)
            case .sigmoidCrossEntropy(let logits, let targets):
                let p = probabilities[index]!, y = values[targets], n = Double(p.values.count), s = upstream.values[0]
                add(logits, p.combined(with: y) { (($0 - $1) / n) * s })
            case .meanSquaredError(let predictions, let targets):
                let p = values[predictions], y = values[targets], n = Double(p.values.count), s = upstream.values[0]
                add(predictions, p.combined(with: y) { ((2 * ($0 - $1)) / n) * s })
            }
        }
        return adjoints
    }
}
