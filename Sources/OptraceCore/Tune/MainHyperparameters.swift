/// The hyperparameters `tune --all-racers` sweeps for each optimizer, with their default ranges.
///
/// Each definition declares them (`tunedParameters`: `sgd` lr and momentum, used only when the racer uses
/// momentum; `momentum` lr and beta; the others lr alone), so optimizers added to the catalog are tuned without
/// changes here.
public enum MainHyperparameters {
    /// The default range of a main hyperparameter: learning rates 1e-3 … 10 on a log axis, momenta 0 … 0.99.
    public static func defaultAxis(_ name: String) -> SweepAxis {
        if name == "lr" { return SweepAxis(name: name, low: 1e-3, high: 10, scale: .log, count: nil) }
        return SweepAxis(name: name, low: 0, high: 0.99, scale: .linear, count: nil)
    }

    /// The names swept for a racer of `definition` with the settings `settings`: those of its `tunedParameters`
    /// that it has and that its update rule uses, lr as the fallback. A parameter that is 0 by default and 0
    /// in the racer switches a part of the rule off (plain SGD has momentum 0): it is swept only when
    /// `requested` names it (`--param momentum=…`).
    public static func names(
        for definition: OptimizerDefinition, settings: HyperParameters? = nil, requested: Set<String> = []
    ) -> [String] {
        let wanted = definition.tunedParameters
        let present = wanted.filter { name in
            guard let parameter = definition.parameter(named: name) else { return false }
            if requested.contains(name) || name == "lr" { return true }
            guard let settings, case .number(0) = parameter.defaultValue else { return true }
            return settings.number(name) != 0
        }
        let extra = requested.sorted().filter { !wanted.contains($0) && definition.parameter(named: $0) != nil }
        let names = present + extra
        return names.isEmpty ? Array(definition.parameters.prefix(1).map(\.name)) : names
    }

    /// The grid axes for a racer of `definition` with `settings`, `budget` configurations in all (⌊√budget⌋ per
    /// axis for two axes), ranges from `ranges` by name where given, else the defaults.
    public static func axes(
        for definition: OptimizerDefinition, settings: HyperParameters? = nil, budget: Int, ranges: [String: SweepAxis]
    ) -> [SweepAxis] {
        let names = self.names(for: definition, settings: settings, requested: Set(ranges.keys))
        let perAxis = names.count == 1 ? budget : Swift.max(2, Int(Double(budget).squareRoot()))
        return names.map { name in
            let range = ranges[name] ?? defaultAxis(name)
            return SweepAxis(name: name, low: range.low, high: range.high, scale: range.scale, count: perAxis)
        }
    }
}
