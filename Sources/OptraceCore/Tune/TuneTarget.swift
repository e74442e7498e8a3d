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

    /// What an axis sets besides the optimizer's own hyperparameters: a key of the racer's schedule, or its
    /// clipping threshold; nil for an optimizer hyperparameter (or an error when the racer has no such schedule
    /// or clipping).
    public func setting(of axis: SweepAxis) throws(TuneError) -> SweptSetting? {
        guard axis.component == nil, definition.parameter(named: axis.name) == nil, definition.pair(withComponent: axis.name) == nil
        else { return nil }
        if let spec = racer.schedule, let key = spec.type.key(named: axis.name) { return .schedule(key) }
        if let clipping = racer.clipping, clipping.key == axis.name { return .clipping }
        if ScheduleCatalog.all.contains(where: { $0.key(named: axis.name) != nil }) {
            let has = racer.schedule.map { "its schedule '\($0.type.name)' takes \($0.type.keys.map(\.name).joined(separator: ", "))" } ?? "it has no schedule"
            throw TuneError("--param \(axis.name): racer '\(racer.name)' cannot sweep the schedule key '\(axis.name)': \(has) (give it one in the scenario)")
        }
        if axis.name == "clip_norm" || axis.name == "clip_value" {
            let has = racer.clipping.map { "it clips by \($0.key)" } ?? "it has no clipping"
            throw TuneError("--param \(axis.name): racer '\(racer.name)' cannot sweep '\(axis.name)': \(has) (give it '\(axis.name)' in the scenario)")
        }
        return nil
    }

    /// Checks that every axis names a numeric hyperparameter (or one number of a pair) of this optimizer, a key
    /// of the racer's schedule or its clipping threshold, and that every value the plan can take is accepted by
    /// it and by the optimizer's (or schedule's) consistency rules.
    public func check(_ plan: SweepPlan) throws(TuneError) {
        for axis in plan.axes {
            if let setting = try setting(of: axis) {
                try check(setting, axis, plan)
                continue
            }
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

    /// The checks of a schedule key or clipping threshold: every value accepted, whole numbers where the key
    /// counts updates (on a grid; random samples cannot give whole numbers), no contradiction in the schedule.
    private func check(_ setting: SweptSetting, _ axis: SweepAxis, _ plan: SweepPlan) throws(TuneError) {
        let values = [axis.low, axis.high] + (plan.isGrid ? axis.values : [])
        switch setting {
        case .clipping:
            if let bad = values.first(where: { !($0 > 0) }) {
                throw TuneError("--param \(axis.specification): \(NumberFormat.short(bad)) is not a valid \(axis.name); expected a clipping threshold > 0")
            }
        case .schedule(let key):
            if key.isInteger && !plan.isGrid {
                throw TuneError("--param \(axis.name): '\(axis.name)' is a whole number of updates; sweep it on a grid (NAME=LO:HI:N) whose values are whole")
            }
            for value in values {
                if key.isInteger && value.rounded() != value {
                    throw TuneError("--param \(axis.specification): '\(axis.name)' is a whole number of updates, but the grid holds \(NumberFormat.short(value)); choose ends and a count that give whole numbers (e.g. 0:100:11)")
                }
                if !key.constraint.accepts(value) || (key.isInteger && value > Double(Scenario.maximumSteps)) {
                    throw TuneError("--param \(axis.specification): \(NumberFormat.short(value)) is not a valid \(axis.name); expected \(key.expectation)")
                }
                if let spec = racer.schedule {
                    var settings = spec.values
                    settings[key.name] = value
                    if let conflict = spec.type.conflict(settings) {
                        throw TuneError("--param \(axis.specification): at \(axis.name) = \(NumberFormat.short(value)), \(conflict.message)")
                    }
                }
            }
        }
    }

    /// The racer's hyperparameters with the axes set to `point` (the axes must have passed `check`); swept
    /// schedule keys and clipping thresholds are entries of their own, read by `optimizer(_:)`.
    public func hyperparameters(_ plan: SweepPlan, at point: [Double]) -> HyperParameters {
        hyperparameters(placing: places(of: plan), at: point)
    }

    /// Where an axis's value goes among the hyperparameters: under its own name (a number, a schedule key or the
    /// clipping threshold), or as one number of a pair.
    enum AxisPlace: Sendable {
        case named(String)
        case component(of: String, index: Int)
        /// Not a parameter of this racer (refused by `check` before any sweep).
        case none
    }

    /// Each axis's place, looked up once for a whole sweep.
    func places(of plan: SweepPlan) -> [AxisPlace] {
        plan.axes.map { axis -> AxisPlace in
            if (try? setting(of: axis)) != nil { return .named(axis.name) }
            guard let (parameter, component) = try? parameter(of: axis) else { return .none }
            return component.map { .component(of: parameter.name, index: $0) } ?? .named(parameter.name)
        }
    }

    func hyperparameters(placing places: [AxisPlace], at point: [Double]) -> HyperParameters {
        var hp = racer.hyperparameters
        for (place, value) in zip(places, point) {
            switch place {
            case .named(let name):
                hp.set(name, .number(value))
            case .component(let name, let index):
                var pair = (0.0, 0.0)
                if case .pair(let a, let b)? = hp[name] { pair = (a, b) }
                if index == 0 { pair.0 = value } else { pair.1 = value }
                hp.set(name, .pair(pair.0, pair.1))
            case .none:
                break
            }
        }
        return hp
    }

    /// The optimizer of each cell of `plan`, with the axes' places looked up once (a sweep builds one per cell).
    public func cellOptimizers(_ plan: SweepPlan) -> @Sendable (Int) -> Optimizer {
        let places = self.places(of: plan)
        let target = self
        let points = SweepPoints(plan)
        return { index in target.optimizer(target.hyperparameters(placing: places, at: points.point(index))) }
    }

    /// The racer's schedule with any of its keys given in `hyperparameters` (swept) instead.
    func schedule(_ hyperparameters: HyperParameters) -> ScheduleSpec? { schedule { hyperparameters[$0] } }

    /// The racer's schedule with any of its keys that `value` gives (swept) instead.
    private func schedule(_ value: (String) -> ParameterValue?) -> ScheduleSpec? {
        guard let spec = racer.schedule else { return nil }
        var given = spec.values
        for key in spec.type.keys { if case .number(let v)? = value(key.name) { given[key.name] = v } }
        return ScheduleSpec(type: spec.type, given: given)
    }

    /// The racer's clipping with its threshold as given in `hyperparameters` (swept, or as the scenario set it).
    func clipping(_ hyperparameters: HyperParameters) -> GradientClipping? { clipping { hyperparameters[$0] } }

    /// The racer's clipping with its threshold as `value` gives it (swept), else as the scenario set it.
    private func clipping(_ value: (String) -> ParameterValue?) -> GradientClipping? {
        guard let clipping = racer.clipping, case .number(let c)? = value(clipping.key) else { return racer.clipping }
        switch clipping {
        case .norm: return .norm(c)
        case .value: return .value(c)
        }
    }

    /// The rule of cells `first + c` (one c per lane) of `plan`, built at once from the racer's hyperparameters and
    /// the cells' axis values: the rule `OptimizerConfiguration.rule(for:powers:)` builds from the cells' own
    /// optimizers (`cellOptimizers`), without them. Nil when the cells' rules are not one shape.
    public func laneRules(_ plan: SweepPlan, first: Int) -> @Sendable (_ cells: [Int], _ powers: PowerTable) -> UpdateRule<LaneVec2>? {
        let places = self.places(of: plan)
        let points = SweepPoints(plan)
        let target = self
        return { cells, powers in
            precondition(cells.count == Lanes.scalarCount, "one cell per lane")
            var varying: [LaneHyperParameters.Varying] = []
            for (axis, place) in places.enumerated() {
                let values = cells.map { points.value(axis: axis, at: first + $0) }
                switch place {
                case .named(let name): varying.append(.init(name: name, component: nil, values: values))
                case .component(let name, let index): varying.append(.init(name: name, component: index, values: values))
                case .none: break
                }
            }
            let lanes = LaneHyperParameters(shared: target.racer.hyperparameters, varying: varying)
            let rates: Lanes = lanes.number("lr")
            let learningRate: LearningRate<Lanes>
            if target.racer.schedule == nil {
                learningRate = .constant(rates)
            } else {
                learningRate = LearningRate(lanes: (0..<Lanes.scalarCount).map { lane in
                    target.schedule { lanes.value($0, lane: lane) }!.schedule(peak: rates[lane])
                })
            }
            let clipping = target.racer.clipping
            let thresholds = Lanes(lanes: { lane in target.clipping { lanes.value($0, lane: lane) }?.threshold ?? 0 })
            let parameters = RuleParameters(lanes, learningRate: learningRate, clipping: clipping, thresholds: thresholds, powers: powers)
            return target.definition.recipe.rule(parameters)
        }
    }

    /// The optimizer of cell `index`: the racer's, with its schedule (peak `lr`) and clipping.
    public func optimizer(_ plan: SweepPlan, cell index: Int) -> Optimizer {
        optimizer(hyperparameters(plan, at: plan.point(index)))
    }

    /// The racer's optimizer with `hyperparameters` (and the schedule keys and clipping threshold among them).
    public func optimizer(_ hyperparameters: HyperParameters) -> Optimizer {
        definition.build(hyperparameters, schedule: schedule(hyperparameters), clipping: clipping(hyperparameters))
    }

    /// The racer with `hyperparameters` (swept schedule keys and clipping thresholds applied to its schedule
    /// and clipping), keeping its name, noise, start, colour and dash.
    public func racer(_ hyperparameters: HyperParameters) -> Racer {
        let schedule = schedule(hyperparameters)
        let swept = Set((racer.schedule?.type.keys.map(\.name) ?? []) + (racer.clipping.map { [$0.key] } ?? []))
        let hp = hyperparameters.removing(swept)
        return Racer(
            name: racer.name, optimizerName: racer.optimizerName, hyperparameters: hp,
            optimizer: optimizer(hyperparameters), noisy: racer.noisy, schedule: schedule, clipping: clipping(hyperparameters),
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
    /// names), then any others as recorded (the schedule and clipping are read apart, into the header's own fields).
    func resolvedWithExtras(_ entries: [(String, ParameterValue)]) -> HyperParameters {
        let names = Set(parameters.map(\.name))
        var given: [String: ParameterValue] = [:]
        for (name, value) in entries where names.contains(name) { given[name] = value }
        var hp = resolve(given)
        for (name, value) in entries where !names.contains(name) { hp.set(name, value) }
        return hp
    }
}
