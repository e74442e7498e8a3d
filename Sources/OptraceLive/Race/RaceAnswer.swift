import OptraceCore
import OptracePictures

/// `POST /api/race`: the race of a request, every step of every racer, with what the page needs to draw and score it.
///
/// Per racer: positions, losses and noisy gradients at every step (null where not finite), the status, the step of
/// divergence and its reason, the first step below the threshold, and the colour, dash and legend label the pictures
/// use. The noise ξₜ, the same for every noisy racer, is sent once (`noise_steps`); a racer without noise has none. With the scenario's description, the formula as JavaScript (for the pointer's f), the YAML that
/// `optrace race` reproduces, the editable part of it (`spec`) and the checkpoints' scoreboard as in scoreboard.json.
public enum RaceAnswer {
    public static func json(_ resolved: RaceQuery.Resolved, _ result: RaceResult) -> JSONValue {
        let scenario = resolved.scenario
        let setup = result.setup
        let styles = SurfaceMapPicture.racerStyles(result)
        // Every noisy racer draws the same ξₜ (common random numbers), so the noise is sent once; a racer whose noise
        // is not a prefix of it (none today) carries its own.
        let noisy = result.trajectories.filter { $0.racer.noisy }
        let shared = noisy.max { $0.noise.count < $1.noise.count }?.noise ?? []
        func sharesNoise(_ trajectory: RacerTrajectory) -> Bool {
            trajectory.racer.noisy && trajectory.noise.count <= shared.count
                && zip(trajectory.noise, shared).allSatisfy { $0.x.bitPattern == $1.x.bitPattern && $0.y.bitPattern == $1.y.bitPattern }
        }
        let racers: [JSONValue] = result.trajectories.enumerated().map { index, trajectory in
            let racer = trajectory.racer
            var reason: JSONValue = .null
            if case .diverged(_, let why) = trajectory.status { reason = .string(why) }
            let start = racer.start(in: setup.start)
            return .object([
                ("name", .string(racer.name)),
                ("optimizer", .string(racer.optimizerName)),
                ("label", .string(styles[index].label)),
                ("color", .string(styles[index].color)),
                ("dash", .string(styles[index].dash)),
                ("noisy", .bool(racer.noisy)),
                ("settings", .object(racer.settings.entries.map { ($0.name, $0.value.json) })),
                ("start", .array([.number(start.x), .number(start.y)])),
                ("status", .string(trajectory.status.description)),
                ("diverged_at_step", trajectory.status.divergedAtStep.map { .integer($0) } ?? .null),
                ("reason", reason),
                ("first_step_below_threshold", trajectory.firstStep(below: setup.threshold).map { .integer($0) } ?? .null),
                ("x", .numbers(trajectory.positions.map { $0.x })),
                ("y", .numbers(trajectory.positions.map { $0.y })),
                ("loss", .numbers(trajectory.losses)),
                ("gx", .numbers(trajectory.gradients.map { $0.x })),
                ("gy", .numbers(trajectory.gradients.map { $0.y })),
            ] + (sharesNoise(trajectory) || !trajectory.racer.noisy ? [] : [
                ("nx", .numbers(trajectory.noise.map { $0.x })),
                ("ny", .numbers(trajectory.noise.map { $0.y })),
            ]))
        }
        let domain = scenario.surface.domain
        let document = ScoreboardJSON.document(scenario, result)
        return .object([
            ("name", .string(scenario.name)),
            ("title", .string(scenario.title)),
            ("summary", scenario.summary.map { .string($0) } ?? .null),
            ("formula", .string(scenario.surface.typesetFormula)),
            ("javascript", .string(scenario.surface.expression.javaScript)),
            ("steps", .integer(setup.steps)),
            ("threshold", .number(setup.threshold)),
            ("checkpoints", .array(setup.checkpoints.map { .integer($0) })),
            ("start", .array([.number(setup.start.x), .number(setup.start.y)])),
            ("noise", .object([
                ("sigma", .array([.number(setup.noise.sigma.x), .number(setup.noise.sigma.y)])),
                ("batch", .integer(setup.noise.batch)),
                ("seed", .unsigned(setup.noise.seed)),
                ("text", .string(RaceScenes.noiseText(setup.noise))),
            ])),
            ("domain", .object([
                ("x", .array([.number(domain.xRange.lowerBound), .number(domain.xRange.upperBound)])),
                ("y", .array([.number(domain.yRange.lowerBound), .number(domain.yRange.upperBound)])),
            ])),
            ("minima", .array(scenario.surface.minima.map { m in
                .object([("x", .number(m.point.x)), ("y", .number(m.point.y)), ("value", .number(m.value)), ("global", .bool(m.isGlobal))])
            })),
            ("noise_steps", .object([("x", .numbers(shared.map { $0.x })), ("y", .numbers(shared.map { $0.y }))])),
            ("spec", resolved.spec),
            ("yaml", .string(resolved.yaml)),
            ("racers", .array(racers)),
            ("scoreboard", document.member("racers") ?? .null),
        ])
    }
}
