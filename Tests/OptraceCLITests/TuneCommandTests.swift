import Foundation
import Testing
@testable import OptraceCLI
@testable import OptracePictures
@testable import OptraceCore

/// Reads a JSON file as a dictionary.
func readJSON(_ path: String) throws -> [String: Any] {
    let data = try #require(FileManager.default.contents(atPath: path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

@Suite struct TuneCommandTests {
    static let quadratic = """
        name: bowl
        surface:
          terms:
            - valley: {curvatures: [1, 10], angle: 30}
          domain: {x: [-5, 5], y: [-5, 5]}
        start: [3, 2]
        steps: 100
        racers:
          - {name: GD, optimizer: sgd, lr: 0.1}
          - {name: HB, optimizer: momentum, lr: 0.01, beta: 0.5}
        """

    @Test func aTwoDimensionalSweepWritesItsResults() throws {
        let out = temporaryFolder() + "/t"
        let run = optrace(
            "tune", "valley-bump", "--racer", "Momentum", "--param", "lr=0.01:1:log:6", "--param", "beta=0:0.9:4",
            "--steps", "60", "--seeds", "3", "--out", out, "--no-render")
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.contains("rank") && run.stdout.contains("best: lr = "))
        #expect(run.stdout.contains("usable window of lr"))
        let json = try readJSON(out + "/tune.json")
        let cells = try #require(json["cells"] as? [[String: Any]])
        #expect(cells.count == 24)
        #expect(Set(cells[0].keys) == ["lr", "beta", "mean", "std", "diverged", "unstable"])
        let best = try #require(json["best"] as? [String: Any])
        #expect(best["lr"] is Double && best["beta"] is Double && best["value"] is Double && best["std"] is Double)
        #expect(json["seeds"] as? [Int] == [13081, 13082, 13083])
        let csv = text(out + "/tune.csv").split(separator: "\n")
        #expect(csv.count == 25 && csv[0] == "lr,beta,mean,std,diverged,unstable,rank")
    }

    @Test func eachCellIsTheMeanOfItsRacesOnTheSameSeeds() throws {
        let out = temporaryFolder() + "/t"
        #expect(optrace(
            "tune", "valley-bump", "--racer", "SGD", "--param", "lr=0.5:2.5:5", "--steps", "40", "--seeds", "2",
            "--objective", "mean-loss", "--out", out, "--quiet", "--no-render").code == 0)
        // The CSV (numbers read back exactly): lr,mean,std,diverged,rank.
        let rows = text(out + "/tune.csv").split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 5)
        let scenario = try ScenarioLocator.load("valley-bump").with(steps: 40)
        for row in rows {
            let lr = try #require(Double(row[0]))
            var values: [Double] = []
            var diverged = 0, unstable = 0
            for seed: UInt64 in [13081, 13082] {
                var race = scenario.with(seed: seed)
                race.racers = [Racer(name: "SGD", definition: OptimizerCatalog.sgd, given: ["lr": .number(lr)])]
                let trajectory = race.run().trajectories[0]
                if trajectory.status.isDiverged { diverged += 1; continue }
                // A run that ends above the loss it started from is unstable, not averaged in.
                if trajectory.losses[40] > trajectory.losses[0] { unstable += 1; continue }
                var sum = 0.0
                for t in 1...40 { sum += trajectory.losses[t] }
                values.append(sum / 40)
            }
            if values.isEmpty {
                #expect(row[1].isEmpty)
            } else {
                let mean = values.reduce(0, +) / Double(values.count)
                #expect(Double(row[1]) == mean, "lr \(lr)")
            }
            #expect(Double(row[3]) == Double(diverged) / 2 && Double(row[4]) == Double(unstable) / 2, "lr \(lr)")
        }
        #expect(rows.contains { $0[3] == "1.0" }, "lr 2.5 diverges on a valley of curvature 1")
    }

    @Test func theThreadCountDoesNotChangeTheFiles() {
        var texts: [String] = []
        for threads in ["1", "2", "5"] {
            let out = temporaryFolder() + "/t"
            #expect(optrace(
                "tune", "valley-bump", "--racer", "Adam", "--param", "lr=0.01:3:log:7", "--param", "beta1=0:0.95:3",
                "--steps", "30", "--seeds", "2", "--threads", threads, "--out", out, "--quiet", "--no-render").code == 0)
            texts.append(text(out + "/tune.json") + text(out + "/tune.csv"))
        }
        #expect(texts[0].count > 1000 && texts[0] == texts[1] && texts[1] == texts[2])
    }

    @Test func theDirectJSONTextEqualsTheDocument() throws {
        let out = temporaryFolder() + "/t"
        #expect(optrace(
            "tune", "valley-bump", "--racer", "Momentum", "--param", "lr=0.01:1:log:3", "--param", "beta=0:0.9:2",
            "--steps", "20", "--objective", "steps-to:0.5", "--out", out, "--quiet", "--no-render").code == 0)
        let direct = try readJSON(out + "/tune.json")
        #expect((direct["cells"] as? [[String: Any]])?.first?["not_reached"] != nil)
        #expect(direct["objective"] as? String == "steps-to:0.5")
        // The fast writer's text and the JSONValue document say the same.
        let result = try SweepResultFixture.result(path: scenarioFile(Self.quadratic, name: "bowl.yaml"))
        let fast = try JSONSerialization.jsonObject(with: Data(TuneJSON.serialized(result).utf8)) as? NSDictionary
        let slow = try JSONSerialization.jsonObject(with: Data(TuneJSON.document(result).serialized().utf8)) as? NSDictionary
        #expect(fast != nil && fast == slow)
    }

    @Test func shardsMergeIntoTheUnshardedResult() throws {
        let folder = temporaryFolder()
        let args = ["tune", "valley-bump", "--racer", "Momentum", "--param", "lr=0.02:2:log:9", "--param", "beta=0:0.95:5",
                    "--steps", "50", "--seeds", "2", "--quiet", "--no-render"]
        #expect(optrace(args + ["--out", folder + "/whole"]).code == 0)
        for i in 1...3 { #expect(optrace(args + ["--out", folder + "/shards", "--shard", "\(i)/3"]).code == 0) }
        #expect(contents(folder + "/shards") == ["tune-shard-1-of-3.json", "tune-shard-2-of-3.json", "tune-shard-3-of-3.json"])
        let merge = optrace(
            "tune", "merge", folder + "/shards/tune-shard-2-of-3.json", folder + "/shards/tune-shard-3-of-3.json",
            folder + "/shards/tune-shard-1-of-3.json", "--out", folder + "/merged", "--no-render")
        #expect(merge.code == 0, "\(merge.stderr)")
        #expect(text(folder + "/merged/tune.json") == text(folder + "/whole/tune.json"))
        #expect(text(folder + "/merged/tune.csv") == text(folder + "/whole/tune.csv"))
        let missing = optrace("tune", "merge", folder + "/shards/tune-shard-1-of-3.json", "--out", folder + "/bad")
        #expect(missing.code == 2 && missing.stderr.contains("missing shards 2/3, 3/3"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/bad"))
    }

    @Test func theTheoryIsPrintedForAQuadratic() throws {
        let path = scenarioFile(Self.quadratic, name: "bowl.yaml")
        let out = temporaryFolder() + "/t"
        let run = optrace(
            "tune", path, "--racer", "HB", "--param", "lr=0.05:0.5:log:24", "--param", "beta=0:0.8:24", "--out", out,
            "--no-render")
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.contains("theory (quadratic, no noise): λ₁ = 1, λ₂ = 10"))
        #expect(run.stdout.contains("heavy ball best lr = (2/(√λ₁+√λ₂))² = 0.2309, β = ((√λ₂−√λ₁)/(√λ₂+√λ₁))² = 0.2699"))
        let theory = try #require(try readJSON(out + "/tune.json")["theory"] as? [String: Any])
        let best = try #require(theory["best"] as? [String: Double])
        #expect(abs(best["lr"]! - 4 / pow(1 + 10.0.squareRoot(), 2)) < 1e-15)
        let gd = optrace("tune", path, "--racer", "GD", "--param", "lr=0.01:0.3:log:30", "--out", out, "--no-render")
        #expect(gd.stdout.contains("gradient descent best lr = 2/(λ₁+λ₂) = 0.1818"))
        #expect(gd.stdout.contains("diverges for lr ≥ 2/λ₂ = 0.2"))
    }

    @Test func allRacersAreTunedAndRacedAndTheRaceReproduces() throws {
        let out = temporaryFolder() + "/all"
        let run = optrace("tune", "valley-bump", "--all-racers", "--budget", "16", "--steps", "60", "--seeds", "2", "--out", out, "--no-render")
        #expect(run.code == 0, "\(run.stderr)")
        #expect(contents(out) == ["adam", "momentum", "scoreboard.json", "sgd", "tune.json", "tuned.yaml"])
        let momentum = try #require(try readJSON(out + "/momentum/tune.json")["cells"] as? [[String: Any]])
        #expect(momentum.count == 16 && momentum[0]["beta"] != nil)
        // Plain SGD (momentum 0) is tuned over its learning rate alone: its rule has no momentum to tune.
        let sgd = try #require(try readJSON(out + "/sgd/tune.json")["cells"] as? [[String: Any]])
        #expect(sgd.count == 16 && Set(sgd[0].keys) == ["lr", "mean", "std", "diverged", "unstable"])
        let adam = try #require(try readJSON(out + "/adam/tune.json")["cells"] as? [[String: Any]])
        #expect(adam.count == 16 && Set(adam[0].keys) == ["lr", "mean", "std", "diverged", "unstable"])
        let yaml = text(out + "/tuned.yaml")
        // The best row of the CSV (numbers read back exactly): lr,mean,std,diverged,unstable,rank.
        let best = try #require(text(out + "/sgd/tune.csv").split(separator: "\n").map { $0.split(separator: ",") }.first { $0.last == "1" })
        #expect(yaml.contains("{name: \"SGD\", optimizer: sgd, lr: \(TunedScenario.number(Double(best[0])!)), momentum: 0.0,"))
        // The scenario's description told of its own settings; tuned.yaml describes the tuned race instead.
        #expect(!yaml.contains("1.34") && yaml.contains("description: \"Elongated valley and a Gaussian bump, each racer at the settings a sweep found best"))
        let momentumRow = try #require(text(out + "/momentum/tune.csv").split(separator: "\n").map { $0.split(separator: ",") }.first { $0.last == "1" })
        #expect(yaml.contains("{name: \"Momentum\", optimizer: momentum, lr: \(TunedScenario.number(Double(momentumRow[0])!)), beta: \(TunedScenario.number(Double(momentumRow[1])!)),"))
        let again = temporaryFolder() + "/race"
        #expect(optrace("race", out + "/tuned.yaml", "--out", again, "--quiet").code == 0)
        #expect(text(again + "/scoreboard.json") == text(out + "/scoreboard.json"))
        #expect(run.stdout.contains("race at the tuned settings"))
        // Asked for, plain SGD's momentum is swept too.
        let askedOut = temporaryFolder()
        let asked = optrace("tune", "valley-bump", "--all-racers", "--budget", "16", "--steps", "20", "--param", "momentum=0:0.9",
                            "--out", askedOut, "--no-render", "--quiet")
        #expect(asked.code == 0, "\(asked.stderr)")
        let swept = try #require(try readJSON(askedOut + "/sgd/tune.json")["cells"] as? [[String: Any]])
        #expect(swept[0]["momentum"] != nil)
    }

    @Test func randomSamplesAreSeeded() throws {
        let a = temporaryFolder() + "/a", b = temporaryFolder() + "/b"
        let args = ["tune", "valley-bump", "--racer", "Momentum", "--random", "12", "--param", "lr=0.01:1:log",
                    "--param", "beta=0:0.99", "--steps", "20", "--seeds", "1", "--quiet", "--no-render"]
        #expect(optrace(args + ["--out", a]).code == 0)
        #expect(optrace(args + ["--out", b]).code == 0)
        #expect(text(a + "/tune.json") == text(b + "/tune.json"))
        let cells = try #require(try readJSON(a + "/tune.json")["cells"] as? [[String: Any]])
        #expect(cells.count == 12 && cells.allSatisfy { ($0["lr"] as! Double) >= 0.01 && ($0["beta"] as! Double) <= 0.99 })
        #expect(Set(cells.map { $0["lr"] as! Double }).count == 12)
    }
}

