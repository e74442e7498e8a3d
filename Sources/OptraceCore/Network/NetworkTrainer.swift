/// Trains a network with an update rule from the catalog, epoch by epoch.
///
/// Each epoch first measures the whole data set (loss, gradient, parameter norm: the row it records), then
/// updates: once on that full-batch gradient, or once per minibatch of `batch` examples taken in an order drawn
/// for the epoch from `orderSeed`, the same order for every racer (common random numbers).
public struct NetworkTrainer: Sendable {
    public let shape: NetworkShape
    public let data: DataSet
    public let epochs: Int
    /// Examples per update; nil for the full batch.
    public let batch: Int?
    public let orderSeed: UInt64

    public init(shape: NetworkShape, data: DataSet, epochs: Int, batch: Int? = nil, orderSeed: UInt64 = 0) {
        self.shape = shape
        self.data = data
        self.epochs = epochs
        self.batch = batch
        self.orderSeed = orderSeed
    }

    /// The order of the examples in epoch `epoch` (Fisher–Yates on `NumpyGenerator(seed: orderSeed + epoch)`).
    public func order(epoch: Int) -> [Int] {
        var indices = Array(0..<data.count)
        var generator = NumpyGenerator(seed: orderSeed &+ UInt64(epoch))
        for i in stride(from: indices.count - 1, to: 0, by: -1) {
            let j = Int(generator.nextWord() % UInt64(i + 1))
            indices.swapAt(i, j)
        }
        return indices
    }

    /// Runs `rule` from `start` for the trainer's epochs; with `snapshotEvery` k, keeps θ at every k-th epoch and at
    /// the end (the landscape's paths).
    public func run(racer: String, rule: UpdateRule<FlatVector>, from start: FlatVector, snapshotEvery: Int? = nil) -> NetworkRun {
        let stepper = rule.makeStepper(params: start)
        var theta = start
        var run = NetworkRun(racer: racer, parameters: start, predictions: data.targets)
        for epoch in 0..<epochs {
            // A stop request (Ctrl-C) ends the run here; the command then reports it and writes nothing.
            if Interruption.isRequested { break }
            let full = NetworkGradient.tape(shape, theta: theta, inputs: data.inputs, targets: data.targets)
            run.losses.append(full.loss)
            run.gradientNorms.append(full.gradient.norm)
            run.parameterNorms.append(theta.norm)
            run.predictions = full.predictions
            if let k = snapshotEvery, epoch % k == 0 {
                run.snapshots.append(theta)
                run.snapshotEpochs.append(epoch)
            }
            if !full.loss.isFinite || theta.values.contains(where: { !$0.isFinite }) {
                run.divergedAt = epoch
                break
            }
            if let batch, batch < data.count {
                let order = order(epoch: epoch)
                for start in stride(from: 0, to: order.count, by: batch) {
                    let piece = data.rows(Array(order[start..<min(start + batch, order.count)]))
                    let g = NetworkGradient.tape(shape, theta: theta, inputs: piece.inputs, targets: piece.targets)
                    theta = stepper.step(params: theta, gradient: g.gradient)
                }
            } else {
                theta = stepper.step(params: theta, gradient: full.gradient)
            }
        }
        run.parameters = theta
        if snapshotEvery != nil, run.divergedAt == nil {
            run.snapshots.append(theta)
            run.snapshotEpochs.append(run.losses.count)
        }
        return run
    }
}
