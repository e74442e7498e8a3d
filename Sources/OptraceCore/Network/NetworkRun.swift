/// One racer's training run on a network: per epoch the loss, gradient norm and parameter norm, measured on the
/// whole data set before that epoch's updates (as the chapter records its losses), and where it ended.
public struct NetworkRun: Sendable {
    public let racer: String
    public var losses: [Double] = []
    public var gradientNorms: [Double] = []
    public var parameterNorms: [Double] = []
    /// θ after the last update.
    public var parameters: FlatVector
    /// The predictions of the last recorded forward pass (epoch `losses.count − 1`).
    public var predictions: Matrix
    /// The epoch at which the loss or the parameters stopped being finite, if they did.
    public var divergedAt: Int?
    /// θ at the epochs in `snapshotEpochs` (before that epoch's updates), when the trainer was asked to keep them.
    public var snapshots: [FlatVector] = []
    public var snapshotEpochs: [Int] = []

    public init(racer: String, parameters: FlatVector, predictions: Matrix) {
        self.racer = racer
        self.parameters = parameters
        self.predictions = predictions
    }
}
