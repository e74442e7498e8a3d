/// A tape compiled for speed: a flat instruction array over input slots, run on caller-owned scratch.
///
/// Scratch layout (`scratchSize` doubles): values of every slot plus a sink slot, then their adjoints,
/// then the two local derivatives of every instruction. The caller writes the inputs to `scratch[0..<variableCount]`.
/// Each adjoint is assigned by its first writer instead of being cleared and accumulated, which keeps the
/// 2-D hot path free of a memset and of read-modify-write chains.
struct TapeProgram: Sendable {
    let variableCount: Int
    let instructions: [TapeInstruction]
    /// f = `outputOffset` + Σ weight·value(slot): the top-level weighted sum of the surface's terms, evaluated
    /// after the instructions; its weights seed the adjoints directly (so summing terms costs no instructions).
    let outputTerms: [OutputTerm]
    let outputOffset: Double
    /// Input slots neither read by an instruction nor in the output sum (their adjoint is 0).
    let unreadInputs: [Int]
    /// Steps before this index are read by other steps and go through the reverse sweep; the rest are read
    /// only by the output sum.
    let sweepCount: Int
    /// Offset of the adjoints in the scratch (and of the local derivatives after them).
    let adjointOffset: Int

    init(
        variableCount: Int, instructions: [TapeInstruction], outputTerms: [OutputTerm], outputOffset: Double,
        unreadInputs: [Int], sweepCount: Int
    ) {
        self.variableCount = variableCount
        self.instructions = instructions
        self.outputTerms = outputTerms
        self.outputOffset = outputOffset
        self.unreadInputs = unreadInputs
        self.sweepCount = sweepCount
        adjointOffset = variableCount + instructions.count + 1
    }

    var slotCount: Int { variableCount + instructions.count }
    /// Index of the sink slot (value 0), the second operand of unary steps.
    var sink: Int { slotCount }
    var scratchSize: Int { 2 * (slotCount + 1) + 2 * instructions.count }

    /// Clears the scratch (so the sink slot reads 0).
    func prepare(_ scratch: UnsafeMutablePointer<Double>) {
        scratch.initialize(repeating: 0, count: scratchSize)
    }

    /// Forward pass alone (the local derivatives are computed and dropped); returns f.
    @inline(__always)
    func value<L: TapeLane>(scratch: UnsafeMutablePointer<L>) -> L {
        instructions.withUnsafeBufferPointer { code in
            let values = scratch
            var ip = code.baseAddress!
            let end = ip + code.count
            var out = values + variableCount
            while ip < end {
                // The same kernel as the gradient pass, so f is the same to the last bit either way.
                out.pointee = Self.step(ip, values[Int(truncatingIfNeeded: ip.pointee.a)], values[Int(truncatingIfNeeded: ip.pointee.b)]).0
                out += 1
                ip += 1
            }
            return output(values)
        }
    }

    /// Forward pass recording local derivatives, then one reverse sweep accumulating adjoints, for one point
    /// (`Double`) or 16 (`Lanes`). Returns f; ∂f/∂input i is left in `scratch[adjointOffset + i]`.
    ///
    /// The output sum seeds its slots' adjoints before the forward pass. Steps read only by that sum (the last
    /// `count − sweepCount` steps, typically whole surface terms) therefore know their final adjoint as soon as
    /// they are computed, and pass it on to their operands right away; the reverse sweep covers the rest.
    @inline(__always)
    func valueAndGradient<L: TapeLane>(scratch: UnsafeMutablePointer<L>) -> L {
        instructions.withUnsafeBufferPointer { code in
            // Pointer walking with unchecked arithmetic: this loop is the race's innermost code.
            let values = scratch
            let count = code.count
            let adjoints = scratch + adjointOffset
            let d0 = adjoints + adjointOffset
            let d1 = d0 + count
            // Index loops: iterating the arrays would retain and release them on every call.
            for k in unreadInputs.indices { adjoints[unreadInputs[k]] = .zero }
            for k in outputTerms.indices { adjoints[outputTerms[k].slot] = L(broadcast: outputTerms[k].weight) }
            var ip = code.baseAddress!
            let sweepEnd = ip + sweepCount
            let end = ip + count
            var out = values + variableCount
            var p0 = d0, p1 = d1
            while ip < sweepEnd {
                // Fields are read from the instruction array itself, never from a copy just stored on the stack.
                let (v, da, db) = Self.step(
                    ip, values[Int(truncatingIfNeeded: ip.pointee.a)], values[Int(truncatingIfNeeded: ip.pointee.b)])
                out.pointee = v
                p0.pointee = da
                p1.pointee = db
                out += 1
                p0 += 1
                p1 += 1
                ip += 1
            }
            var slot = adjoints + (variableCount + sweepCount)
            while ip < end {
                let (v, da, db) = Self.step(
                    ip, values[Int(truncatingIfNeeded: ip.pointee.a)], values[Int(truncatingIfNeeded: ip.pointee.b)])
                out.pointee = v
                Self.propagate(ip, slot.pointee, da, db, adjoints)
                out += 1
                slot += 1
                ip += 1
            }
            let base = code.baseAddress!
            var j = sweepCount
            while j > 0 {
                j &-= 1
                Self.propagate(base + j, adjoints[variableCount &+ j], d0[j], d1[j], adjoints)
            }
            return output(values)
        }
    }

