/// A term's parameters with defaults filled in, read by name when building its expression and minima.
struct TermArguments {
    private let values: [String: [Double]]

    init(_ given: [String: [Double]], parameters: [TermParameter]) {
        var values: [String: [Double]] = [:]
        for parameter in parameters {
            let value = given[parameter.name] ?? parameter.defaultValue
            values[parameter.name] = value.count == parameter.arity ? value : parameter.defaultValue
        }
        self.values = values
    }

    /// A scalar parameter (0 if the term has no such parameter).
    func scalar(_ name: String) -> Double { values[name]?.first ?? 0 }

    /// A pair parameter as a point.
    func pair(_ name: String) -> Vec2 {
        guard let v = values[name], v.count == 2 else { return .zero }
        return Vec2(v[0], v[1])
    }
}
