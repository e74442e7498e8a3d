/// Eight optimizers of the same shape stepped side by side, one per SIMD lane, each lane bit-identical
/// to its own scalar `TransformationStepper`.
///
/// Built from the transformation chains that `OptimizerDefinition.build` returns: a chain is
/// flattened into its leaves, and when every lane has the same sequence of known leaves
/// (`ScaleByLearningRate`, `Trace`, `ScaleByAdam`), each leaf becomes one lane operation that repeats the
/// scalar arithmetic in the same order. Any other shape (a new transformation, lanes of different shapes)
/// yields nil and the engine steps each lane through its own scalar stepper instead, so every optimizer of
/// the catalog can be swept, and the known shapes go fast.
final class LaneOptimizer {
    private let operations: [LaneOperation]
    /// The first two operations (most chains have two), called without going through the array and without
    /// reference counting in the hot loop (`operations` keeps them alive).
    private let first: Unmanaged<LaneOperation>
    private let second: Unmanaged<LaneOperation>?

    private init(_ operations: [LaneOperation]) {
        self.operations = operations
        first = Unmanaged.passUnretained(operations[0])
        second = operations.count > 1 ? Unmanaged.passUnretained(operations[1]) : nil
    }

    /// The lane form of `optimizers` (exactly `Lanes.scalarCount` of them), or nil when some leaf has no lane form.
    static func make(_ optimizers: [Optimizer]) -> LaneOptimizer? {
        precondition(optimizers.count == Lanes.scalarCount)
        let leaves = optimizers.map { Self.leaves(of: $0.transformation) }
        let depth = leaves[0].count
        guard depth > 0, leaves.allSatisfy({ $0.count == depth }) else { return nil }
        var operations: [LaneOperation] = []
        for position in 0..<depth {
            let column = leaves.map { $0[position] }
            if column[0] is ScaleByLearningRate {
                let scales = column.compactMap { $0 as? ScaleByLearningRate }
                guard scales.count == column.count else { return nil }
                operations.append(LaneScaleByLearningRate(scales))
            } else if column[0] is Trace {
                let traces = column.compactMap { $0 as? Trace }
                guard traces.count == column.count, traces.allSatisfy({ $0.nesterov == traces[0].nesterov }) else { return nil }
                operations.append(LaneTrace(traces))
            } else if column[0] is ScaleByAdam {
                let adams = column.compactMap { $0 as? ScaleByAdam }
                guard adams.count == column.count, adams.allSatisfy({ $0.biasCorrection == adams[0].biasCorrection }) else {
                    return nil
                }
                operations.append(LaneAdam(adams))
            } else {
                return nil
            }
        }
        return LaneOptimizer(operations)
    }

    /// A transformation's chain flattened into its leaves, in order of application.
    static func leaves(of transformation: any GradientTransformation) -> [any GradientTransformation] {
        // The catalog's chains first, by concrete type (much cheaper than a cast to a protocol).
        if let chain = transformation as? Chain<Trace, ScaleByLearningRate> { return [chain.first, chain.second] }
        if let chain = transformation as? Chain<ScaleByAdam, ScaleByLearningRate> { return [chain.first, chain.second] }
        if transformation is ScaleByLearningRate { return [transformation] }
        if let chain = transformation as? any ChainLeaves { return chain.leaves }
        return [transformation]
    }

    /// One update for the noisy gradients (gx, gy) at (x, y): θ ← θ + updates, lane by lane.
    @inline(__always)
    func step(x: inout Lanes, y: inout Lanes, gx: Lanes, gy: Lanes) {
        var ux = gx, uy = gy
        first._withUnsafeGuaranteedRef { $0.update(&ux, &uy) }
        if let second {
            second._withUnsafeGuaranteedRef { $0.update(&ux, &uy) }
            if operations.count > 2 {
                for operation in operations.dropFirst(2) { operation.update(&ux, &uy) }
            }
        }
        x = x + ux
        y = y + uy
    }
}

/// A chain that can list its leaves (for `LaneOptimizer`).
protocol ChainLeaves {
    var leaves: [any GradientTransformation] { get }
}

extension Chain: ChainLeaves {
    var leaves: [any GradientTransformation] { LaneOptimizer.leaves(of: first) + LaneOptimizer.leaves(of: second) }
}

/// One leaf of a chain over eight lanes, with its lane state.
///
/// State lives in memory the operation allocates once and reaches through a constant pointer, so the
/// hot loop pays no dynamic exclusivity checks on class properties.
class LaneOperation {
    func update(_ ux: inout Lanes, _ uy: inout Lanes) {}
}

/// `ScaleByLearningRate` over lanes: u ← −η(count)·u, each lane with its own schedule.
///
/// The schedules are read in blocks of `block` counts (one closure call per lane and count, as the
/// scalar transformation makes), so the step itself only loads eight rates.
final class LaneScaleByLearningRate: LaneOperation {
    private static let block = 64
    private let schedules: [Schedule]
    /// −η for the counts of the current block.
    private let rates: UnsafeMutablePointer<Lanes>
    /// [0]: the count at the start of the next block; [1]: the next index into `rates`.
    private let cursor: UnsafeMutablePointer<Int>

    /// −η of every lane when every schedule is constant (no refills then).
    private let constantRates: Lanes?