@Suite struct TunePictureTests {
    /// The width and height of a PNG file (from its IHDR chunk).
    func pngSize(_ path: String) -> (Int, Int)? {
        guard let data = FileManager.default.contents(atPath: path), data.count > 24,
            Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        else { return nil }
        let bytes = [UInt8](data)
        func word(_ i: Int) -> Int { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }

    @Test func aGridDrawsAHeatmapAndALineASweep() {
        let folder = temporaryFolder()
        let two = optrace("tune", "valley-bump", "--racer", "Momentum", "--param", "lr=0.05:2:log:8", "--param", "beta=0:0.95:6",
                          "--steps", "40", "--seeds", "2", "--out", folder + "/two")
        #expect(two.code == 0 && two.stdout.contains("heatmap.png"), "\(two.stderr)")
        #expect(contents(folder + "/two") == ["heatmap.png", "tune.csv", "tune.json"])
        #expect(pngSize(folder + "/two/heatmap.png").map { $0.0 > 800 && $0.1 > 600 } == true)
        let one = optrace("tune", "valley-bump", "--racer", "SGD", "--param", "lr=0.05:3:log:12", "--steps", "40", "--out", folder + "/one")
        #expect(one.code == 0)
        #expect(contents(folder + "/one") == ["sweep.png", "tune.csv", "tune.json"])
        #expect(pngSize(folder + "/one/sweep.png") != nil)
        let random = optrace("tune", "valley-bump", "--racer", "Momentum", "--random", "10", "--param", "lr=0.05:2:log",
                             "--param", "beta=0:0.9", "--steps", "20", "--out", folder + "/random")
        #expect(random.code == 0 && contents(folder + "/random") == ["tune.csv", "tune.json"])
        let none = optrace("tune", "valley-bump", "--racer", "SGD", "--param", "lr=0.05:3:log:4", "--steps", "10", "--no-render", "--out", folder + "/none")
        #expect(none.code == 0 && contents(folder + "/none") == ["tune.csv", "tune.json"])
    }

    @Test func momentumSweepsOnALog1mAxis() throws {
        let folder = temporaryFolder()
        let run = optrace("tune", "valley-bump", "--racer", "Momentum", "--param", "lr=0.05:1:log:4",
                          "--param", "beta=0:0.999:log1m:4", "--steps", "30", "--seeds", "1", "--out", folder)
        #expect(run.code == 0, "\(run.stderr)")
        #expect(contents(folder) == ["heatmap.png", "tune.csv", "tune.json"])
        let sweep = try #require(try readJSON(folder + "/tune.json")["sweep"] as? [String: Any])
        let axes = try #require(sweep["params"] as? [[String: Any]])
        #expect(axes[1]["scale"] as? String == "log1m")
        let betas = Set(text(folder + "/tune.csv").split(separator: "\n").dropFirst().compactMap { line in
            line.split(separator: ",").dropFirst().first.flatMap { Double($0) }
        })
        #expect(betas.count == 4 && betas.contains(0) && betas.contains(0.999))
        let scene = TunePictures.heatmap(try SweepResultFixture.result(
            scenario: "valley-bump", racer: "Momentum", axes: ["lr=0.05:1:log:4", "beta=0:0.999:log1m:4"]))
        #expect(scene.ySpacing == .logOneMinus && scene.xSpacing == .log)
    }

    @Test func aLog1mWindowIsMeasuredInDecadesOfOneMinusTheValue() throws {
        let result = try SweepResultFixture.result(scenario: "valley-bump", racer: "Momentum", axes: ["beta=0.5:0.999:log1m:12"])
        let window = try #require(result.window)
        #expect(window.decadesOfComplement)
        #expect(abs(window.decades! - log10((1 - window.low) / (1 - window.high))) < 1e-12)
        #expect(TuneTable.summary(result).contains("decades of 1 − beta"))
        let linear = try #require(try SweepResultFixture.result(scenario: "valley-bump", racer: "Momentum", axes: ["lr=0.01:1:log:12"]).window)
        #expect(!linear.decadesOfComplement)
    }

    @Test func randomSamplesOfOneParameterAreDrawnAsPoints() throws {
        let scene = TunePictures.sweep(try SweepResultFixture.result(
            scenario: "valley-bump", racer: "SGD", axes: ["lr=0.01:1:log"], random: 12))
        #expect(scene.isSampled)
        #expect(zip(scene.values, scene.values.dropFirst()).allSatisfy { $0 < $1 })
        let grid = TunePictures.sweep(try SweepResultFixture.result(scenario: "valley-bump", racer: "SGD", axes: ["lr=0.01:1:log:12"]))
        #expect(!grid.isSampled)
    }

    @Test func theTheoryAppearsOnThePictureOfAQuadratic() throws {
        let path = scenarioFile(TuneCommandTests.quadratic, name: "bowl.yaml")
        let folder = temporaryFolder()
        #expect(optrace("tune", path, "--racer", "HB", "--param", "lr=0.05:0.5:log:10", "--param", "beta=0:0.8:10", "--out", folder, "--quiet").code == 0)
        #expect(pngSize(folder + "/heatmap.png") != nil)
        let scene = TunePictures.heatmap(try SweepResultFixture.result(path: path))
        #expect(scene.theoryBest != nil && scene.theoryBoundary != nil)
        let limit = 2.0 / 10 * (1 + scene.theoryBoundary!.points[0].y)
        #expect(abs(scene.theoryBoundary!.points[0].x - limit) < 1e-12)
    }

    @Test func aMapDrawsItsPicture() {
        let folder = temporaryFolder()
        #expect(optrace("map", "valley-bump", "--racer", "Adam", "--grid", "20x15", "--steps", "50", "--out", folder, "--quiet").code == 0)
        #expect(contents(folder) == ["map.csv", "map.png"])
        #expect(pngSize(folder + "/map.png").map { $0.0 > 1000 } == true)
    }
}

/// A small sweep run in-process, for scene tests.
enum SweepResultFixture {
    static func result(path: String) throws -> SweepResult {
        let scenario = try ScenarioLocator.load(path)
        let racer = scenario.racers.first { $0.name == "HB" }!
        let target = try TuneTarget(racer: racer)
        let plan = try SweepPlan(axes: [
            SweepAxis(name: "lr", low: 0.05, high: 0.5, scale: .log, count: 6),
            SweepAxis(name: "beta", low: 0, high: 0.8, scale: .linear, count: 5),
        ])
        let quadratic = try #require(QuadraticTheory(surface: scenario.surface))
        let header = SweepHeader(
            scenario: scenario.name, title: scenario.title, racer: racer.name, optimizer: racer.optimizerName,
            hyperparameters: racer.hyperparameters, plan: plan, steps: 50, seeds: [0], sigma: .zero, batch: 1, noisy: true,
            start: scenario.start, objective: .finalLoss, floor: 0, windowFactor: 10,
            curvatures: (quadratic.lambda1, quadratic.lambda2))
        return SweepResult(header: header, cells: Sweep.run(header, target: target, surface: scenario.surface))
    }

