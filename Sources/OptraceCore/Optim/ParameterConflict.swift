/// Two hyperparameters that contradict each other (torch raises for the same): the key to blame and why.
public struct ParameterConflict: Error, Sendable, Equatable {
    /// The parameter whose value is refused (the error is located at it when it was given).
    public let parameter: String
    public let message: String

    public init(parameter: String, message: String) {
        self.parameter = parameter
        self.message = message
    }
}
