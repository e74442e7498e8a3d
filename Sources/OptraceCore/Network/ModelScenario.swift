/// A race on a network's loss: the data, the network and its initial weights, the training schedule and the racers.
///
/// Every racer starts from the same initial weights and, with minibatches, sees the examples in the same order, so
/// differences between them come from the update rules alone.
public struct ModelScenario: Sendable {
    public var name: String
    public var title: String
    public var summary: String?
    /// Where the scenario came from (a path, or a built-in name).
    public var source: String
    public var data: DataSet
    public var shape: NetworkShape
    public var initialization: NetworkInitialization
    public var epochs: Int
    /// Examples per update; nil for the full batch.
    public var batch: Int?
    /// Seeds the order of the examples in each epoch (with minibatches).
    public var shuffleSeed: UInt64
    public var racers: [Racer]

    /// The largest number of epochs a model scenario may ask for.
    public static let maximumEpochs = 1_000_000
    /// The largest number of parameters of a model scenario's network.
    public static let maximumParameters = 1_000_000
    /// The most examples a data set may hold.
    public static let maximumExamples = 100_000

    /// The weights every racer starts from.
    public var initialParameters: FlatVector { initialization.parameters(for: shape) }

    /// The trainer of this scenario.
    public var trainer: NetworkTrainer {
        NetworkTrainer(shape: shape, data: data, epochs: epochs, batch: batch, orderSeed: shuffleSeed)
    }
}
