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
    /// The fraction of runs that were unstable: they ran all their steps but ended above the loss they
    /// started from (f − f* larger than at the start), as gradient descent does just past its stability limit.
    public let unstable: Double
    /// The fraction of runs that never reached a `steps-to` level (0 for other objectives).
    public let unreached: Double

    public init(
        index: Int, values: [Double], runs: Int, mean: Double?, std: Double?, diverged: Double, unstable: Double = 0,
        unreached: Double
    ) {
        self.index = index
        self.values = values
        self.runs = runs
        self.mean = mean
        self.std = std
        self.diverged = diverged
        self.unstable = unstable
        self.unreached = unreached
    }

    /// How one run counts in its cell.
    public enum RunCount: Sendable, Equatable {
        case diverged, unstable, unreached
        case value(Double)
    }

    /// Aggregates the objective values of one configuration's runs (nil: diverged or not reached).
    public init(index: Int, values: [Double], outcomes: [(diverged: Bool, value: Double?)]) {
        self.init(index: index, values: values, counts: outcomes.map { $0.diverged ? .diverged : $0.value.map { .value($0) } ?? .unreached })
    }

    /// Aggregates one configuration's runs: the objective's mean and spread over those that gave a value.
    public init(index: Int, values: [Double], counts: [RunCount]) {
        self.init(index: index, values: values, runs: counts.count) { counts[$0] }
    }

    /// Aggregates runs `count(0)`, …, `count(runs − 1)` of one configuration (each asked for twice, in order): the
    /// objective's mean and spread over those that gave a value.
    init(index: Int, values: [Double], runs: Int, count: (Int) -> RunCount) {
        var sum = 0.0
        var finished = 0, diverged = 0, unstable = 0, unreached = 0
        for k in 0..<runs {
            switch count(k) {
            case .diverged: diverged += 1
            case .unstable: unstable += 1
            case .unreached: unreached += 1
            case .value(let v):
                finished += 1
                sum += v
            }
        }
        let n = Double(runs)
        var mean: Double?, std: Double?
        if finished > 0 {
            let m = sum / Double(finished)
            var squares = 0.0
            for k in 0..<runs { if case .value(let v) = count(k) { squares += (v - m) * (v - m) } }
            mean = m
            std = finished > 1 ? (squares / Double(finished - 1)).squareRoot() : 0
        }
        self.init(
            index: index, values: values, runs: runs, mean: mean, std: std, diverged: Double(diverged) / n,
            unstable: Double(unstable) / n, unreached: Double(unreached) / n)
    }

    /// The fraction of runs that did not give a value.
    public var failed: Double { diverged + unstable + unreached }

    /// Whether this cell ranks before `other`: fewer failed runs first, then the lower mean, then the lower index.
    public func ranks(before other: SweepCell) -> Bool { RankKey(self).ranks(before: RankKey(other)) }

    /// What ranks a cell, without its values (sorting thousands of cells compares these, with no reference counting).
    struct RankKey: Sendable {
        let failed: Double
        let mean: Double?
        let index: Int

        init(_ cell: SweepCell) {
            (failed, mean, index) = (cell.failed, cell.mean, cell.index)
        }

        /// `SweepCell.ranks(before:)`.
        func ranks(before other: RankKey) -> Bool {
            if failed != other.failed { return failed < other.failed }
            switch (mean, other.mean) {
            case let (a?, b?) where a != b: return a < b
            case (.some, nil): return true
            case (nil, .some): return false
            default: return index < other.index
            }
        }
    }
}
