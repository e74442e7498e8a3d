import OptraceCore

/// What a fuzz input is fed to: the expression parser and tape, the scenario loader and a short race, a network
/// scenario and a short training race, the loader's nesting limit, or the output folder's handling of `--out` paths.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case expression
    case scenario
    case model
    case nesting
    case outputPath

    /// A problem a fuzz input revealed that is not a clean refusal (a crash would end the process instead).
    public struct Finding: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Feeds `bytes` to the target. Bad input must be refused with an error value; a violated
    /// property (see `FuzzProperties`) is returned as a finding.
    public func run(_ bytes: [UInt8]) -> Finding? {
        switch self {
        case .expression: return Self.expression(String(decoding: bytes, as: UTF8.self))
        case .scenario: return Self.scenario(String(decoding: bytes, as: UTF8.self))
        case .model: return Self.model(String(decoding: bytes, as: UTF8.self))
        case .nesting: return Self.nesting(NestingCase(recipe: bytes))
        case .outputPath: return Self.outputPath(OutputPathCase(recipe: bytes))
        }
    }

    static func expression(_ text: String) -> Finding? {
        guard let parsed = try? Expression(parsing: text) else { return nil }
        if let finding = FuzzProperties.roundTrip(parsed, printed: parsed.description, input: text) { return finding }
        let variables = parsed.variables
        guard let tape = try? Tape(parsed, variables: variables) else {
            return Finding(description: "a parsed expression failed to compile: \(text)")
        }
        for point in [0.5, -1.25, 3.0] {
            let inputs = variables.indices.map { point + Double($0) * 0.75 }
            let trace = tape.trace(at: inputs)
            if let finding = FuzzProperties.tapeAgreement(
                variables: variables.count, fast: tape.gradient(at: inputs), trace: (trace.value, trace.gradient), input: text)
            {
                return finding
            }
        }
        return nil
    }

    /// A scenario is loaded, raced for at most 40 steps and rendered; loading and racing again gives the same bytes.
    static func scenario(_ text: String, tamper: (inout RaceRecord) -> Void = { _ in }) -> Finding? {
        guard let scenario = try? ScenarioLoader.parse(yaml: text, file: "fuzz.yaml") else { return nil }
        let short = scenario.with(steps: min(scenario.steps, 40))
        let result = short.run(concurrent: false)
        var record = RaceRecord(result)
        tamper(&record)
        if let finding = FuzzProperties.race(record) { return finding }
        let csv = TrajectoryCSV.render(result)
        let json = Array(ScoreboardJSON.document(short, result).serialized().utf8)
        guard let again = try? ScenarioLoader.parse(yaml: text, file: "fuzz.yaml") else {
            return Finding(description: "loaded once, refused the second time: \(text.prefix(200))")
        }
        let shortAgain = again.with(steps: min(again.steps, 40))
        let resultAgain = shortAgain.run(concurrent: true)
        return FuzzProperties.deterministic(csv, TrajectoryCSV.render(resultAgain), what: "trajectory.csv")
            ?? FuzzProperties.deterministic(json, Array(ScoreboardJSON.document(shortAgain, resultAgain).serialized().utf8), what: "scoreboard.json")
    }

    /// A network scenario is loaded and trained for at most 4 epochs (small networks and data sets only, so an input
    /// stays quick); its losses are finite until a divergence is reported, the files are the same bytes when trained
    /// again, and for small networks the tape agrees with the hand-written backward pass.
    static func model(_ text: String) -> Finding? {
        guard case .model(var scenario)? = try? ScenarioLoader.parseDocument(yaml: text, file: "fuzz.yaml") else { return nil }
        guard scenario.shape.parameterCount <= 2_000, scenario.data.count <= 1_000 else { return nil }
        scenario.epochs = min(scenario.epochs, 4)
        let race = ModelRace(scenario)
        for run in race.runs {
            let finite = run.divergedAt ?? run.losses.count
            if run.losses.prefix(finite).contains(where: { !$0.isFinite }) {
                return Finding(description: "a non-finite loss before the reported divergence (\(run.racer)): \(text.prefix(200))")
            }
            if run.divergedAt == nil && run.losses.count != scenario.epochs {
                return Finding(description: "\(run.losses.count) losses for \(scenario.epochs) epochs (\(run.racer)): \(text.prefix(200))")
            }
        }
        let again = ModelRace(scenario)
        if let finding = FuzzProperties.deterministic(Array(ModelRaceReport.trajectoryCSV(race).utf8), Array(ModelRaceReport.trajectoryCSV(again).utf8), what: "trajectory.csv")
            ?? FuzzProperties.deterministic(Array(ModelRaceReport.scoreboardJSON(race).serialized().utf8), Array(ModelRaceReport.scoreboardJSON(again).serialized().utf8), what: "scoreboard.json")
        {
            return finding
        }
        let theta = scenario.initialParameters
        guard scenario.shape.parameterCount <= 200, theta.values.allSatisfy(\.isFinite) else { return nil }
        let data = scenario.data
        let tape = NetworkGradient.tape(scenario.shape, theta: theta, inputs: data.inputs, targets: data.targets).gradient
        let hand = NetworkGradient.byHand(scenario.shape, theta: theta, inputs: data.inputs, targets: data.targets).gradient
        for (a, b) in zip(tape.values, hand.values) where a.isFinite || b.isFinite {
            if !(abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))) {
                return Finding(description: "the tape (\(a)) and the hand-written pass (\(b)) disagree: \(text.prefix(200))")
            }
        }
        return nil
    }

    static func nesting(_ nestingCase: NestingCase, limit: Int = 64) -> Finding? {
        var refusal: String?
        do {
            _ = try ScenarioLoader.parse(yaml: nestingCase.text, file: "fuzz.yaml")
        } catch {
            refusal = error.headline
        }
        return FuzzProperties.nesting(depth: nestingCase.depth, limit: limit, refusal: refusal, input: nestingCase.text)
    }

    /// The path splits and joins consistently; the output folder is made (and a file written and recorded)
    /// unless the path cannot be a folder, and a refusal leaves the sandbox as it was.
    static func outputPath(_ pathCase: OutputPathCase, sandbox: FuzzSandbox = .shared) -> Finding? {
        if let finding = FuzzProperties.pathText(pathCase.path) { return finding }
        let full = sandbox.folder + "/" + pathCase.path
        let before = sandbox.tree()
        defer { sandbox.reset() }
        let run: OutputRun
        do {
            run = try OutputRun.begin(full, plan: .race)
        } catch {
            return FuzzProperties.outputRefusal(
                path: pathCase.path, message: error.description, expected: pathCase.throughFile || PathText.problem(full) != nil,
                unchanged: before == sandbox.tree())
        }
        do {
            try AtomicFile.write("step\n", to: run.folder.file("trajectory.csv"))
        } catch {
            run.finish()
            return Finding(description: "a file could not be written into the accepted folder '\(pathCase.path)': \(error)")
        }
        run.finish()
        return FuzzProperties.outputFolder(
            path: pathCase.path, files: sandbox.files(in: run.folder.path),
            temporaries: sandbox.tree().filter { OutputNames.isTemporary(PathText.lastComponent($0)) })
    }
}
