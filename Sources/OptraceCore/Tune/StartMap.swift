/// The basin-of-attraction picture: one racer run from every point of a grid over the domain.
///
/// Starts lie on the `columns`×`rows` lattice spanning the domain (edges included, row 0 at y min,
/// column 0 at x min, row-major, as `Surface.valueGrid`). Every run gets the scenario's noise (the same
/// ξₜ for every start) and is classified by where it ended: at a known minimum (within `tolerance` of it),
/// elsewhere (with its final loss), or diverged.
public struct StartMap: Sendable {
    /// Where one start ended up.
    public enum Ending: Sendable, Equatable {
        /// At the known minimum with this index in `minima`.
        case minimum(Int)
        /// Finished, but near no known minimum.
        case elsewhere
        case diverged
    }

    public let columns: Int
    public let rows: Int
    public let domain: Domain
    public let minima: [KnownMinimum]
    /// The distance within which a final position counts as at a minimum.
    public let tolerance: Double
    /// The start of every cell, row-major.
    public let starts: [Vec2]
    public let outcomes: [RunOutcome]

    /// The largest number of starts of one map.
    public static let maximumStarts = 1_000_000

    /// Runs `racer` from every start. `tolerance` is a fraction of the domain's diagonal.
    public init(
        surface: Surface, racer: Racer, noise: GradientNoise, steps: Int, columns: Int, rows: Int,
        tolerance: Double = 0.05, threads: Int? = nil
    ) {
        self.columns = columns
        self.rows = rows
        domain = surface.domain
        minima = surface.minima
        let span = surface.domain.span
        self.tolerance = tolerance * (span * span).sum().squareRoot()
        let xs = Surface.lattice(domain.xRange, count: columns)
        let ys = Surface.lattice(domain.yRange, count: rows)
        var starts: [Vec2] = []
        starts.reserveCapacity(columns * rows)
        for y in ys { for x in xs { starts.append(Vec2(x, y)) } }
        self.starts = starts
        let engine = SweepEngine(
            surface: surface, configurations: [racer.optimizer], starts: starts, noise: noise, seeds: [noise.seed],
            noisy: racer.noisy, steps: steps, threshold: -.infinity)
        outcomes = engine.run(count: starts.count, threads: threads) { SweepRun(configuration: 0, start: $0, seed: 0) }
    }

    /// How the run from start `index` ended.
    public func ending(_ index: Int) -> Ending {
        let outcome = outcomes[index]
        if outcome.diverged { return .diverged }
        let p = outcome.finalPosition
        var nearest: (Int, Double)?
        for (i, m) in minima.enumerated() {
            let d = ((m.point - p) * (m.point - p)).sum().squareRoot()
            if d <= tolerance && (nearest == nil || d < nearest!.1) { nearest = (i, d) }
        }
        return nearest.map { .minimum($0.0) } ?? .elsewhere
    }

    /// Every start's ending.
    public var endings: [Ending] { outcomes.indices.map(ending) }

    /// The share of starts ending at each minimum (by index), elsewhere and diverged.
    public var shares: (minima: [Double], elsewhere: Double, diverged: Double) {
        var counts = [Int](repeating: 0, count: minima.count)
        var elsewhere = 0, diverged = 0
        for e in endings {
            switch e {
            case .minimum(let i): counts[i] += 1
            case .elsewhere: elsewhere += 1
            case .diverged: diverged += 1
            }
        }
        let n = Double(outcomes.count)
        return (counts.map { Double($0) / n }, Double(elsewhere) / n, Double(diverged) / n)
    }

    /// `map.csv`: `x,y,ending,minimum,final_x,final_y,final_loss,diverged_step`, one row per start.
    /// Throws `Interrupted` when a stop is requested (checked every 4096 rows).
    public func csv() throws(Interrupted) -> String {
        var out = "x,y,ending,minimum,final_x,final_y,final_loss,diverged_step\n"
        out.reserveCapacity(outcomes.count * 80)
        for (i, outcome) in outcomes.enumerated() {
            if i % 4096 == 0 { try Interruption.check() }
            let start = starts[i]
            var fields = [NumberFormat.roundTrip(start.x), NumberFormat.roundTrip(start.y)]
            switch ending(i) {
            case .minimum(let m): fields += ["minimum", String(m)]
            case .elsewhere: fields += ["elsewhere", ""]
            case .diverged: fields += ["diverged", ""]
            }
            fields += [
                NumberFormat.roundTrip(outcome.finalPosition.x), NumberFormat.roundTrip(outcome.finalPosition.y),
                NumberFormat.roundTrip(outcome.finalLoss), outcome.divergedStep.map(String.init) ?? "",
            ]
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }
}
