/// The hyperparameters of the lanes of a rule being built: each lane's own, or one set the lanes share with some
/// numbers given lane by lane (a sweep's axes), read without a `HyperParameters` per lane.
public struct LaneHyperParameters: Sendable {
    /// A number given lane by lane: a hyperparameter's own (`component` nil) or one number of a pair (0 or 1).
    public struct Varying: Sendable {
        public let name: String
        public let component: Int?
        /// One value per lane.
        public let values: [Double]

        public init(name: String, component: Int?, values: [Double]) {
            self.name = name
            self.component = component
            self.values = values
        }
    }

    /// Each lane's own hyperparameters (empty when the lanes share `shared`).
    private let each: [HyperParameters]
    /// The hyperparameters of every lane (lane 0's when the lanes have their own).
    private let shared: HyperParameters
    /// The numbers that differ from `shared`, lane by lane; a later entry for the same number wins.
    private let varying: [Varying]

    /// Lane i has `lanes[i]`.
    public init(each lanes: [HyperParameters]) {
        precondition(!lanes.isEmpty, "at least one lane")
        each = lanes
        shared = lanes[0]
        varying = []
    }

    /// Every lane has `shared`, except the numbers in `varying`.
    public init(shared: HyperParameters, varying: [Varying]) {
        each = []
        self.shared = shared
        self.varying = varying
    }

    /// The values of number `name` (`component` of a pair, or a number) where they vary by lane.
    private func varyingValues(_ name: String, _ component: Int?) -> [Double]? {
        varying.last { $0.name == name && $0.component == component }?.values
    }

    /// The number called `name` (or the component of a pair it names) in every lane.
    public func number<S: ParameterScalar>(_ name: String) -> S {
        if !each.isEmpty { return S(lanes: { each[$0].number(name) }) }
        if let values = varyingValues(name, nil) { return S(lanes: { values[$0] }) }
        if let c = shared.componentName(name), let values = varyingValues(c.pair, c.index) { return S(lanes: { values[$0] }) }
        return S(repeating: shared.number(name))
    }

    /// The pair called `name` in every lane.
    public func pair<S: ParameterScalar>(_ name: String) -> (S, S) {
        if !each.isEmpty { return (S(lanes: { each[$0].pair(name).0 }), S(lanes: { each[$0].pair(name).1 })) }
        let (a, b) = shared.pair(name)
        func lanes(_ component: Int, _ value: Double) -> S {
            guard let values = varyingValues(name, component) else { return S(repeating: value) }
            return S(lanes: { values[$0] })
        }
        return (lanes(0, a), lanes(1, b))
    }

    /// The flag called `name` when every lane has the same, else nil (flags are never given lane by lane).
    public func flag(_ name: String) -> Bool? {
        let first = shared.flag(name)
        return each.allSatisfy { $0.flag(name) == first } ? first : nil
    }

    /// The word called `name` when every lane has the same, else nil.
    public func text(_ name: String) -> String? {
        let first = shared.text(name)
        return each.allSatisfy { $0.text(name) == first } ? first : nil
    }

    /// Whether the number `name` passes `test` in the lanes: true for all, false for none, nil when they differ.
    public func all(_ name: String, _ test: (Double) -> Bool) -> Bool? {
        let results: [Bool]
        if !each.isEmpty {
            results = each.map { test($0.number(name)) }
        } else if let values = varyingValues(name, nil) ?? shared.componentName(name).flatMap({ varyingValues($0.pair, $0.index) }) {
            results = values.map(test)
        } else {
            return test(shared.number(name))
        }
        return results.allSatisfy { $0 == results[0] } ? results[0] : nil
    }

    /// The value lane `lane` has under `name` (a number that varies reads as its lane's value): what
    /// `HyperParameters` subscripting gives for that lane's own hyperparameters.
    public func value(_ name: String, lane: Int) -> ParameterValue? {
        if !each.isEmpty { return each[lane][name] }
        if let values = varyingValues(name, nil) { return .number(values[lane]) }
        guard case .pair(let a, let b)? = shared[name] else { return shared[name] }
        return .pair(varyingValues(name, 0)?[lane] ?? a, varyingValues(name, 1)?[lane] ?? b)
    }
}
