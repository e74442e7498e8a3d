/// A built-in term as written in a scenario: its name and parameters (scalars are 1-element arrays, pairs 2-element).
public struct SurfaceTermSpec: Sendable, Equatable {
    public var name: String
    public var parameters: [String: [Double]]

    public init(name: String, parameters: [String: [Double]] = [:]) {
        self.name = name
        self.parameters = parameters
    }
}
