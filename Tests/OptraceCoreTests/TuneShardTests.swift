import Foundation
import Testing
@testable import OptraceCore

@Suite struct TuneShardTests {
    let surface = try! Surface(terms: defaultScenario, domain: defaultDomain)

    func header(_ plan: SweepPlan) -> SweepHeader {
        let racer = Racer(name: "Momentum", definition: OptimizerCatalog.momentum)
        return SweepHeader(
            scenario: "valley-bump", title: "t", racer: racer.name, optimizer: "momentum", hyperparameters: racer.hyperparameters,
            plan: plan, steps: 120, seeds: [13081, 13082, 18_446_744_073_709_551_615], sigma: Vec2(0.2, 0.3), batch: 2, noisy: true,
            start: Vec2(10, 4), objective: .meanLoss, floor: 0.0011393, windowFactor: 10, curvatures: nil)
    }

    @Test func mergedShardsEqualTheWholeSweepBitForBit() throws {
        let plan = try SweepPlan(axes: [
            SweepAxis(name: "lr", low: 0.01, high: 4, scale: .log, count: 13),
            SweepAxis(name: "beta", low: 0, high: 0.99, scale: .linear, count: 7),
        ])
        let h = header(plan)
        let target = try TuneTarget(racer: Racer(name: "Momentum", definition: OptimizerCatalog.momentum))
        let whole = Sweep.run(h, target: target, surface: surface, threads: 2)
        #expect(whole.contains { $0.diverged > 0 } && whole.contains { $0.diverged == 0 })
        var files: [(path: String, file: TuneShardFile)] = []
        for i in [3, 1, 4, 2] {
            let shard = try TuneShard(index: i, count: 4)
            let cells = Sweep.run(h, target: target, surface: surface, cells: shard.cells(of: plan.cellCount), threads: 1)
            let text = TuneShardFile(header: h, shard: shard, cells: cells).serialized()
            let path = NSTemporaryDirectory() + "shard-\(i)-\(UInt64.random(in: 0...UInt64.max)).json"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            files.append((path, try TuneShardFile.read(path: path)))
        }
        let merged = try TuneShardFile.merge(files)
        #expect(merged.header == h)
        #expect(merged.cells.count == whole.count)
        for (a, b) in zip(merged.cells, whole) {
            #expect(a.index == b.index && a.values == b.values && a.runs == b.runs && a.diverged == b.diverged)
            #expect(a.mean?.bitPattern == b.mean?.bitPattern && a.std?.bitPattern == b.std?.bitPattern)
        }
        // Missing, doubled and foreign shards are refused.
        #expect(throws: TuneError.self) { try TuneShardFile.merge(Array(files.dropLast())) }
        #expect(throws: TuneError.self) { try TuneShardFile.merge(files + [files[0]]) }
        var other = h
        other.steps = 121
        let foreign = TuneShardFile(header: other, shard: try TuneShard(index: 1, count: 4), cells: [])
        #expect(throws: TuneError.self) { try TuneShardFile.merge(files.dropFirst() + [("x.json", foreign)]) }
    }

