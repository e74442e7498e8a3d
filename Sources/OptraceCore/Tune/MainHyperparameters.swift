/// The hyperparameters `tune --all-racers` sweeps for each optimizer, with their default ranges.
///
/// A small table keyed by optimizer name (`sgd`: lr and, when the definition has it, momentum;
/// `momentum`: lr and beta); any other optimizer gets its learning rate `lr` alone, so optimizers added
/// to the catalog later are tuned without changes here.
public enum MainHyperparameters {
    static let table: [String: [String]] = [
        "sgd": ["lr", "momentum"],
        "momentum": ["lr", "beta"],
    ]

    /// The default range of a main hyperparameter: learning rates 1e-3 … 10 on a log axis, momenta 0 … 0.99.
    public static func defaultAxis(_ name: String) -> SweepAxis {
        if name == "lr" { return SweepAxis(name: name, low: 1e-3, high: 10, scale: .log, count: nil) }
        return SweepAxis(name: name, low: 0, high: 0.99, scale: .linear, count: nil)
    }

    /// The names swept for `definition`: those of its table entry that it has (lr as the fallback).
    public static func names(for definition: OptimizerDefinition) -> [String] {
        let wanted = table[definition.name] ?? ["lr"]
        let present = wanted.filter { definition.parameter(named: $0) != nil }
        return present.isEmpty ? Array(definition.parameters.prefix(1).map(\.name)) : present
    }

    /// The grid axes for `definition` with `budget` configurations in all (⌊√budget⌋ per axis for two axes),
    /// ranges from `ranges` by name where given, else the defaults.
    public static func axes(for definition: OptimizerDefinition, budget: Int, ranges: [String: SweepAxis]) -> [SweepAxis] {
        let names = self.names(for: definition)
        let perAxis = names.count == 1 ? budget : Swift.max(2, Int(Double(budget).squareRoot()))
        return names.map { name in
            let range = ranges[name] ?? defaultAxis(name)
            return SweepAxis(name: name, low: range.low, high: range.high, scale: range.scale, count: perAxis)
        }
    }
}
