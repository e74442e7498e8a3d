/// An optimizer's hyperparameters by name, in the order its definition lists them.
public struct HyperParameters: Sendable, Equatable {
    public private(set) var entries: [(name: String, value: ParameterValue)]
    /// Names that read one component of a pair (`beta1` → `betas`[0]).
    private var components: [String: ComponentName] = [:]

    /// Where a component name points: the pair's name and the index in it.
    struct ComponentName: Sendable, Equatable {
        let pair: String
        let index: Int
    }

    public init(_ entries: [(String, ParameterValue)]) {
        self.entries = entries.map { (name: $0.0, value: $0.1) }
    }

    /// Makes `name` read component `index` of the pair called `pair`.
    mutating func addComponentName(_ name: String, of pair: String, index: Int) {
        components[name] = ComponentName(pair: pair, index: index)
    }

    /// The pair and index a component name reads (`beta1` → `betas`, 0), if `name` is one.
    func componentName(_ name: String) -> ComponentName? { components[name] }

    public subscript(name: String) -> ParameterValue? {
        entries.first { $0.name == name }?.value
    }

    /// The number called `name` (or the component of a pair it names). Asking for a name the optimizer's
    /// definition does not have is a programming error (the definition guarantees its own parameters).
    public func number(_ name: String) -> Double {
        if case .number(let v)? = self[name] { return v }
        if let c = components[name], case .pair(let a, let b)? = self[c.pair] { return c.index == 0 ? a : b }
        preconditionFailure("no number hyperparameter '\(name)' among \(entries.map(\.name))")
    }

    /// The pair called `name` (a programming error when there is none).
    public func pair(_ name: String) -> (Double, Double) {
        guard case .pair(let a, let b)? = self[name] else { preconditionFailure("no pair hyperparameter '\(name)' among \(entries.map(\.name))") }
        return (a, b)
    }

    /// The flag called `name` (a programming error when there is none).
    public func flag(_ name: String) -> Bool {
        guard case .flag(let b)? = self[name] else { preconditionFailure("no flag hyperparameter '\(name)' among \(entries.map(\.name))") }
        return b
    }

    /// The word called `name` (a programming error when there is none).
    public func text(_ name: String) -> String {
        guard case .text(let s)? = self[name] else { preconditionFailure("no text hyperparameter '\(name)' among \(entries.map(\.name))") }
        return s
    }

    /// The entries without those named in `names`.
    public func removing(_ names: Set<String>) -> HyperParameters {
        var copy = self
        copy.entries.removeAll { names.contains($0.name) }
        return copy
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
