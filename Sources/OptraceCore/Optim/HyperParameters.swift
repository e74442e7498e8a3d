/// An optimizer's hyperparameters by name, in the order its definition lists them.
public struct HyperParameters: Sendable, Equatable {
    public private(set) var entries: [(name: String, value: ParameterValue)]

    public init(_ entries: [(String, ParameterValue)]) {
        self.entries = entries.map { (name: $0.0, value: $0.1) }
    }

    public subscript(name: String) -> ParameterValue? {
        entries.first { $0.name == name }?.value
    }

    /// The number called `name`; the definition guarantees it exists for its own parameters.
    public func number(_ name: String) -> Double {
        guard case .number(let v)? = self[name] else { return .nan }
        return v
    }

    /// Replaces (or adds) the value of `name`.
    public mutating func set(_ name: String, _ value: ParameterValue) {
        if let i = entries.firstIndex(where: { $0.name == name }) {
            entries[i].value = value
        } else {
            entries.append((name: name, value: value))
        }
    }

    public static func == (a: HyperParameters, b: HyperParameters) -> Bool {
        a.entries.count == b.entries.count
            && zip(a.entries, b.entries).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}