    /// A sweep of `racer` of the built-in `scenario` over `axes` (grid, or `random` samples), 20 steps, one seed.
    static func result(scenario name: String, racer: String, axes: [String], random: Int? = nil) throws -> SweepResult {
        let scenario = try ScenarioLocator.load(name)
        let racer = try #require(scenario.racers.first { $0.name == racer })
        let target = try TuneTarget(racer: racer)
        let plan = try SweepPlan(axes: try axes.map { try SweepAxis.parse($0, random: random != nil) }, randomCount: random)
        let header = SweepHeader(
            scenario: scenario.name, title: scenario.title, racer: racer.name, optimizer: racer.optimizerName,
            hyperparameters: racer.hyperparameters, plan: plan, steps: 20, seeds: [1], sigma: .zero, batch: 1, noisy: false,
            start: scenario.start, objective: .finalLoss, floor: 0, windowFactor: 10, curvatures: nil)
        return SweepResult(header: header, cells: Sweep.run(header, target: target, surface: scenario.surface))
    }
}

/// The terminal summary qualifies a window or best that touches the end of the swept range.
@Suite struct TuneWindowTextTests {
    @Test func aBestAtTheEndOfTheRangeAsksToWidenIt() {
        let run = optrace("tune", "valley-bump", "--racer", "SGD", "--param", "lr=0.01:0.05:log:5", "--steps", "40", "--seeds", "1",
                          "--out", temporaryFolder(), "--no-render")
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.contains("the best is at an end of the swept range: a better value may lie beyond it; widen the range"))
        #expect(run.stdout.contains("the window runs to the"))
    }
}

