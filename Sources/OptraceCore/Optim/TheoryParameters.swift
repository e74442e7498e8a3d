/// The hyperparameters a heavy-ball rule's quadratic theory reads: the learning rate η and the momentum β.
public struct TheoryParameters: Sendable, Equatable {
    /// The learning-rate parameter's name.
    public let rate: String
    /// The heavy-ball momentum parameter's name, if the rule has one.
    public let momentum: String?

    public init(rate: String, momentum: String?) {
        self.rate = rate
        self.momentum = momentum
    }
}
