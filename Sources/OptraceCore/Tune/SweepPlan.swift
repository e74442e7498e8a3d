/// The configurations of a sweep: a 1-D or 2-D grid over its axes, or seeded random samples.
///
/// Grid cells are numbered with the first axis varying fastest: cell i of a 2-D grid has
/// axis 0 at value i mod n₀ and axis 1 at value i / n₀. Random sample i draws each axis from word
/// i·(number of axes) + j of a SplitMix64 stream of the seed, uniformly (uniformly in log for a log
/// axis), so any cell can be computed on its own (shards need no shared state).
public struct SweepPlan: Sendable, Equatable {
    public let axes: [SweepAxis]
    /// The number of random samples, or nil for a grid.
    public let randomCount: Int?
    public let randomSeed: UInt64

    /// The largest number of configurations one sweep may have (documented in the README).
    public static let maximumCells = 1_000_000
    /// The largest number of runs (configurations × seeds) one sweep, or one shard of it, may have.
    public static let maximumRuns = 4_000_000
    /// The largest number of swept parameters of a grid (more need `--random`).
    public static let maximumGridAxes = 2

    public init(axes: [SweepAxis], randomCount: Int? = nil, randomSeed: UInt64 = 0) throws(TuneError) {
        if axes.isEmpty { throw TuneError("nothing to sweep: give --param NAME=LO:HI:N (or NAME=LO:HI:log:N)") }
        var names: Set<String> = []
        for axis in axes where !names.insert(axis.name).inserted {
            throw TuneError("--param \(axis.name) is given twice")
        }
        if let randomCount {
            if randomCount < 2 { throw TuneError("--random: expected at least 2 samples, found \(randomCount)") }
            if randomCount > Self.maximumCells {
                throw TuneError("--random \(randomCount): too many configurations; the limit is \(Self.maximumCells)")
            }
        } else {
            if axes.count > Self.maximumGridAxes {
                throw TuneError("a grid sweeps 1 or 2 parameters, found \(axes.count) (\(axes.map(\.name).joined(separator: ", "))); use --random N to sample more")
            }
            var cells = 1
            for axis in axes {
                let (product, overflow) = cells.multipliedReportingOverflow(by: axis.count ?? 1)
                cells = overflow ? Int.max : product
            }
            if cells > Self.maximumCells {
                throw TuneError("the grid \(axes.map { String($0.count ?? 0) }.joined(separator: "×")) has \(cells) configurations; the limit is \(Self.maximumCells) (sweep a coarser grid, or a smaller range)")
            }
        }
        self.axes = axes
        self.randomCount = randomCount
        self.randomSeed = randomSeed
    }

    public var isGrid: Bool { randomCount == nil }

    /// The number of values of each axis (grids only).
    public var shape: [Int] { axes.map { $0.count ?? 0 } }

    public var cellCount: Int { randomCount ?? shape.reduce(1, *) }

    /// The values of every axis at cell `index`.
    public func point(_ index: Int) -> [Double] {
        if let _ = randomCount {
            let words = SplitMix64(state: SplitMix64.mix(randomSeed))
            return axes.indices.map { j in
                axes[j].value(at: words.uniform(UInt64(index * axes.count + j)))
            }
        }
        var rest = index
        return axes.map { axis in
            let n = axis.count ?? 1
            let i = rest % n
            rest /= n
            return Self.gridValue(axis, i)
        }
    }

    /// Value `i` of a grid axis (of `axis.count`, both ends included).
    static func gridValue(_ axis: SweepAxis, _ i: Int) -> Double {
        axis.value(at: Double(i) / Double((axis.count ?? 1) - 1))
    }

    /// The grid coordinates of cell `index` (one index per axis).
    public func coordinates(_ index: Int) -> [Int] {
        var rest = index
        return shape.map { n in
            let i = rest % n
            rest /= n
            return i
        }
    }
}
