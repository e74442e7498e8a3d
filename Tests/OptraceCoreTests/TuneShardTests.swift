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

    @Test func shardsCoverTheCellsOnce() throws {
        for total in [1, 7, 100, 4096] {
            for n in [1, 3, 8] {
                let blocks = try (1...n).map { try TuneShard(index: $0, count: n).cells(of: total) }
                #expect(blocks.map(\.count).reduce(0, +) == total)
                #expect(zip(blocks, blocks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            }
        }
        #expect(throws: TuneError.self) { try TuneShard.parse("0/4") }
        #expect(throws: TuneError.self) { try TuneShard.parse("5/4") }
        #expect(throws: TuneError.self) { try TuneShard.parse("a/4") }
    }
}
