import ArgumentParser
import Foundation
import OptraceCore
import OptracePictures

/// `optrace tune [sweep]`: hyperparameter sweeps of a racer on its scenario's surface, the usable window and the theory.
public struct TuneSweepCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Sweep a racer's hyperparameters on its surface; find the best settings and the usable window (the default).",
        discussion: """
            Every configuration of a 1-D or 2-D grid (--param NAME=LO:HI:N, NAME=LO:HI:log:N on a log \
            axis, or NAME=LO:HI:log1m:N with 1 − value on a log axis, for momenta near 1; both ends included), \
            or of --random N seeded samples (--param NAME=LO:HI[:log|:log1m]), runs on \
            the same --seeds noise seeds (common random numbers). Diverged runs are counted as diverged, \
            never averaged in. Writes tune.json, tune.csv and the pictures into --out (default \
            output/<scenario>/tune-<racer>/) and prints the ten best configurations. --all-racers tunes \
            every racer over its main hyperparameters with the same budget, then races them at their best \
            settings and writes tuned.yaml, which 'optrace race' reproduces. --shard I/N runs the I-th of N \
            blocks of cells and writes tune-shard-I-of-N.json; 'optrace tune merge' combines the shards. \
            --shard auto takes I and N from a Slurm array task (I = SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN + 1, \
            N = SLURM_ARRAY_TASK_COUNT, contiguous ids only); --shard auto/N takes I from a Kubernetes Indexed \
            Job (JOB_COMPLETION_INDEX + 1) and N from the option, or checks N against Slurm's count. \
            'optrace tune SCENARIO …' is short for 'optrace tune sweep SCENARIO …'.
            """
    )

    @Argument(help: "A scenario file or name.")
    public var scenario: String

    @Option(help: "The racer to tune (its name in the scenario).")
    public var racer: String?

    @Option(name: .customLong("param"), help: "A swept hyperparameter: NAME=LO:HI:N, NAME=LO:HI:log:N or NAME=LO:HI:log1m:N (repeat for 2-D).")
    public var params: [String] = []

    @Option(parsing: .unconditional, help: "Sample N random configurations instead of a grid (ranges given as NAME=LO:HI[:log|:log1m]).")
    public var random: Int?

    @Option(parsing: .unconditional, help: "Seed of the random samples, 0 to \(UInt64.max).")
    public var randomSeed: String = "0"

    @Option(parsing: .unconditional, help: "Steps per run (default: the scenario's).")
    public var steps: Int?

    @Option(parsing: .unconditional, help: "Noise seeds per configuration: the scenario's seed and the next ones (default 5 with noise, 1 without).")
    public var seeds: Int?

    @Option(help: "What to minimise: final-loss, mean-loss, steps-to:EPS or distance.")
    public var objective: String = "final-loss"

    @Option(parsing: .unconditional, help: "The usable window is where the objective is within this factor of the best.")
    public var windowFactor: Double = 10

    @Flag(help: "Tune every racer of the scenario over its main hyperparameters, then race them at their best.")
    public var allRacers = false

    @Option(parsing: .unconditional, help: "Configurations per racer with --all-racers.")
    public var budget: Int = 1024

    @Option(help: "Run only shard I of N (numbered from 1) and write tune-shard-I-of-N.json; auto or auto/N: I (and N) from a Slurm array task or a Kubernetes Indexed Job.")
    public var shard: String?

    @Option(help: "Output folder (default: output/<scenario>/tune-<racer>, or output/<scenario>/tune with --all-racers).")
    public var out: String?

    @OptionGroup public var output: OutputOptions

    @OptionGroup public var parallel: ThreadOptions

    public init() {}

    public func validate() throws {
        try ArgumentChecks.steps(steps)
        if let seeds, !(1...TuneSweepCommand.maximumSeeds).contains(seeds) {
            throw ValidationError("--seeds: expected a whole number from 1 to \(TuneSweepCommand.maximumSeeds), found \(seeds)")
        }
        _ = try ArgumentChecks.seed(randomSeed, name: "--random-seed")
        if !(windowFactor.isFinite && windowFactor > 1) {
            throw ValidationError("--window-factor: expected a number > 1, found \(windowFactor)")
        }
        if !(4...SweepPlan.maximumCells).contains(budget) {
            throw ValidationError("--budget: expected a whole number from 4 to \(SweepPlan.maximumCells), found \(budget)")
        }
        try ArgumentChecks.outputFolder(out)
    }

    /// The largest number of noise seeds per configuration.
    static let maximumSeeds = 1000

    public func run() throws {
        WorkerThreads.start(unless: parallel.threads)
        do {
            if allRacers {
                try runAllRacers()
            } else {
                try runOne()
            }
        } catch let error as TuneError {
            throw CLIError(error.message)
        }
    }

    // MARK: one racer

    func runOne() throws {
        let console = Console.current
        let scenario = try ScenarioLocator.load(self.scenario)
        guard let racerName = racer else {
            throw CLIError("tune: name the racer to tune with --racer (one of \(scenario.racers.map(\.name).joined(separator: ", "))), or give --all-racers")
        }
        let racer = try Self.racer(named: racerName, in: scenario)
        let target = try TuneTarget(racer: racer)
        if params.isEmpty {
            throw CLIError("tune: give the hyperparameters to sweep, e.g. --param lr=0.001:3:log:64 (\(target.definition.name) has \(target.definition.parameters.map(\.name).joined(separator: ", ")))")
        }
        let axes = try params.map { text throws(TuneError) in try SweepAxis.parse(text, random: random != nil) }
        let plan = try SweepPlan(axes: axes, randomCount: random, randomSeed: ArgumentChecks.seed(randomSeed, name: "--random-seed") ?? 0)
        try target.check(plan)
        let header = try makeHeader(scenario: scenario, racer: racer, plan: plan)
        let shard = try self.shard.map { text throws(TuneError) in try TuneShard.parse(text, environment: CommandEnvironment.current) }
        let cells = shard?.cells(of: plan.cellCount) ?? 0..<plan.cellCount
        try Self.checkRuns(cells.count * header.seeds.count)
        let run = try OutputRun.begin(
            out ?? "output/\(scenario.name)/tune-\(Self.slug(racer.name))", plan: shard.map { .shard($0.fileName) } ?? .sweep)
        defer { run.finish() }
        let folder = run.folder

        if !output.quiet { console.print(headline(header, cells: cells, shard: shard)) }
        let swept = Sweep.run(header, target: target, surface: scenario.surface, cells: cells, threads: parallel.threads)
        try Interruption.check()
        if let shard {
            try AtomicFile.write(TuneShardFile(header: header, shard: shard, cells: swept).serialized(), to: folder.file(shard.fileName))
            if !output.quiet {
                console.print("wrote \(folder.path)/\(shard.fileName): cells \(cells.lowerBound)…\(cells.upperBound - 1) of \(plan.cellCount); once all \(shard.count) are written, combine them with 'optrace tune merge \(folder.path)/tune-shard-*-of-\(shard.count).json' (naming every folder the shards went to)")
            }
            return
        }
        let result = SweepResult(header: header, cells: swept)
        try Interruption.check()
        let written = try Self.write(result, to: folder, render: !output.noRender)
        if !output.quiet {
            console.print(TuneTable.render(result))
            console.write(TuneTable.summary(result))
            console.print("wrote \(folder.path)/: \(written.joined(separator: ", "))")
        }
    }

    /// Writes tune.json, tune.csv (and the pictures); returns the file names written.
    static func write(_ result: SweepResult, to folder: OutputFolder, render: Bool) throws -> [String] {
        let (json, csv) = try TuneText.interruptiblePieces(result)
        try AtomicFile.write(files: [(json, folder.file("tune.json")), (csv, folder.file("tune.csv"))])
        return ["tune.json", "tune.csv"] + (render ? try TunePictures.write(result, to: folder) : [])
    }

    func makeHeader(scenario: Scenario, racer: Racer, plan: SweepPlan) throws -> SweepHeader {
        let objective = try SweepObjective.parse(self.objective)
        do {
            return try SweepHeader(scenario: scenario, racer: racer, plan: plan, objective: objective, seedCount: seeds, steps: steps, windowFactor: windowFactor)
        } catch {
            throw CLIError("--objective distance: \(error.message)")
        }
    }

    func headline(_ header: SweepHeader, cells: Range<Int>, shard: TuneShard?) -> String {
        let plan = header.plan
        let shape = plan.isGrid ? plan.shape.map(String.init).joined(separator: "×") + " grid" : "\(plan.cellCount) random samples"
        let noise = header.hasNoise ? "\(header.seeds.count) seed\(header.seeds.count == 1 ? "" : "s") from \(header.seeds[0])" : "no noise"
        var text = "tune \(header.racer) (\(header.optimizer)) on \(header.scenario): \(plan.axes.map(\.specification).joined(separator: ", ")), \(shape), \(header.steps) steps, \(noise), objective \(header.objective)"
        if let shard { text += ", shard \(shard.index)/\(shard.count) (\(cells.count) cells)" }
        if seeds != nil && !header.hasNoise && (seeds ?? 1) > 1 { text += "\n(no noise: every seed gives the same run, so each configuration runs once)" }
        return text
    }

    static func checkRuns(_ runs: Int) throws {
        if runs > SweepPlan.maximumRuns {
            throw CLIError("tune: \(runs) runs (configurations × seeds) is over the limit of \(SweepPlan.maximumRuns); use fewer cells or seeds, or split the sweep with --shard I/N")
        }
    }

    /// The racer called `name` (exactly, else ignoring case).
    static func racer(named name: String, in scenario: Scenario) throws -> Racer {
        if let racer = scenario.racers.first(where: { $0.name == name }) { return racer }
        let folded = scenario.racers.filter { $0.name.lowercased() == name.lowercased() }
        if folded.count == 1 { return folded[0] }
        let names = scenario.racers.map(\.name)
        throw CLIError("--racer: unknown racer '\(name)'\(Suggestion.hint(for: name, in: names)); the racers of \(scenario.name) are \(names.joined(separator: ", "))")
    }

    /// A racer name as a folder name: letters, digits, '.', '_' and '-' kept, the rest '-'.
    static func slug(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        let text = String(name.lowercased().map { allowed.contains($0) ? $0 : "-" })
        return text.isEmpty || text.hasPrefix(".") ? "racer" + text : text
    }

    // MARK: all racers

    func runAllRacers() throws {
        let console = Console.current
        if racer != nil { throw CLIError("tune: --racer and --all-racers exclude each other") }
        if random != nil { throw CLIError("tune: --all-racers sweeps a grid of --budget configurations per racer; --random does not apply") }
        if shard != nil { throw CLIError("tune: --shard splits the sweep of one racer; run --all-racers whole") }
        let scenario = try ScenarioLocator.load(self.scenario)
        var ranges: [String: SweepAxis] = [:]
        for text in params {
            let axis = try SweepAxis.parse(text, random: true)
            ranges[axis.name] = axis
        }
        let known = Set(scenario.racers.flatMap { racer in
            OptimizerCatalog.definition(named: racer.optimizerName).map { $0.parameters.map(\.name) } ?? []
        })
        for name in ranges.keys.sorted() where !known.contains(name) {
            throw CLIError("--param \(name): no racer of \(scenario.name) has a hyperparameter '\(name)' (\(known.sorted().joined(separator: ", ")))")
        }
        var jobs: [(Racer, TuneTarget, SweepHeader)] = []
        for racer in scenario.racers {
            let target = try TuneTarget(racer: racer)
            let axes = MainHyperparameters.axes(
                for: target.definition, settings: racer.hyperparameters, budget: budget,
                ranges: ranges.filter { target.definition.parameter(named: $0.key) != nil })
            let plan = try SweepPlan(axes: axes)
            try target.check(plan)
            let header = try makeHeader(scenario: scenario, racer: racer, plan: plan)
            try Self.checkRuns(plan.cellCount * header.seeds.count)
            jobs.append((racer, target, header))
        }
        let run = try OutputRun.begin(out ?? "output/\(scenario.name)/tune", plan: .allRacers(jobs.map { Self.slug($0.0.name) }))
        defer { run.finish() }
        let folder = run.folder

        var tuned: [Racer] = []
        var summary: [(String, JSONValue)] = []
        for (racer, target, header) in jobs {
            if !output.quiet { console.print(headline(header, cells: 0..<header.plan.cellCount, shard: nil)) }
            let result = SweepResult(
                header: header, cells: Sweep.run(header, target: target, surface: scenario.surface, threads: parallel.threads))
            try Interruption.check()
            let sub = try folder.subfolder(Self.slug(racer.name))
            let written = try Self.write(result, to: sub, render: !output.noRender)
            let best = result.best.map { target.hyperparameters(header.plan, at: $0.values) } ?? racer.hyperparameters
            tuned.append(target.racer(best))
            summary.append((racer.name, TuneJSON.document(result).field("best") ?? .null))
            if !output.quiet {
                console.print(TuneTable.render(result, limit: 3))
                console.write(TuneTable.summary(result))
                if result.best == nil { console.print("\(racer.name) keeps its scenario settings") }
                console.print("wrote \(sub.path)/: \(written.joined(separator: ", "))\n")
            }
        }
        var race = scenario
        race.racers = tuned
        if let steps { race = race.with(steps: steps) }
        let name = String((scenario.name + "-tuned").prefix(64))
        let budgetNote = "budget \(budget) configurations per racer, \(jobs[0].2.seeds.count) seed(s), \(jobs[0].2.steps) steps, objective \(jobs[0].2.objective)"
        let settings = tuned.map { "\($0.name) \($0.hyperparameterLabel)" }.joined(separator: "; ")
        let yaml = TunedScenario.yaml(
            race, racers: tuned, name: name,
            note: "Written by 'optrace tune \(scenario.name) --all-racers' (\(budgetNote)): each racer at its best settings. Run: optrace race \(folder.path)/tuned.yaml",
            description: "\(scenario.title), each racer at the settings a sweep found best (\(budgetNote)): \(settings).")
        let reloaded = try ScenarioLoader.parse(yaml: yaml, file: folder.file("tuned.yaml"), defaultName: name)
        let result = reloaded.run()
        try Interruption.check()
        try AtomicFile.write(yaml, to: folder.file("tuned.yaml"))
        try AtomicFile.write(
            JSONValue.object([
                ("scenario", .string(scenario.name)), ("budget", .integer(budget)),
                ("steps", .integer(jobs[0].2.steps)), ("seeds", .array(jobs[0].2.seeds.map { .unsigned($0) })),
                ("objective", .string(jobs[0].2.objective.description)),
                ("best", .object(summary)),
            ]).serialized(), to: folder.file("tune.json"))
        try AtomicFile.write(ScoreboardJSON.document(reloaded, result).serialized(), to: folder.file("scoreboard.json"))
        if !output.quiet {
            console.print("race at the tuned settings (\(tuned.map { "\($0.name) \($0.hyperparameterLabel)" }.joined(separator: "; "))):")
            console.print(ScoreboardTable.compact(result))
            console.print("wrote \(folder.path)/: tuned.yaml, tune.json, scoreboard.json and one folder per racer; reproduce with 'optrace race \(folder.path)/tuned.yaml'")
        }
    }
}

extension JSONValue {
    /// The value of `key` in an object.
    func field(_ key: String) -> JSONValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.0 == key }?.1
    }
}
