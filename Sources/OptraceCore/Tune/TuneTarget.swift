/// What a sweep tunes: a racer's optimizer with its other hyperparameters (and schedule and clipping) fixed,
/// and the swept ones checked.
public struct TuneTarget: Sendable {
    public let racer: Racer
    public let definition: OptimizerDefinition

    /// The racer's optimizer, or an error naming the racer's unknown optimizer.
    public init(racer: Racer) throws(TuneError) {
        guard let definition = OptimizerCatalog.definition(named: racer.optimizerName) else {
            throw TuneError("racer '\(racer.name)': optimizer '\(racer.optimizerName)' is not in the catalog")
        }
        self.racer = racer
        self.definition = definition
    }

    /// The definition's parameter an axis sets, and which number of a pair (`betas[1]`, or a component name
    /// such as `beta2`), or an error saying why the axis cannot be swept.
    public func parameter(of axis: SweepAxis) throws(TuneError) -> (parameter: OptimizerParameter, component: Int?) {
        if axis.component == nil, let parameter = definition.parameter(named: axis.name), case .number = parameter.kind {
            return (parameter, nil)
        }
        if axis.component == nil, let (pair, index) = definition.pair(withComponent: axis.name) {
            return (pair, index)
        }
        guard let parameter = definition.parameter(named: axis.parameter) else {
            let names = definition.acceptedKeys
            throw TuneError(
                "--param \(axis.name): optimizer '\(definition.name)' (racer '\(racer.name)') has no parameter '\(axis.parameter)'\(Suggestion.hint(for: axis.parameter, in: names)); its parameters: \(names.joined(separator: ", "))")
        }
        switch (parameter.kind, axis.component) {
        case (.number, nil):
            return (parameter, nil)
        case (.number, .some):
            throw TuneError("--param \(axis.name): '\(axis.parameter)' of \(definition.name) is a single number; write \(axis.parameter)=…")
        case (.pair(_, let components), nil):
            let hint = components.isEmpty ? "\(axis.parameter)[0] or \(axis.parameter)[1]" : components.joined(separator: " or ")
            throw TuneError("--param \(axis.name): '\(axis.parameter)' of \(definition.name) is a pair; sweep one of its numbers as \(hint)")
        case (.pair, .some(let c)):
            guard c == 0 || c == 1 else { throw TuneError("--param \(axis.name): a pair has components [0] and [1], found [\(c)]") }
            return (parameter, c)
        case (.flag, _):
            throw TuneError("--param \(axis.name): '\(axis.parameter)' of \(definition.name) is true or false and cannot be swept")
        case (.choice(let words), _):
            throw TuneError("--param \(axis.name): '\(axis.parameter)' of \(definition.name) is one of \(words.joined(separator: ", ")) and cannot be swept")
        }
    }

    /// Checks that every axis names a numeric hyperparameter (or one number of a pair) of this optimizer,
    /// and that every value the plan can take is accepted by it and by the optimizer's consistency rules.
    public func check(_ plan: SweepPlan) throws(TuneError) {
        for axis in plan.axes {
            let (parameter, _) = try self.parameter(of: axis)
            let ends = [axis.low, axis.high] + (plan.isGrid ? axis.values : [])
            for value in ends {
                var hp = racer.hyperparameters
                try set(axis, value, in: &hp)
                if case .failure(let problem) = parameter.validate(hp[parameter.name] ?? .number(value)) {
                    throw TuneError(
                        "--param \(axis.specification): \(NumberFormat.short(value)) is not a valid \(axis.name) for \(definition.name); expected \(problem.expected)")
                }
                if let conflict = definition.conflict(hp) {
                    throw TuneError("--param \(axis.specification): at \(axis.name) = \(NumberFormat.short(value)), \(conflict.message)")
                }
            }
        }
    }

    /// The racer's hyperparameters with the axes set to `point` (the axes must have passed `check`).
    public func hyperparameters(_ plan: SweepPlan, at point: [Double]) -> HyperParameters {
        var hp = racer.hyperparameters
        for (axis, value) in zip(plan.axes, point) { try? set(axis, value, in: &hp) }
        return hp
    }

    /// The optimizer of cell `index`: the racer's, with its schedule (peak `lr`) and clipping.
    public func optimizer(_ plan: SweepPlan, cell index: Int) -> Optimizer {
        optimizer(hyperparameters(plan, at: plan.point(index)))
    }

    /// The racer's optimizer with `hyperparameters`.
    public func optimizer(_ hyperparameters: HyperParameters) -> Optimizer {
        definition.build(hyperparameters, schedule: racer.schedule, clipping: racer.clipping)
    }

    /// The racer with `hyperparameters`, keeping its name, noise, schedule, clipping, start, colour and dash.
    public func racer(_ hyperparameters: HyperParameters) -> Racer {
        Racer(
            name: racer.name, optimizerName: racer.optimizerName, hyperparameters: hyperparameters,
            optimizer: optimizer(hyperparameters), noisy: racer.noisy, schedule: racer.schedule, clipping: racer.clipping,
            start: racer.start, color: racer.color, dash: racer.dash)
    }

    private func set(_ axis: SweepAxis, _ value: Double, in hp: inout HyperParameters) throws(TuneError) {
        let (parameter, component) = try self.parameter(of: axis)
        if let component {
            var pair = (0.0, 0.0)
            if case .pair(let a, let b)? = hp[parameter.name] { pair = (a, b) }
            if component == 0 { pair.0 = value } else { pair.1 = value }
            hp.set(parameter.name, .pair(pair.0, pair.1))
        } else {
            hp.set(parameter.name, .number(value))
        }
    }
}

extension OptimizerDefinition {
    /// Hyperparameters from stored entries: the definition's own resolved in its order (with the pairs' component
    /// names), then any others (`schedule`, `clip_norm`, …) as recorded.
    func resolvedWithExtras(_ entries: [(String, ParameterValue)]) -> HyperParameters {
        let names = Set(parameters.map(\.name))
        var given: [String: ParameterValue] = [:]
        for (name, value) in entries where names.contains(name) { given[name] = value }
        var hp = resolve(given)
        for (name, value) in entries where !names.contains(name) { hp.set(name, value) }
        return hp
    }
}
