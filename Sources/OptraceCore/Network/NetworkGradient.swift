/// A network's loss and gradient at θ on a batch, from the tape (`NetworkTape`) or from the backward pass written
/// by hand as the chapter derives it (EQ M8.2 at the output, EQ M8.3 once per hidden layer).
public struct NetworkGradient: Sendable {
    public let loss: Double
    public let gradient: FlatVector
    /// The network's outputs for the batch (one row per example).
    public let predictions: Matrix

    /// What part of the backward pass is left out on purpose, to show that the audit catches it.
    public enum Sabotage: String, Sendable, CaseIterable {
        /// Drops the hidden layers' activation slope, (1 − H²) for tanh: the chapter's exercise.
        case tanhGate = "tanh-gate"
    }

    /// Loss and gradient through the tape: the forward pass recorded, then walked back.
    public static func tape(_ shape: NetworkShape, theta: FlatVector, inputs: Matrix, targets: Matrix, sabotage: Sabotage? = nil) -> NetworkGradient {
        var tape = NetworkTape()
        var h = tape.constant(inputs)
        let y = tape.constant(targets)
        var parameters: [(weights: NetworkTape.Node, biases: NetworkTape.Node)] = []
        var lossNode: NetworkTape.Node?
        for l in 0..<shape.layerCount {
            let w = tape.constant(shape.weights(l, in: theta))
            let b = tape.constant(Matrix(rows: 1, columns: shape.widths[l + 1], values: shape.biases(l, in: theta)))
            parameters.append((w, b))
            let z = tape.affine(h, weights: w, biases: b)
            if l == shape.layerCount - 1 {
                if shape.loss == .bce && shape.output == .sigmoid {
                    lossNode = tape.sigmoidCrossEntropy(logits: z, targets: y)
                } else {
                    lossNode = tape.meanSquaredError(tape.activation(z, shape.output), targets: y)
                }
            } else {
                let a = tape.activation(z, shape.hidden, sabotaged: sabotage == .tanhGate && shape.hidden == .tanh)
                h = shape.isResidual(l) ? tape.sum(h, a) : a
            }
        }
        let loss = lossNode!
        let adjoints = tape.gradients(of: loss)
        var gradient: [Double] = []
        gradient.reserveCapacity(shape.parameterCount)
        for (w, b) in parameters {
            gradient += adjoints[w.index]?.values ?? [Double](repeating: 0, count: tape.values[w.index].values.count)
            gradient += adjoints[b.index]?.values ?? [Double](repeating: 0, count: tape.values[b.index].values.count)
        }
        return NetworkGradient(loss: tape.scalar(loss), gradient: FlatVector(gradient), predictions: tape.predictions(of: loss))
    }

    /// Loss and gradient by the backward pass written out: δ_out = (p − y)/n for a sigmoid under cross-entropy
    /// (EQ M8.2: the sigmoid's slope and the loss's 1/p(1 − p) cancel), 2(p − y)/n ⊙ φ′(z) under squared error;
    /// then for each layer ∂L/∂W = δᵀ·A, ∂L/∂b = Σδ, and δ ← (δ·W) ⊙ φ′(z) one layer down (EQ M8.3).
    public static func byHand(_ shape: NetworkShape, theta: FlatVector, inputs: Matrix, targets: Matrix, sabotage: Sabotage? = nil) -> NetworkGradient {
        var activations = [inputs]
        var preActivations: [Matrix] = [], phis: [Matrix] = []
        for l in 0..<shape.layerCount {
            let z = activations[l].timesTransposed(shape.weights(l, in: theta)).addingRow(shape.biases(l, in: theta))
            let phi = z.map(shape.activation(l).value)
            preActivations.append(z)
            phis.append(phi)
            activations.append(shape.isResidual(l) ? activations[l].combined(with: phi, +) : phi)
        }
        let p = activations[shape.layerCount], n = Double(p.values.count)
        let loss = shape.loss.value(predictions: p, targets: targets)
        var delta: Matrix
        if shape.loss == .bce && shape.output == .sigmoid {
            delta = p.combined(with: targets) { ($0 - $1) / n }                                  // EQ M8.2
        } else {
            let z = preActivations[shape.layerCount - 1]
            delta = p.combined(with: targets) { (2 * ($0 - $1)) / n }
            for k in 0..<delta.values.count { delta.values[k] *= shape.output.slope(z: z.values[k], value: p.values[k]) }
        }
        var pieces = [[Double]](repeating: [], count: shape.layerCount)
        var carried = Matrix(zeros: 0, 0)
        for l in stride(from: shape.layerCount - 1, through: 0, by: -1) {
            if l < shape.layerCount - 1 {
                // EQ M8.3: the blame carried back through W, gated by each unit's slope.
                delta = carried
                if !(sabotage == .tanhGate && shape.hidden == .tanh) {
                    let z = preActivations[l], phi = phis[l]
                    for k in 0..<delta.values.count { delta.values[k] *= shape.hidden.slope(z: z.values[k], value: phi.values[k]) }
                }
            }
            pieces[l] = delta.transposedTimes(activations[l]).values + delta.columnSums()
            if l > 0 {
                var back = delta.times(shape.weights(l, in: theta))
                if shape.isResidual(l) { back = back.combined(with: carried, +) }
                carried = back
            }
        }
        return NetworkGradient(loss: loss, gradient: FlatVector(pieces.flatMap { $0 }), predictions: p)
    }

    /// The loss alone (one forward pass), for central differences.
    public static func loss(_ shape: NetworkShape, theta: FlatVector, inputs: Matrix, targets: Matrix) -> Double {
        shape.loss.value(predictions: predictions(shape, theta: theta, inputs: inputs), targets: targets)
    }

    /// The network's outputs for `inputs` (one forward pass).
    public static func predictions(_ shape: NetworkShape, theta: FlatVector, inputs: Matrix) -> Matrix {
        var a = inputs
        for l in 0..<shape.layerCount {
            let z = a.timesTransposed(shape.weights(l, in: theta)).addingRow(shape.biases(l, in: theta))
            let next = z.map(shape.activation(l).value)
            a = shape.isResidual(l) ? a.combined(with: next, +) : next
        }
        return a
    }
}
