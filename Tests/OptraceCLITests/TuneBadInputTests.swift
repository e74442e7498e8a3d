import Foundation
import Testing
@testable import OptraceCLI
@testable import OptraceCore
import OptraceTestSupport

/// Bad tune and map input: one line on standard error, exit code 2, nothing written.
@Suite struct TuneBadInputTests {
    func refuse(_ arguments: [String], environment: [String: String]? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let out = temporaryFolder() + "/out"
        let run = optrace(arguments + ["--out", out], environment: environment)
        #expect(run.code == 2, "exit code \(run.code): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, "stdout: \(run.stdout)", sourceLocation: sourceLocation)
        #expect(run.stderr.hasPrefix("optrace: ") && run.stderr.filter { $0 == "\n" }.count == 1, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: out), "wrote \(out)", sourceLocation: sourceLocation)
        return run.stderr
    }

    func tune(_ extra: String...) -> [String] { ["tune", "valley-bump", "--racer", "Momentum"] + extra }

    @Test func refusals() {
        #expect(refuse(["tune", "valley-bump", "--racer", "Momentun", "--param", "lr=0.1:1:4"]).contains("unknown racer 'Momentun' (did you mean 'Momentum'?)"))
        #expect(refuse(tune("--param", "bta=0:0.9:4")).contains("has no parameter 'bta' (did you mean 'beta'?); its parameters: lr, beta"))
        #expect(refuse(tune("--param", "eps=1e-8:1e-4:log:4")).contains("has no parameter 'eps'"))
        #expect(refuse(tune("--param", "lr=0.1:0.1:4")).contains("empty"))
        #expect(refuse(tune("--param", "lr=1:0.1:4")).contains("inverted"))
        #expect(refuse(tune("--param", "lr=0:1:log:4")).contains("log axis needs both ends > 0"))
        #expect(refuse(tune("--param", "lr=-1:1:log:4")).contains("log axis"))
        #expect(refuse(tune("--param", "lr=0.1:1:1")).contains("at least 2"))
        #expect(refuse(tune("--param", "lr=0.1:1:log:2000", "--param", "beta=0:0.9:1000")).contains("the limit is 1000000"))
        #expect(refuse(tune("--param", "beta=0:1:4")).contains("not a valid beta for momentum; expected a number in [0, 1)"))
        #expect(refuse(tune("--param", "lr=-1:1:4")).contains("not a valid lr"))
        #expect(refuse(tune("--param", "lr=0.1:1:4", "--param", "lr=0.1:1:4")).contains("given twice"))
        #expect(refuse(tune("--param", "lr=0.1:1:4", "--objective", "final")).contains("unknown objective"))
        #expect(refuse(tune("--param", "lr=0.1:1:4", "--shard", "4/3")).contains("1 ≤ I ≤ N"))
        #expect(refuse(tune("--random", "10", "--param", "lr=0.1:1:4")).contains("without a count"))
        #expect(refuse(tune("--random", "1", "--param", "lr=0.1:1")).contains("at least 2 samples"))
        #expect(refuse(tune()).contains("give the hyperparameters to sweep"))
        #expect(refuse(["tune", "valley-bump", "--param", "lr=0.1:1:4"]).contains("--racer"))
        #expect(refuse(["tune", "nowhere", "--racer", "M", "--param", "lr=0.1:1:4"]).contains("no such scenario"))
        #expect(refuse(tune("--param", "lr=0.1:1:4", "--steps", "0")).contains("--steps"))
        #expect(refuse(["tune", "valley-bump", "--all-racers", "--param", "rho=0.1:0.99"]).contains("no racer of valley-bump has a hyperparameter 'rho'"))
        #expect(refuse(["tune", "valley-bump", "--racer", "Adam", "--param", "betas=0:0.9:4"]).contains("is a pair; sweep one of its numbers as beta1 or beta2"))
        #expect(refuse(["tune", "valley-bump", "--racer", "Adam", "--param", "amsgrad=0:1:2"]).contains("cannot be swept"))
        #expect(refuse(["tune", "valley-bump", "--racer", "Momentum", "--param", "convention=0:1:2"]).contains("cannot be swept"))
        #expect(refuse(["tune", "merge", "/nonexistent/tune-shard-1-of-2.json"]).contains("no such shard file"))
    }

