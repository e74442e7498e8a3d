/// What a sweep tunes: a racer's optimizer with its other hyperparameters fixed, and the swept ones checked.
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

    /// Checks that every axis names a numeric hyperparameter (or a component of a pair) of this optimizer,
    /// and that every value the plan can take is accepted by it.
    public func check(_ plan: SweepPlan) throws(TuneError) {
        let names = definition.parameters.map(\.name)
        for axis in plan.axes {
            guard let parameter = definition.parameter(named: axis.parameter) else {
                throw TuneError(
                    "--param \(axis.name): optimizer '\(definition.name)' (racer '\(racer.name)') has no parameter '\(axis.parameter)'\(Suggestion.hint(for: axis.parameter, in: names)); its parameters: \(names.joined(separator: ", "))")
            }
            switch (parameter.kind, axis.component) {
            case (.number, nil): break
            case (.number, .some):
                throw TuneError("--param \(axis.name): '\(axis.parameter)' of \(definition.name) is a single number; write \(axis.parameter)=…")
            case (.pair, nil):
                throw TuneError("--param \(axis.name): '\(axis.parameter)' of \(definition.name) is a pair; sweep one of its numbers as \(axis.parameter)[0] or \(axis.parameter)[1]")
            case (.pair, .some(let c)) where c != 0 && c != 1:
                throw TuneError("--param \(axis.name): a pair has components [0] and [1], found [\(c)]")
            case (.pair, .some): break
            case (.flag, _):
                throw TuneError("--param \(axis.name): '\(axis.parameter)' of \(definition.name) is true or false and cannot be swept")
            }
            let ends = [axis.low, axis.high] + (plan.isGrid ? axis.values : [])
            for value in ends {
                var hp = racer.hyperparameters
                set(axis, value, in: &hp)
                if case .failure(let problem) = parameter.validate(hp[axis.parameter] ?? .number(value)) {
                    throw TuneError(
                        "--param \(axis.specification): \(NumberFormat.short(value)) is not a valid \(axis.name) for \(definition.name); expected \(problem.expected)")
                }
            }
        }
    }

    /// The racer's hyperparameters with the axes set to `point`.
    public func hyperparameters(_ plan: SweepPlan, at point: [Double]) -> HyperParameters {
        var hp = racer.hyperparameters
        for (axis, value) in zip(plan.axes, point) { set(axis, value, in: &hp) }
        return hp
    }

    /// The optimizer of cell `index`.
    public func optimizer(_ plan: SweepPlan, cell index: Int) -> Optimizer {
        definition.build(hyperparameters(plan, at: plan.point(index)))
    }

    private func set(_ axis: SweepAxis, _ value: Double, in hp: inout HyperParameters) {
        if let component = axis.component {
            var pair = (0.0, 0.0)
            if case .pair(let a, let b)? = hp[axis.parameter] { pair = (a, b) }
            if component == 0 { pair.0 = value } else { pair.1 = value }
            hp.set(axis.parameter, .pair(pair.0, pair.1))
        } else {
            hp.set(axis.parameter, .number(value))
        }
    }
}