/// `--param` sweeps a racer's schedule keys and clipping threshold as well as its optimizer's hyperparameters.
@Suite struct ScheduleAndClippingSweepTests {
    @Test func aWarmUpSweepEqualsTheRacesOfItsCells() throws {
        let out = temporaryFolder()
        let run = optrace("tune", "warmup-cosine", "--racer", "Warm-up + cosine", "--param", "warmup_steps=0:40:5", "--steps", "60",
                          "--seeds", "1", "--out", out, "--no-render", "--quiet")
        #expect(run.code == 0, "\(run.stderr)")
        let cells = try #require(try readJSON(out + "/tune.json")["cells"] as? [[String: Any]])
        #expect(cells.map { $0["warmup_steps"] as? Double } == [0, 10, 20, 30, 40])
        // Each cell is the race of that schedule: the scenario with the racer's warmup_steps replaced.
        let yaml = try String(contentsOfFile: packageRoot + "/scenarios/warmup-cosine.yaml", encoding: .utf8)
        for cell in cells where (cell["diverged"] as? Double) == 0 && (cell["unstable"] as? Double) == 0 {
            let warmup = Int(cell["warmup_steps"] as! Double)
            let edited = yaml.replacingOccurrences(of: "warmup_steps: 20", with: "warmup_steps: \(warmup)")
            let scenario = try ScenarioLoader.parse(yaml: edited, file: "w.yaml").with(steps: 60)
            var race = scenario
            race.racers = scenario.racers.filter { $0.name == "Warm-up + cosine" }
            // One seed (the scenario's), objective final-loss: the cell's mean is that race's last loss, bit for bit
            // (read from tune.csv, whose numbers round-trip exactly).
            let trajectory = try #require(race.run().trajectories.first)
            let rows: [[String]] = text(out + "/tune.csv").split(separator: "\n").dropFirst().map { line in
                line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
            let row = try #require(rows.first { Double($0[0]) == Double(warmup) })
            #expect(Double(row[1]) == trajectory.losses.last, "warmup \(warmup)")
        }
        #expect(cells.contains { ($0["diverged"] as? Double) == 0 && ($0["unstable"] as? Double) == 0 })
    }

    @Test func aTunedScheduleIsWrittenBackAsASchedule() throws {
        let target = try TuneTarget(racer: try ScenarioLocator.load("warmup-cosine").racers[2])
        let plan = try SweepPlan(axes: [SweepAxis(name: "warmup_steps", low: 0, high: 40, scale: .linear, count: 5)])
        try target.check(plan)
        let tuned = target.racer(target.hyperparameters(plan, at: [30]))
        #expect(tuned.schedule?.values["warmup_steps"] == 30)
        #expect(tuned.hyperparameters["warmup_steps"] == nil && tuned.hyperparameters["schedule"] == nil)
        #expect(tuned.settings.text("schedule").contains("warmup_steps: 30"))
        let clipping = try TuneTarget(racer: try ScenarioLocator.load("clipping").racers[1])
        let clipPlan = try SweepPlan(axes: [SweepAxis(name: "clip_norm", low: 0.5, high: 8, scale: .log, count: 5)])
        try clipping.check(clipPlan)
        let clipped = clipping.racer(clipping.hyperparameters(clipPlan, at: [4]))
        #expect(clipped.clipping == .norm(4) && clipped.hyperparameters["clip_norm"] == nil && clipped.settings["clip_norm"] == .number(4))
    }

    @Test func aClippingSweepRuns() {
        let run = optrace("tune", "clipping", "--racer", "SGD clip_norm 2", "--param", "clip_norm=0.5:50:log:6", "--steps", "120",
                          "--out", temporaryFolder(), "--no-render")
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.contains("best: clip_norm = "))
    }