    init(_ scales: [ScaleByLearningRate]) {
        schedules = scales.map(\.schedule)
        rates = .allocate(capacity: Self.block)
        rates.initialize(repeating: Lanes(repeating: 0), count: Self.block)
        cursor = .allocate(capacity: 2)
        cursor[0] = 0
        cursor[1] = Self.block
        if schedules.allSatisfy({ $0.constantValue != nil }) {
            var fixed = Lanes(repeating: 0)
            for i in 0..<Lanes.scalarCount { fixed[i] = -schedules[i].constantValue! }
            constantRates = fixed
        } else {
            constantRates = nil
        }
    }

    deinit {
        rates.deallocate()
        cursor.deallocate()
    }

    override func update(_ ux: inout Lanes, _ uy: inout Lanes) {
        if let rate = constantRates {
            ux = rate * ux
            uy = rate * uy
            return
        }
        if cursor[1] == Self.block { refill() }
        let rate = rates[cursor[1]]
        cursor[1] += 1
        ux = rate * ux
        uy = rate * uy
    }

    /// −η for the next `block` counts of every lane (counts saturate as `StepCount` does).
    private func refill() {
        let start = StepCount(count: cursor[0])
        var end = start
        for i in 0..<Lanes.scalarCount {
            let schedule = schedules[i]
            var c = start
            for j in 0..<Self.block {
                rates[j][i] = -schedule(c.count)
                c = c.incremented()
            }
            end = c
        }
        cursor[0] = end.count
        cursor[1] = 0
    }
}

/// `Trace` over lanes: b₁ = g₁, bₜ = μ·bₜ₋₁ + (1 − τ)·gₜ; out bₜ (or gₜ + μ·bₜ with Nesterov).
final class LaneTrace: LaneOperation {
    private let decay: Lanes
    private let keep: Lanes
    private let nesterov: Bool
    /// [0], [1]: the buffer's x and y lanes; [2] lane 0: 1 once started.
    private let state: UnsafeMutablePointer<Lanes>

    init(_ traces: [Trace]) {
        var decay = Lanes(repeating: 0), keep = Lanes(repeating: 0)
        for i in 0..<Lanes.scalarCount {
            decay[i] = traces[i].decay
            keep[i] = 1 - traces[i].dampening
        }
        self.decay = decay
        self.keep = keep
        nesterov = traces[0].nesterov
        state = .allocate(capacity: 3)
        state.initialize(repeating: Lanes(repeating: 0), count: 3)
    }

    deinit { state.deallocate() }

    override func update(_ ux: inout Lanes, _ uy: inout Lanes) {
        var bx: Lanes, by: Lanes
        if state[2][0] != 0 {
            bx = decay * state[0] + keep * ux
            by = decay * state[1] + keep * uy
        } else {
            bx = ux
            by = uy
            state[2][0] = 1
        }
        state[0] = bx
        state[1] = by
        if nesterov {
            ux = ux + decay * bx
            uy = uy + decay * by
        } else {
            ux = bx
            uy = by
        }
    }
}

/// `ScaleByAdam` over lanes: bias-corrected m̂ₜ / (√v̂ₜ + ε), each lane with its own β₁, β₂, ε.
final class LaneAdam: LaneOperation {
    private let beta1: [Double], beta2: [Double]
    private let b1: Lanes, b2: Lanes, keep1: Lanes, keep2: Lanes, eps: Lanes
    private let biasCorrection: Bool
    /// [0] m.x, [1] m.y, [2] v.x, [3] v.y; [4] lane 0: the update count.
    private let state: UnsafeMutablePointer<Lanes>

    init(_ adams: [ScaleByAdam]) {
        beta1 = adams.map(\.beta1)
        beta2 = adams.map(\.beta2)
        var b1 = Lanes(repeating: 0), b2 = b1, keep1 = b1, keep2 = b1, eps = b1
        for i in 0..<Lanes.scalarCount {
            b1[i] = adams[i].beta1
            b2[i] = adams[i].beta2
            keep1[i] = 1 - adams[i].beta1
            keep2[i] = 1 - adams[i].beta2
            eps[i] = adams[i].eps
        }
        (self.b1, self.b2, self.keep1, self.keep2, self.eps) = (b1, b2, keep1, keep2, eps)
        biasCorrection = adams[0].biasCorrection
        state = .allocate(capacity: 5)
        state.initialize(repeating: Lanes(repeating: 0), count: 5)
    }

    deinit { state.deallocate() }

    override func update(_ ux: inout Lanes, _ uy: inout Lanes) {
        let count = Int(state[4][0]) + 1
        state[4][0] = Double(count)
        let mx = b1 * state[0] + keep1 * ux
        let my = b1 * state[1] + keep1 * uy
        let vx = b2 * state[2] + keep2 * (ux * ux)
        let vy = b2 * state[3] + keep2 * (uy * uy)
        state[0] = mx
        state[1] = my
        state[2] = vx
        state[3] = vy
        var mHatX = mx, mHatY = my, vHatX = vx, vHatY = vy
        if biasCorrection {
            var c1 = Lanes(repeating: 0), c2 = Lanes(repeating: 0)
            for i in 0..<Lanes.scalarCount {
                c1[i] = 1 - AdamMoments.power(beta1[i], count)
                c2[i] = 1 - AdamMoments.power(beta2[i], count)
            }
            mHatX = mx / c1
            mHatY = my / c1
            vHatX = vx / c2
            vHatY = vy / c2
        }
        ux = mHatX / (vHatX.squareRoot() + eps)
        uy = mHatY / (vHatY.squareRoot() + eps)
    }
}