    /// Passes a step's adjoint `g` to its operands: assigned at their last reader, accumulated otherwise.
    /// A zero local derivative blocks the flow, even of an infinite adjoint (0·∞ counts as 0).
    @inline(__always)
    static func propagate<L: TapeLane>(
        _ ins: UnsafePointer<TapeInstruction>, _ g: L, _ da: L, _ db: L, _ adjoints: UnsafeMutablePointer<L>
    ) {
        // Assigned at the operand's last reader, accumulated before.
        @inline(__always) func pass(_ d: L, to slot: Int32, assign: UInt8) {
            let share = L.share(g, d)
            let i = Int(truncatingIfNeeded: slot)
            if ins.pointee.flags & assign != 0 { adjoints[i] = share } else { adjoints[i] = adjoints[i] + share }
        }
        pass(da, to: ins.pointee.a, assign: TapeInstruction.assignA)
        if ins.pointee.flags & TapeInstruction.binary != 0 { pass(db, to: ins.pointee.b, assign: TapeInstruction.assignB) }
    }

    /// Value and local derivatives (∂/∂a, ∂/∂b) of one step, at one point or at every lane: the arithmetic steps as lane
    /// arithmetic, the others through the scalar kernels lane by lane.
    @inline(__always)
    static func step<L: TapeLane>(_ ins: UnsafePointer<TapeInstruction>, _ x: L, _ y: L) -> (L, L, L) {
        let zero = L.zero
        switch ins.pointee.opcode {
        case .constant:
            return (L(broadcast: ins.pointee.c), zero, zero)
        case .linear:
            return (ins.pointee.c * x + ins.pointee.k * y + ins.pointee.m, L(broadcast: ins.pointee.c), L(broadcast: ins.pointee.k))
        case .affine:
            return (ins.pointee.c * x + ins.pointee.k, L(broadcast: ins.pointee.c), zero)
        case .multiply:
            return (ins.pointee.c * x * y, ins.pointee.c * y, ins.pointee.c * x)
        case .divide:
            let v = ins.pointee.c * x / y
            return (v, ins.pointee.c / y, -v / y)
        case .reciprocal:
            let v = ins.pointee.c / x
            return (v, -v / x, zero)
        case .square:
            let t = ins.pointee.c * x + ins.pointee.k
            return (ins.pointee.m * (t * t), 2 * ins.pointee.m * ins.pointee.c * t, zero)
        case .exp:
            let v = ins.pointee.m * L.exp(ins.pointee.c * x + ins.pointee.k)
            return (v, ins.pointee.c * v, zero)
        case .sumOfSquares:
            let s = x + ins.pointee.k, t = y + ins.pointee.k2
            return (ins.pointee.c * (s * s) + ins.pointee.c2 * (t * t) + ins.pointee.m, 2 * ins.pointee.c * s, 2 * ins.pointee.c2 * t)
        case .gaussian:
            let s = x + ins.pointee.k, t = y + ins.pointee.k2
            let v = ins.pointee.m * L.exp(ins.pointee.c * (s * s) + ins.pointee.c2 * (t * t) + ins.pointee.n)
            return (v, 2 * ins.pointee.c * s * v, 2 * ins.pointee.c2 * t * v)
        case .cube:
            let x2 = x * x
            return (x2 * x, 3 * x2, zero)
        case .integerPower:
            var p = x
            var n = 2
            let target = Int(ins.pointee.c)
            while n < target {
                p = p * x
                n += 1
            }
            return (p * x, ins.pointee.c * p, zero)
        default:
            return L.kernels(ins, x, y)
        }
    }

    /// Value and local derivatives of the steps without a lane form (powers, sigmoid, the elementary functions,
    /// min and max), at one point. Out of line, so the arithmetic steps' loop stays small.
    @inline(never)
    static func kernel(_ ins: TapeInstruction, _ x: Double, _ y: Double) -> (Double, Double, Double) {
        switch ins.opcode {
        case .constantExponent:
            let (v, da, _) = TapeKernels.power(x, ins.c)
            return (v, da, 0)
        case .constantBase:
            let v = cPow(ins.c, x)
            return (v, v * ins.k, 0)
        case .power:
            return TapeKernels.power(x, y)
        case .sigmoid:
            let v = TapeKernels.sigmoid(x)
            return (v, v * (1 - v), 0)
        case .log, .sqrt, .sin, .cos, .tan, .tanh, .abs:
            let (v, da) = TapeKernels.apply(ins.function, x)
            return (v, da, 0)
        case .min:
            return TapeKernels.minimum(x, y)
        case .max:
            return TapeKernels.maximum(x, y)
        default:
            // The arithmetic steps have a lane form and never come here.
            preconditionFailure("no scalar kernel for \(ins.opcode)")
        }
    }

    /// f from the slot values.
    @inline(__always)
    private func output<L: TapeLane>(_ values: UnsafeMutablePointer<L>) -> L {
        var f = L(broadcast: outputOffset)
        for k in outputTerms.indices { f = f + outputTerms[k].weight * values[outputTerms[k].slot] }
        return f
    }
}