    @Test func whatCannotBeSweptSaysWhy() {
        func refusal(_ arguments: String...) -> String {
            let run = optrace(["tune"] + arguments + ["--out", temporaryFolder() + "/x", "--no-render"])
            #expect(run.code == 2)
            return run.stderr
        }
        #expect(refusal("warmup-cosine", "--racer", "Constant 0.15", "--param", "warmup_steps=0:100:11")
            .contains("cannot sweep the schedule key 'warmup_steps': it has no schedule"))
        #expect(refusal("warmup-cosine", "--racer", "Warm-up + cosine", "--param", "warmup_steps=0:100:7")
            .contains("'warmup_steps' is a whole number of updates, but the grid holds 16.6667"))
        #expect(refusal("warmup-cosine", "--racer", "Warm-up + cosine", "--random", "8", "--param", "warmup_steps=0:100")
            .contains("sweep it on a grid"))
        #expect(refusal("clipping", "--racer", "SGD", "--param", "clip_norm=1:10:4").contains("it has no clipping"))
        #expect(refusal("clipping", "--racer", "SGD clip_value 2", "--param", "clip_norm=1:10:4").contains("it clips by clip_value"))
        #expect(refusal("clipping", "--racer", "SGD clip_norm 2", "--param", "clip_norm=0:10:4").contains("expected a clipping threshold > 0"))
    }
}
