/// One configuration's result over its seeds: mean and spread of the objective, and the fractions that failed.
public struct SweepCell: Sendable, Equatable {
    /// The cell's index in the plan.
    public let index: Int
    /// The value of every swept parameter, in axis order.
    public let values: [Double]
    /// The number of runs (seeds).
    public let runs: Int
    /// The mean of the objective over the runs that neither diverged nor missed their level; nil if none did.
    public let mean: Double?
    /// Their standard deviation (n − 1 in the denominator; 0 for a single run); nil if none.
    public let std: Double?
    /// The fraction of runs that diverged.
    public let diverged: Double
    /// The fraction of runs that never reached a `steps-to` level (0 for other objectives).
    public let unreached: Double

    public init(index: Int, values: [Double], runs: Int, mean: Double?, std: Double?, diverged: Double, unreached: Double) {
        self.index = index
        self.values = values
        self.runs = runs
        self.mean = mean
        self.std = std
        self.diverged = diverged
        self.unreached = unreached
    }

    /// Aggregates the objective values of one configuration's runs (nil: diverged or not reached).
    public init(index: Int, values: [Double], outcomes: [(diverged: Bool, value: Double?)]) {
        var sum = 0.0
        var finished: [Double] = []
        var diverged = 0, unreached = 0
        for outcome in outcomes {
            if outcome.diverged {
                diverged += 1
            } else if let v = outcome.value {
                finished.append(v)
                sum += v
            } else {
                unreached += 1
            }
        }
        let n = Double(outcomes.count)
        var mean: Double?, std: Double?
        if !finished.isEmpty {
            let m = sum / Double(finished.count)
            var squares = 0.0
            for v in finished { squares += (v - m) * (v - m) }
            mean = m
            std = finished.count > 1 ? (squares / Double(finished.count - 1)).squareRoot() : 0
        }
        self.init(
            index: index, values: values, runs: outcomes.count, mean: mean, std: std, diverged: Double(diverged) / n,
            unreached: Double(unreached) / n)
    }

    /// The fraction of runs that did not give a value.
    public var failed: Double { diverged + unreached }

    /// Whether this cell ranks before `other`: fewer failed runs first, then the lower mean, then the lower index.
    public func ranks(before other: SweepCell) -> Bool {
        if failed != other.failed { return failed < other.failed }
        switch (mean, other.mean) {
        case let (a?, b?) where a != b: return a < b
        case (.some, nil): return true
        case (nil, .some): return false
        default: return index < other.index
        }
    }
}
