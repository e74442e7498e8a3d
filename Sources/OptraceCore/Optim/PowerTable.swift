import Foundation

/// bᵗˢ for t = 1 … `steps` + 1, one `Foundation.pow(b, Double(t)·s)` each, computed once per distinct base b and
/// scale s and shared by every group of a sweep: the Adam family's βᵗ (s = 1) and NAdam's 0.96^(tψ) then cost a
/// table read a step instead of a `pow`.
///
/// The values are those `ParameterScalar.power` computes (Double(t)·1 is Double(t) exactly), so a rule reading the
/// table takes the same steps to the last bit. Series are kept up to `budget` doubles in all; a base beyond it gets
/// no series (its lanes call `pow`).
public final class PowerTable: @unchecked Sendable {
    public let steps: Int
    /// The most doubles kept over all series.
    public let budget: Int
    private let lock = NSLock()
    private var series: [Key: [Double]] = [:]

    private struct Key: Hashable {
        let base: UInt64
        let scale: UInt64
    }
    private var kept = 0

    public init(steps: Int, budget: Int = 1 << 22) {
        self.steps = max(0, steps)
        self.budget = budget
    }

    /// b^(1·s) … b^((steps + 1)·s), or nil when the budget is spent.
    public func powers(of base: Double, scale: Double = 1) -> [Double]? {
        let key = Key(base: base.bitPattern, scale: scale.bitPattern)
        lock.lock()
        defer { lock.unlock() }
        if let known = series[key] { return known }
        guard kept + steps + 1 <= budget else { return nil }
        let values = (1...steps + 1).map { Foundation.pow(base, Double($0) * scale) }
        series[key] = values
        kept += values.count
        return values
    }
}

/// Every lane's power at update t, read from a `PowerTable`'s series where it has them, else by `pow`: baseᵗ
/// (`PowerLookup(base, table:)`) or b^(t·scale) for one base b and a scale per lane (`PowerLookup(b, scale:table:)`).
public struct PowerLookup<Scalar: ParameterScalar>: Sendable {
    private enum Form: Sendable {
        case integer(base: Scalar)
        case scaled(base: Double, scale: Scalar)
    }

    private let form: Form
    /// One series shared by every lane (lanes alike), or none.
    private let shared: [Double]?
    /// One series per lane, interleaved step by step (update t's lanes at `(t − 1)·laneCount ..<`), so a step's
    /// powers are one contiguous load; or none.
    private let perLane: [Double]?
    /// The updates `perLane` covers.
    private let perLaneSteps: Int

    /// baseᵗ, from `table` when given.
    public init(_ base: Scalar, table: PowerTable?) {
        self.init(.integer(base: base), bases: (0..<Scalar.laneCount).map(base.lane), scales: nil, table: table)
    }

    /// base^(t·scale), from `table` when given.
    public init(_ base: Double, scale: Scalar, table: PowerTable?) {
        self.init(
            .scaled(base: base, scale: scale), bases: Array(repeating: base, count: Scalar.laneCount),
            scales: (0..<Scalar.laneCount).map(scale.lane), table: table)
    }

    private init(_ form: Form, bases: [Double], scales: [Double]?, table: PowerTable?) {
        self.form = form
        let scales = scales ?? Array(repeating: 1, count: bases.count)
        let alike = bases.indices.allSatisfy {
            bases[$0].bitPattern == bases[0].bitPattern && scales[$0].bitPattern == scales[0].bitPattern
        }
        shared = table != nil && alike ? table!.powers(of: bases[0], scale: scales[0]) : nil
        let series = table == nil || alike ? [] : bases.indices.compactMap { table!.powers(of: bases[$0], scale: scales[$0]) }
        if !series.isEmpty && series.count == bases.count {
            let steps = series.map(\.count).min()!
            var interleaved = [Double](repeating: 0, count: steps * bases.count)
            for (lane, powers) in series.enumerated() {
                for t in 0..<steps { interleaved[t * bases.count + lane] = powers[t] }
            }
            perLane = interleaved
            perLaneSteps = steps
        } else {
            perLane = nil
            perLaneSteps = 0
        }
    }

    /// The power at update t (t ≥ 1).
    @inline(__always)
    public func at(_ t: Int) -> Scalar {
        if let shared, t <= shared.count { return Scalar(repeating: shared[t - 1]) }
        if let perLane, t <= perLaneSteps {
            return perLane.withUnsafeBufferPointer { Scalar(loading: $0.baseAddress! + (t - 1) * Scalar.laneCount) }
        }
        switch form {
        case .integer(let base): return Scalar.power(base, t)
        case .scaled(let base, let scale): return Scalar.power(base, Double(t) * scale)
        }
    }

    /// The lanes' base (of the integer form).
    public var base: Scalar {
        if case .integer(let base) = form { return base }
        preconditionFailure("a scaled power has one base")
    }
}