    @Test func autoShardRefusals() {
        let sweep = tune("--param", "lr=0.1:1:4")
        let slurm = ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_MAX": "9", "SLURM_ARRAY_TASK_STEP": "2", "SLURM_ARRAY_TASK_COUNT": "5"]
        #expect(refuse(sweep + ["--shard", "auto"], environment: [:])
            == "optrace: --shard auto: no array job found: expected SLURM_ARRAY_TASK_ID (a Slurm array job) or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job, with --shard auto/N), or give --shard I/N\n")
        #expect(refuse(sweep + ["--shard", "auto"], environment: slurm)
            == "optrace: --shard auto: SLURM_ARRAY_TASK_STEP=2: expected 1, an array of contiguous ids (e.g. --array=1-5), or give --shard I/N\n")
        #expect(refuse(sweep + ["--shard", "auto/4"], environment: slurm.merging(["SLURM_ARRAY_TASK_STEP": "1", "SLURM_ARRAY_TASK_MAX": "5"]) { $1 })
            .contains("--shard auto/4: SLURM_ARRAY_TASK_COUNT=5: expected 4, the N of auto/N"))
        #expect(refuse(sweep + ["--shard", "auto"], environment: ["JOB_COMPLETION_INDEX": "0"]).contains("expected --shard auto/N, N the completions"))
        #expect(refuse(sweep + ["--shard", "auto/2"], environment: ["JOB_COMPLETION_INDEX": "2\u{1b}]0;x\u{07}"])
            == "optrace: --shard auto/2: JOB_COMPLETION_INDEX: expected a whole number from 0 to 1 (the pod's index among the Job's 2 completions), found '2\\e]0;x\\a'\n")
        #expect(refuse(sweep + ["--shard", "auto/zero"], environment: [:]).contains("expected auto or auto/N with N a whole number from 1 to 1000000"))
        #expect(refuse(["tune", "valley-bump", "--all-racers", "--shard", "auto"], environment: slurm).contains("run --all-racers whole"))
    }

    @Test func mapRefusals() {
        #expect(refuse(["map", "valley-bump", "--racer", "SGD", "--grid", "200"]).contains("COLUMNSxROWS"))
        #expect(refuse(["map", "valley-bump", "--racer", "SGD", "--grid", "1x5"]).contains("at least 2"))
        #expect(refuse(["map", "valley-bump", "--racer", "SGD", "--grid", "2000x2000"]).contains("the limit is 1000000"))
        #expect(refuse(["map", "valley-bump", "--racer", "Nobody"]).contains("unknown racer"))
    }

    @Test func tamperedShardsAreRefusedByMerge() throws {
        let folder = temporaryFolder()
        let args = ["tune", "valley-bump", "--racer", "Momentum", "--param", "lr=0.02:2:log:6", "--steps", "30", "--seeds", "2",
                    "--quiet", "--no-render", "--out", folder]
        for i in 1...2 { #expect(optrace(args + ["--shard", "\(i)/2"]).code == 0) }
        let first = folder + "/tune-shard-1-of-2.json", second = folder + "/tune-shard-2-of-2.json"
        let original = try String(contentsOfFile: second, encoding: .utf8)
        #expect(optrace("tune", "merge", first, second, "--out", folder + "/merged", "--no-render", "--quiet").code == 0)
        // Shard 2 holds cells 3, 4, 5; its first cell is edited in place.
        let cell = try #require(original.range(of: #"\{[^{}]*"index":3[^{}]*\}"#, options: .regularExpression))
        for (from, to, expected) in [
            (#""diverged":[0-9.e-]+"#, #""diverged":5"#, "diverged: expected a fraction k/2 of its 2 runs (k a whole number from 0 to 2), found 5"),
            (#""runs":2"#, #""runs":0"#, "runs: expected 2 (one run per seed), found 0"),
            (#""runs":2"#, #""runs":-2"#, "runs: expected 2 (one run per seed), found -2"),
            (#""std":[0-9.e-]+"#, #""std":-1"#, "std: expected a finite number ≥ 0, found -1"),
            (#""unreached":0"#, #""unreached":1"#, "unreached: expected 0 (only a steps-to objective leaves runs unreached), found 1"),
        ] {
            let edited = original.replacingOccurrences(
                of: from, with: to, options: .regularExpression, range: cell)
            #expect(edited != original, "\(from)")
            let path = folder + "/tampered.json"
            try edited.write(toFile: path, atomically: true, encoding: .utf8)
            #expect(refuse(["tune", "merge", first, path]) == "optrace: \(path): cells[0] (cell 3): \(expected)\n")
        }
    }
}

/// Sweeps over optimizers with pairs, flags, schedules and conflicting settings.
@Suite struct TuneCatalogTests {
    @Test func aConflictInsideTheRangeIsRefused() {
        let yaml = """
            name: n
            surface:
              terms:
                - valley: {curvatures: [0.1, 1.0]}
            start: [5, 3]
            steps: 20
            racers:
              - {name: N, optimizer: sgd, lr: 0.1, momentum: 0.5, nesterov: true}
            """
        let path = scenarioFile(yaml, name: "n.yaml")
        let out = temporaryFolder() + "/o"
        let run = optrace("tune", path, "--racer", "N", "--param", "momentum=0:0.9:4", "--out", out)
        #expect(run.code == 2 && run.stderr.contains("Nesterov momentum requires momentum > 0"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(optrace("tune", path, "--racer", "N", "--param", "momentum=0.1:0.9:4", "--out", out, "--quiet", "--no-render").code == 0)
    }

    @Test func aRacersScheduleAndClippingAreKeptAndEveryCatalogOptimizerCanBeSwept() throws {
        let racers = OptimizerCatalog.all.map { "{name: \($0.name), optimizer: \($0.name)}" }
            + ["{name: scheduled, optimizer: momentum, lr: 0.2, schedule: {type: cosine, decay_steps: 30}, clip_norm: 2}"]
        let yaml = ValleyScenario.yaml(name: "zoo", bump: true, steps: 30, noise: "{sigma: 0.1, seed: 3}", racers: racers)
        let path = scenarioFile(yaml, name: "zoo.yaml")
        let scenario = try ScenarioLocator.load(path)
        for racer in scenario.racers {
            let out = temporaryFolder() + "/o"
            let run = optrace("tune", path, "--racer", racer.name, "--param", "lr=0.01:1:log:5", "--seeds", "2", "--out", out, "--no-render")
            #expect(run.code == 0, "\(racer.name): \(run.stderr)")
            // Every cell equals the race of that racer at that lr (same schedule, clipping and seeds).
            let rows = text(out + "/tune.csv").split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let target = try TuneTarget(racer: racer)
            for row in rows {
                var hp = racer.hyperparameters
                hp.set("lr", .number(Double(row[0])!))
                var finals: [Double] = []
                for seed: UInt64 in [3, 4] {
                    var race = scenario.with(seed: seed)
                    race.racers = [target.racer(hp)]
                    let trajectory = race.run().trajectories[0]
                    if !trajectory.status.isDiverged { finals.append(trajectory.losses.last!) }
                }
                let expected = finals.isEmpty ? "" : NumberFormat.roundTrip(finals.reduce(0, +) / Double(finals.count))
                #expect(String(row[1]) == expected, "\(racer.name) lr \(row[0])")
            }
        }
    }
}

@Suite struct TuneHelpTests {
    @Test(arguments: [["tune", "--help"], ["help", "tune", "sweep"], ["map", "--help"], ["tune", "merge", "--help"]])
    func helpIsPrintedWithExitCodeZero(arguments: [String]) {
        let run = optrace(arguments)
        #expect(run.code == 0 && run.stdout.contains("USAGE: optrace") && run.stderr.isEmpty, "\(run.stderr)")
    }
}
