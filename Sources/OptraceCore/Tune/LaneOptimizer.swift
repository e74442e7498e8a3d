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

    private init(_ operations: [LaneOperation]) { self.operations = operations }

    /// The lane form of `optimizers` (exactly `Lanes.scalarCount` of them), or nil when some leaf has no lane form.
    static func make(_ optimizers: [Optimizer]) -> LaneOptimizer? {
        precondition(optimizers.count == Lanes.scalarCount)
        let leaves = optimizers.map { Self.leaves(of: $0.transformation) }
        let depth = leaves[0].count
        guard leaves.allSatisfy({ $0.count == depth }) else { return nil }
        var operations: [LaneOperation] = []
        for position in 0..<depth {
            let column = leaves.map { $0[position] }
            if let scales = column as? [ScaleByLearningRate] {
                operations.append(LaneScaleByLearningRate(scales))
            } else if let traces = column as? [Trace], traces.allSatisfy({ $0.nesterov == traces[0].nesterov }) {
                operations.append(LaneTrace(traces))
            } else if let adams = column as? [ScaleByAdam],
                adams.allSatisfy({ $0.biasCorrection == adams[0].biasCorrection })
            {
                operations.append(LaneAdam(adams))
            } else {
                return nil
            }
        }
        return LaneOptimizer(operations)
    }

    /// A transformation's chain flattened into its leaves, in order of application.
    static func leaves(of transformation: any GradientTransformation) -> [any GradientTransformation] {
        if let chain = transformation as? any ChainLeaves { return chain.leaves }
        return [transformation]
    }

    /// One update for the noisy gradients (gx, gy) at (x, y): θ ← θ + updates, lane by lane.
    @inline(__always)
    func step(x: inout Lanes, y: inout Lanes, gx: Lanes, gy: Lanes) {
        var ux = gx, uy = gy
        for operation in operations { operation.update(&ux, &uy) }
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
class LaneOperation {
    func update(_ ux: inout Lanes, _ uy: inout Lanes) {}
}

/// `ScaleByLearningRate` over lanes: u ← −η(count)·u, each lane with its own schedule.
final class LaneScaleByLearningRate: LaneOperation {
    private let schedules: [Schedule]
    private var count = StepCount()

    init(_ scales: [ScaleByLearningRate]) { schedules = scales.map(\.schedule) }

    override func update(_ ux: inout Lanes, _ uy: inout Lanes) {
        var rate = Lanes(repeating: 0)
        for i in 0..<Lanes.scalarCount { rate[i] = -schedules[i](count.count) }
        ux = rate * ux
        uy = rate * uy
        count = count.incremented()
    }
}

/// `Trace` over lanes: b₁ = g₁, bₜ = μ·bₜ₋₁ + (1 − τ)·gₜ; out bₜ (or gₜ + μ·bₜ with Nesterov).
final class LaneTrace: LaneOperation {
    private let decay: Lanes
    private let keep: Lanes
    private let nesterov: Bool
    private var bx = Lanes(repeating: 0), by = Lanes(repeating: 0)
    private var started = false

    init(_ traces: [Trace]) {
        var decay = Lanes(repeating: 0), keep = Lanes(repeating: 0)
        for i in 0..<Lanes.scalarCount {
            decay[i] = traces[i].decay
            keep[i] = 1 - traces[i].dampening
        }
        self.decay = decay
        self.keep = keep
        nesterov = traces[0].nesterov
    }

    override func update(_ ux: inout Lanes, _ uy: inout Lanes) {
        if started {
            bx = decay * bx + keep * ux
            by = decay * by + keep * uy
        } else {
            bx = ux
            by = uy
            started = true
        }
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
    private var mx = Lanes(repeating: 0), my = Lanes(repeating: 0)
    private var vx = Lanes(repeating: 0), vy = Lanes(repeating: 0)
    private var count = 0

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
    }

    override func update(_ ux: inout Lanes, _ uy: inout Lanes) {
        count += 1
        mx = b1 * mx + keep1 * ux
        my = b1 * my + keep1 * uy
        vx = b2 * vx + keep2 * (ux * ux)
        vy = b2 * vy + keep2 * (uy * uy)
        var mHatX = mx, mHatY = my, vHatX = vx, vHatY = vy
        if biasCorrection {
            var c1 = Lanes(repeating: 0), c2 = Lanes(repeating: 0)
            for i in 0..<Lanes.scalarCount {
                c1[i] = 1 - ScaleByAdam.power(beta1[i], count)
                c2[i] = 1 - ScaleByAdam.power(beta2[i], count)
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
