/// `scoreboard.json`: the scenario, seed, steps, surface, and each racer's status and checkpoints.
public enum ScoreboardJSON {
    /// The document for `result` of `scenario`.
    public static func document(_ scenario: Scenario, _ result: RaceResult) -> JSONValue {
        let scoreboard = result.scoreboard
        let setup = result.setup
        let racers: [JSONValue] = result.trajectories.enumerated().map { index, trajectory in
            let racer = trajectory.racer
            let hyper = JSONValue.object(racer.settings.entries.map { ($0.name, $0.value.json) })
            var reason: JSONValue = .null
            if case .diverged(_, let why) = trajectory.status { reason = .string(why) }
            let checkpoints: [JSONValue] = scoreboard.checkpoints.map { checkpoint in
                let entry = checkpoint.entries[index]
                return .object([
                    ("step", .integer(checkpoint.step)),
                    ("x", .finite(entry.position.x)),
                    ("y", .finite(entry.position.y)),
                    ("loss", .finite(entry.loss)),
                    ("rank", entry.rank.map { .integer($0) } ?? .null),
                    ("status", .string(entry.status)),
                    ("distance", .finite(entry.distance)),
                ])
            }
            return .object([
                ("name", .string(racer.name)),
                ("optimizer", .string(racer.optimizerName)),
                ("hyperparameters", hyper),
                ("noisy", .bool(racer.noisy)),
                ("start", .array([.number(racer.start(in: setup.start).x), .number(racer.start(in: setup.start).y)])),
                ("status", .string(trajectory.status.description)),
                ("diverged_at_step", trajectory.status.divergedAtStep.map { .integer($0) } ?? .null),
                ("reason", reason),
                ("first_step_below_threshold", trajectory.firstStep(below: setup.threshold).map { .integer($0) } ?? .null),
                ("checkpoints", .array(checkpoints)),
            ])
        }
        let surface = scenario.surface
        let terms: [JSONValue] = scenario.surfaceTerms.map { term in
            .object([
                ("name", .string(term.name)),
                ("parameters", .object(term.parameters.sorted { $0.key < $1.key }.map { key, values in
                    (key, values.count == 1 ? .number(values[0]) : .array(values.map { .number($0) }))
                })),
            ])
        }
        let minima: [JSONValue] = surface.minima.map { m in
            .object([("x", .number(m.point.x)), ("y", .number(m.point.y)), ("value", .number(m.value)), ("global", .bool(m.isGlobal))])
        }
        return .object([
            ("scenario", .string(scenario.name)),
            ("title", .string(scenario.title)),
            ("seed", .unsigned(setup.noise.seed)),
            ("steps", .integer(setup.steps)),
            ("start", .array([.number(setup.start.x), .number(setup.start.y)])),
            ("noise", .object([
                ("sigma", .array([.number(setup.noise.sigma.x), .number(setup.noise.sigma.y)])),
                ("batch", .integer(setup.noise.batch)),
                ("generator", .string("splitmix64-box-muller")),
            ])),
            ("surface", .object([
                ("formula", .string(surface.formula)),
                ("terms", .array(terms)),
                ("expr", scenario.surfaceExpression.map { .string($0) } ?? .null),
                ("domain", .object([
                    ("x", .array([.number(surface.domain.xRange.lowerBound), .number(surface.domain.xRange.upperBound)])),
                    ("y", .array([.number(surface.domain.yRange.lowerBound), .number(surface.domain.yRange.upperBound)])),
                ])),
                ("minima", .array(minima)),
            ])),
            ("threshold", .number(setup.threshold)),
            ("checkpoints", .array(setup.checkpoints.map { .integer($0) })),
            ("racers", .array(racers)),
        ])
    }
}
