/// The range checks a shard file passes before it is merged: every field of the sweep and of each cell
/// must be one `optrace tune --shard` could have written.
extension TuneShardFile {
    /// Throws naming `path`, and the cell's position in `cells` for a cell, at the first impossible value.
    func check(path: String) throws(TuneError) {
        func refuse(_ field: String, _ expected: String, _ found: String) -> TuneError {
            TuneError("\(path): \(field): expected \(expected), found \(found)")
        }
        func finite(_ values: [Double]) -> Bool { values.allSatisfy(\.isFinite) }
        func show(_ values: [Double]) -> String {
            values.map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : NumberFormat.roundTrip($0) }.joined(separator: ", ")
        }

        guard (1...TuneShard.maximumCount).contains(shards) else {
            throw refuse("shards", "a whole number from 1 to \(TuneShard.maximumCount)", "\(shards)")
        }
        guard (1...shards).contains(shard) else { throw refuse("shard", "a whole number from 1 to \(shards) (shards)", "\(shard)") }
        guard (1...Scenario.maximumSteps).contains(steps) else {
            throw refuse("steps", "a whole number from 1 to \(Scenario.maximumSteps)", "\(steps)")
        }
        guard !seeds.isEmpty else { throw refuse("seeds", "at least one seed", "an empty list") }
        guard sigma.count == 2, finite(sigma), sigma.allSatisfy({ $0 >= 0 }) else {
            throw refuse("sigma", "two finite numbers ≥ 0", "[\(show(sigma))]")
        }
        guard (1...1_000_000_000).contains(batch) else { throw refuse("batch", "a whole number ≥ 1", "\(batch)") }
        guard start.count == 2, finite(start) else { throw refuse("start", "two finite numbers", "[\(show(start))]") }
        guard floor.isFinite else { throw refuse("floor", "a finite number", show([floor])) }
        guard windowFactor.isFinite, windowFactor > 1 else { throw refuse("window_factor", "a number > 1", show([windowFactor])) }
        if let curvatures, curvatures.count != 2 || !finite(curvatures) {
            throw refuse("curvatures", "two finite numbers", "[\(show(curvatures))]")
        }
        for p in hyperparameters where !finite((p.number.map { [$0] } ?? []) + (p.pair ?? [])) {
            throw refuse("hyperparameters.\(p.name)", "finite numbers", show((p.number.map { [$0] } ?? []) + (p.pair ?? [])))
        }
        if let p = hyperparameters.first(where: { $0.pair != nil && $0.pair!.count != 2 }) {
            throw refuse("hyperparameters.\(p.name)", "a pair of two numbers", "\(p.pair!.count) numbers")
        }
        for (i, axis) in axes.enumerated() {
            guard let scale = AxisScale(rawValue: axis.scale) else {
                throw refuse("axes[\(i)].scale", "linear, log or log1m", "'\(axis.scale)'")
            }
            guard finite([axis.low, axis.high]), axis.low < axis.high, scale != .log || axis.low > 0,
                scale != .log1m || axis.high < 1
            else {
                throw refuse("axes[\(i)]", "finite ends with low < high (both > 0 on a log axis, < 1 on a log1m axis)", "\(show([axis.low])):\(show([axis.high]))")
            }
            if (samples == nil) != (axis.count != nil) {
                throw refuse("axes[\(i)].count", samples == nil ? "a count (a grid axis)" : "no count (random samples)", axis.count.map(String.init) ?? "none")
            }
            if let count = axis.count, !SweepAxis.countRange.contains(count) {
                throw refuse("axes[\(i)].count", "a whole number from \(SweepAxis.countRange.lowerBound) to \(SweepAxis.countRange.upperBound)", "\(count)")
            }
        }
        let objective = try? SweepObjective.parse(self.objective)
        let stepsTo: Bool
        if case .stepsTo = objective { stepsTo = true } else { stepsTo = false }
        let runs = noisy && sigma != [0, 0] ? seeds.count : 1
        for (k, cell) in cells.enumerated() {
            func refuseCell(_ field: String, _ expected: String, _ found: String) -> TuneError {
                TuneError("\(path): cells[\(k)] (cell \(cell.index)): \(field): expected \(expected), found \(found)")
            }
            guard cell.runs == runs else {
                throw refuseCell("runs", "\(runs) (\(runs == 1 ? "one run without noise" : "one run per seed"))", "\(cell.runs)")
            }
            let n = Double(runs)
            /// The whole number of runs a fraction stands for, if it is one.
            func count(_ fraction: Double, _ field: String) throws(TuneError) -> Int {
                let k = fraction.isFinite ? (fraction * n).rounded() : -1
                guard k >= 0, k <= n, k / n == fraction else {
                    throw refuseCell(field, "a fraction k/\(runs) of its \(runs) run\(runs == 1 ? "" : "s") (k a whole number from 0 to \(runs))", show([fraction]))
                }
                return Int(k)
            }
            let diverged = try count(cell.diverged, "diverged")
            let unstable = try count(cell.unstable, "unstable")
            let unreached = try count(cell.unreached, "unreached")
            if unreached > 0 && !stepsTo {
                throw refuseCell("unreached", "0 (only a steps-to objective leaves runs unreached)", show([cell.unreached]))
            }
            if diverged + unstable + unreached > runs {
                throw refuseCell(
                    "diverged + unstable + unreached", "at most 1 (the runs that failed)",
                    show([cell.diverged + cell.unstable + cell.unreached]))
            }
            let finished = runs - diverged - unstable - unreached
            switch (cell.mean, finished) {
            case (nil, 0): break
            case (nil, _): throw refuseCell("mean", "a number (\(finished) run\(finished == 1 ? "" : "s") gave a value)", "none")
            case (let mean?, 0): throw refuseCell("mean", "none (no run gave a value)", show([mean]))
            case (let mean?, _):
                guard mean.isFinite else { throw refuseCell("mean", "a finite number", show([mean])) }
                if stepsTo && !(0...Double(steps)).contains(mean) {
                    throw refuseCell("mean", "a step count from 0 to \(steps)", show([mean]))
                }
                if objective == .distance && mean < 0 { throw refuseCell("mean", "a distance ≥ 0", show([mean])) }
            }
            switch (cell.std, finished) {
            case (nil, 0): break
            case (nil, _): throw refuseCell("std", "a number ≥ 0 (\(finished) run\(finished == 1 ? "" : "s") gave a value)", "none")
            case (let std?, 0): throw refuseCell("std", "none (no run gave a value)", show([std]))
            case (let std?, 1) where std != 0: throw refuseCell("std", "0 (a single value)", show([std]))
            case (let std?, _):
                guard std.isFinite, std >= 0 else { throw refuseCell("std", "a finite number ≥ 0", show([std])) }
            }
        }
    }
}