    /// A racer's schedule and clipping are the header's own fields, not entries among the hyperparameters; the
    /// shard file and tune.json record them beside the hyperparameters, and a header read back has them typed again.
    @Test func scheduleAndClippingAreTypedFieldsOfTheHeader() throws {
        let plan = try SweepPlan(axes: [SweepAxis(name: "lr", low: 0.01, high: 1, scale: .log, count: 4)])
        var h = header(plan)
        h.schedule = "cosine(decay_steps: 20, alpha: 0)"
        h.clipping = .norm(2.5)
        h.curvatures = (0.1, 1)
        #expect(h.hyperparameters["schedule"] == nil && h.hyperparameters["clip_norm"] == nil)
        #expect(h.settings["schedule"] == .text("cosine(decay_steps: 20, alpha: 0)") && h.settings["clip_norm"] == .number(2.5))
        #expect(h.theory == nil, "no quadratic theory under a schedule or clipping")
        var plain = h
        (plain.schedule, plain.clipping) = (nil, nil)
        #expect(plain.theory != nil)
        #expect(plain != h)

        let text = TuneShardFile(header: h, shard: try TuneShard(index: 1, count: 1), cells: []).serialized()
        #expect(text.contains("\"schedule\"") && text.contains("\"clip_norm\""))
        let path = NSTemporaryDirectory() + "typed-\(UInt64.random(in: 0...UInt64.max)).json"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let back = try TuneShardFile.read(path: path).header(path: path)
        #expect(back == h)
        #expect(back.schedule == h.schedule && back.clipping == .norm(2.5) && back.hyperparameters == h.hyperparameters)
        h.clipping = .value(0.75)
        let valueText = TuneShardFile(header: h, shard: try TuneShard(index: 1, count: 1), cells: []).serialized()
        try valueText.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try TuneShardFile.read(path: path).header(path: path).clipping == .value(0.75))
    }

    /// A merge names at most ten missing shards (then how many more), whatever the count a file claims, and a
    /// count beyond what `--shard` accepts is refused when the file is read.
    @Test func missingShardsAreCountedNotListed() throws {
        let plan = try SweepPlan(axes: [SweepAxis(name: "lr", low: 0.01, high: 1, scale: .log, count: 4)])
        let h = header(plan)
        let lone = TuneShardFile(header: h, shard: try TuneShard(index: 3, count: TuneShard.maximumCount), cells: [])
        do {
            _ = try TuneShardFile.merge([("lone.json", lone)])
            Issue.record("a lone shard of a million merged")
        } catch {
            let n = TuneShard.maximumCount
            #expect(error.message == "merge: missing shards 1/\(n), 2/\(n), 4/\(n), 5/\(n), 6/\(n), 7/\(n), 8/\(n), 9/\(n), 10/\(n), 11/\(n) and \(n - 11) more of \(n)")
        }
        let text = TuneShardFile(header: h, shard: try TuneShard(index: 1, count: 2), cells: []).serialized()
        let tampered = text.replacingOccurrences(of: "\"shards\":2,", with: "\"shards\":1000000000000,")
        #expect(tampered != text)
        let path = NSTemporaryDirectory() + "tampered-\(UInt64.random(in: 0...UInt64.max)).json"
        try tampered.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: TuneError.self) { try TuneShardFile.read(path: path) }
        do {
            _ = try TuneShardFile.read(path: path)
        } catch {
            #expect(error.message.contains("shards: expected a whole number from 1 to \(TuneShard.maximumCount), found 1000000000000"), "\(error.message)")
        }
    }

    @Test func shardsCoverTheCellsOnce() throws {
        for total in [1, 7, 100, 4096] {
            for n in [1, 3, 8] {
                let blocks = try (1...n).map { try TuneShard(index: $0, count: n).cells(of: total) }
                #expect(blocks.map(\.count).reduce(0, +) == total)
                #expect(zip(blocks, blocks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            }
        }
        #expect(throws: TuneError.self) { try TuneShard.parse("0/4", environment: [:]) }
        #expect(throws: TuneError.self) { try TuneShard.parse("5/4", environment: [:]) }
        #expect(throws: TuneError.self) { try TuneShard.parse("a/4", environment: [:]) }
    }

    /// A real shard file of a noisy 3-seed sweep with every kind of cell, as a JSON object to tamper with.
    func shardObject(objective: SweepObjective = .meanLoss) throws -> [String: Any] {
        let plan = try SweepPlan(axes: [SweepAxis(name: "lr", low: 0.01, high: 4, scale: .log, count: 8)])
        var h = header(plan)
        h.objective = objective
        let target = try TuneTarget(racer: Racer(name: "Momentum", definition: OptimizerCatalog.momentum))
        let shard = try TuneShard(index: 2, count: 2)
        let cells = Sweep.run(h, target: target, surface: surface, cells: shard.cells(of: plan.cellCount), threads: 1)
        let text = TuneShardFile(header: h, shard: shard, cells: cells).serialized()
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    /// Reads `object` as a shard file; the error's text with the path replaced by FILE, or nil when accepted.
    func refusal(_ object: [String: Any]) -> String? {
        let path = NSTemporaryDirectory() + "shard-\(UInt64.random(in: 0...UInt64.max)).json"
        try! JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        do {
            let file = try TuneShardFile.read(path: path)
            _ = try TuneShardFile.merge([(path, file)] + (try otherHalf(of: object)))
            return nil
        } catch {
            return ((error as? TuneError)?.message ?? "\(error)").replacingOccurrences(of: path, with: "FILE")
        }
    }

    /// Shard 1 of 2 of the same sweep, untouched, so that a merge is complete.
    func otherHalf(of object: [String: Any]) throws -> [(path: String, file: TuneShardFile)] {
        var first = object
        first["shard"] = 1
        first["cells"] = []
        let path = NSTemporaryDirectory() + "shard-1-\(UInt64.random(in: 0...UInt64.max)).json"
        try JSONSerialization.data(withJSONObject: first).write(to: URL(fileURLWithPath: path))
        return [(path, try TuneShardFile.read(path: path))]
    }

    func tampered(_ object: [String: Any], cell k: Int, _ key: String, _ value: Any?) -> [String: Any] {
        var object = object
        var cells = object["cells"] as! [[String: Any]]
        cells[k][key] = value
        object["cells"] = cells
        return object
    }

    @Test func impossibleCellsAreRefusedWithTheirPlace() throws {
        let good = try shardObject()
        let cells = good["cells"] as! [[String: Any]]
        #expect(cells.count == 4)
        #expect(cells.contains { ($0["diverged"] as! Double) > 0 } && cells.contains { ($0["diverged"] as! Double) == 0 })
        // Untampered, it reads; the merge then misses shard 1's cells, which is the merge's own complaint.
        #expect(refusal(good) == "merge: cell 0 is in no shard file")
        let k = cells.firstIndex { ($0["diverged"] as! Double) == 0 }!
        let index = cells[k]["index"] as! Int
        let place = "FILE: cells[\(k)] (cell \(index))"
        #expect(refusal(tampered(good, cell: k, "diverged", 5)) == "\(place): diverged: expected a fraction k/3 of its 3 runs (k a whole number from 0 to 3), found 5")
        #expect(refusal(tampered(good, cell: k, "diverged", -0.5))!.hasPrefix("\(place): diverged: expected a fraction k/3"))
        #expect(refusal(tampered(good, cell: k, "diverged", 0.5))!.hasSuffix("found 0.5"))
        #expect(refusal(tampered(good, cell: k, "unreached", 1.0 / 3)) == "\(place): unreached: expected 0 (only a steps-to objective leaves runs unreached), found 0.3333333333333333")
        #expect(refusal(tampered(good, cell: k, "runs", 2)) == "\(place): runs: expected 3 (one run per seed), found 2")
        #expect(refusal(tampered(good, cell: k, "runs", 0)) == "\(place): runs: expected 3 (one run per seed), found 0")
        #expect(refusal(tampered(good, cell: k, "runs", -3)) == "\(place): runs: expected 3 (one run per seed), found -3")
        #expect(refusal(tampered(good, cell: k, "std", -1)) == "\(place): std: expected a finite number ≥ 0, found -1")
        #expect(refusal(tampered(good, cell: k, "std", nil)) == "\(place): std: expected a number ≥ 0 (3 runs gave a value), found none")
        #expect(refusal(tampered(good, cell: k, "mean", nil)) == "\(place): mean: expected a number (3 runs gave a value), found none")
        #expect(refusal(tampered(good, cell: k, "diverged", 1))!.hasPrefix("\(place): mean: expected none (no run gave a value), found 0."))
        #expect(refusal(tampered(good, cell: k, "index", 0)) == "FILE: cells[\(k)]: index: expected a cell of shard 2/2 (4 to 7), found 0")
        #expect(refusal(tampered(good, cell: k, "index", cells[(k + 1) % 4]["index"]!)) == "FILE: cells[\(max(k, (k + 1) % 4))]: cell \(cells[max(k, (k + 1) % 4)]["index"] as! Int) is given twice")
    }

    @Test func stepsToCellsAreCheckedAsStepCounts() throws {
        let good = try shardObject(objective: .stepsTo(0.01))
        let cells = good["cells"] as! [[String: Any]]
        guard let k = cells.firstIndex(where: { $0["mean"] != nil }) else { return }
        let place = "FILE: cells[\(k)] (cell \(cells[k]["index"] as! Int))"
        #expect(refusal(tampered(good, cell: k, "mean", 121)) == "\(place): mean: expected a step count from 0 to 120, found 121")
        #expect(refusal(tampered(good, cell: k, "mean", -1)) == "\(place): mean: expected a step count from 0 to 120, found -1")
        #expect(refusal(tampered(tampered(good, cell: k, "diverged", 2.0 / 3), cell: k, "unreached", 2.0 / 3))
            == "\(place): diverged + unstable + unreached: expected at most 1 (the runs that failed), found 1.3333333333333333")
    }

    @Test func impossibleSweepSettingsAreRefused() throws {
        let good = try shardObject()
        func with(_ key: String, _ value: Any) -> String? {
            var object = good
            object[key] = value
            return refusal(object)
        }
        #expect(with("shard", 3) == "FILE: shard: expected a whole number from 1 to 2 (shards), found 3")
        #expect(with("shards", 0) == "FILE: shards: expected a whole number from 1 to 1000000, found 0")
        #expect(with("steps", 0) == "FILE: steps: expected a whole number from 1 to 10000000, found 0")
        #expect(with("seeds", [UInt64]()) == "FILE: seeds: expected at least one seed, found an empty list")
        #expect(with("sigma", [-1, 0.2]) == "FILE: sigma: expected two finite numbers ≥ 0, found [-1, 0.2]")
        #expect(with("batch", 0) == "FILE: batch: expected a whole number ≥ 1, found 0")
        #expect(with("window_factor", 0.5) == "FILE: window_factor: expected a number > 1, found 0.5")
        var axes = good["axes"] as! [[String: Any]]
        axes[0]["scale"] = "cubic"
        #expect(with("axes", axes) == "FILE: axes[0].scale: expected linear, log or log1m, found 'cubic'")
        axes[0]["scale"] = "log"
        axes[0]["low"] = -1
        #expect(with("axes", axes) == "FILE: axes[0]: expected finite ends with low < high (both > 0 on a log axis, < 1 on a log1m axis), found -1:4")
        axes[0]["scale"] = "log1m"
        axes[0]["low"] = 0
        #expect(with("axes", axes) == "FILE: axes[0]: expected finite ends with low < high (both > 0 on a log axis, < 1 on a log1m axis), found 0:4")
        // The largest seeds are read back exactly and may wrap to 0.
        #expect(with("seeds", [UInt64.max - 1, UInt64.max, 0]) == "merge: cell 0 is in no shard file")
    }
}
