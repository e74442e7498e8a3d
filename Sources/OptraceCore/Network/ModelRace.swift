import Dispatch

/// A model scenario's race: every racer trained from the same initial weights, and their standing at the end.
public struct ModelRace: Sendable {
    public let scenario: ModelScenario
    /// One run per racer, in the scenario's order.
    public let runs: [NetworkRun]

    /// Trains every racer (in parallel; each run is the same whatever the thread count); with `snapshotEvery`, each
    /// run keeps θ at every k-th epoch.
    public init(_ scenario: ModelScenario, snapshotEvery: Int? = nil) {
        self.scenario = scenario
        let start = scenario.initialParameters
        let trainer = scenario.trainer
        let racers = scenario.racers
        let slots = ResultSlots<NetworkRun>(count: racers.count)
        DispatchQueue.concurrentPerform(iterations: racers.count) { i in
            let racer = racers[i]
            // Every racer of a scenario comes from the catalog, so its rule exists on a FlatVector.
            let rule = racer.optimizer.rule(on: FlatVector.self)!
            slots.set(i, trainer.run(racer: racer.name, rule: rule, from: start, snapshotEvery: snapshotEvery))
        }
        runs = slots.values
    }

    /// Ranks 1… by final loss, lowest first; diverged runs after the others, the later divergence first; ties share.
    public var ranks: [Int] {
        func key(_ run: NetworkRun) -> (Int, Double) {
            if let d = run.divergedAt { return (1, -Double(d)) }
            return (0, run.losses.last ?? .infinity)
        }
        return runs.map { run in 1 + runs.filter { other in key(other) < key(run) }.count }
    }

    /// The share of examples whose prediction falls on the target's side of ½, for one sigmoid output under
    /// cross-entropy (nil otherwise, or for a diverged run).
    public func accuracy(_ run: NetworkRun) -> Double? {
        guard scenario.shape.loss == .bce, scenario.shape.widths.last == 1, run.divergedAt == nil else { return nil }
        let targets = scenario.data.targets.values
        let right = zip(run.predictions.values, targets).filter { ($0 >= 0.5) == ($1 >= 0.5) }.count
        return Double(right) / Double(targets.count)
    }

    /// The epochs a log shows: every k-th epoch, k a round number giving about eight lines, and the last epoch.
    public var loggedEpochs: [Int] {
        let last = scenario.epochs - 1
        guard last > 0 else { return [0] }
        let rough = Double(last) / 8
        var unit = 1.0
        while unit * 10 <= rough { unit *= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * unit }.first { $0 >= rough } ?? 10 * unit
        let k = max(1, Int(step))
        return Array(Set(Array(stride(from: 0, through: last, by: k)) + [last])).sorted()
    }
}
