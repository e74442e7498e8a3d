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
    func value(scratch: UnsafeMutablePointer<Double>) -> Double {
        instructions.withUnsafeBufferPointer { code in
            let values = scratch
            var ip = code.baseAddress!
            let end = ip + code.count
            var out = values + variableCount
            while ip < end {
                let ins = ip.pointee
                let x = values[Int(truncatingIfNeeded: ins.a)]
                let y = values[Int(truncatingIfNeeded: ins.b)]
                // The same kernel as the gradient pass, so f is the same to the last bit either way.
                let v = Self.step(ins, x, y).0
                out.pointee = v
                out += 1
                ip += 1
            }
            return output(values)
        }
    }

    /// Forward pass recording local derivatives, then one reverse sweep accumulating adjoints.
    /// Returns f; ∂f/∂input i is left in `scratch[adjointOffset + i]`.
    ///
    /// The output sum seeds its slots' adjoints before the forward pass. Steps read only by that sum (the last
    /// `count − sweepCount` steps, typically whole surface terms) therefore know their final adjoint as soon as
    /// they are computed, and pass it on to their operands right away; the reverse sweep covers the rest.
    @inline(__always)
    func valueAndGradient(scratch: UnsafeMutablePointer<Double>) -> Double {
        instructions.withUnsafeBufferPointer { code in
            // Pointer walking with unchecked arithmetic: this loop is the race's innermost code.
            let values = scratch
            let count = code.count
            let adjoints = scratch + adjointOffset
            let d0 = adjoints + adjointOffset
            let d1 = d0 + count
            for i in unreadInputs { adjoints[i] = 0 }
            for term in outputTerms { adjoints[term.slot] = term.weight }
            var ip = code.baseAddress!
            let sweepEnd = ip + sweepCount
            let end = ip + count
            var out = values + variableCount
            var p0 = d0, p1 = d1
            while ip < sweepEnd {
                let ins = ip.pointee
                let (v, da, db) = Self.step(
                    ins, values[Int(truncatingIfNeeded: ins.a)], values[Int(truncatingIfNeeded: ins.b)])
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
                let ins = ip.pointee
                let (v, da, db) = Self.step(
                    ins, values[Int(truncatingIfNeeded: ins.a)], values[Int(truncatingIfNeeded: ins.b)])
                out.pointee = v
                Self.propagate(ins, slot.pointee, da, db, adjoints)
                out += 1
                slot += 1
                ip += 1
            }
            var j = sweepCount
            while j > 0 {
                j &-= 1
                Self.propagate(code[j], adjoints[variableCount &+ j], d0[j], d1[j], adjoints)
            }
            return output(values)
        }
    }

    /// Passes a step's adjoint `g` to its operands: assigned at their last reader, accumulated otherwise.
    /// A zero local derivative blocks the flow, even of an infinite adjoint (0·∞ counts as 0).
    @inline(__always)
    static func propagate(_ ins: TapeInstruction, _ g: Double, _ da: Double, _ db: Double, _ adjoints: UnsafeMutablePointer<Double>) {
        // Assigned at the operand's last reader, accumulated before.
        @inline(__always) func pass(_ d: Double, to slot: Int32, assign: UInt8) {
            let share = d == 0 ? 0 : g * d
            let i = Int(truncatingIfNeeded: slot)
            if ins.flags & assign != 0 { adjoints[i] = share } else { adjoints[i] += share }
        }
        pass(da, to: ins.a, assign: TapeInstruction.assignA)
        if ins.flags & TapeInstruction.binary != 0 { pass(db, to: ins.b, assign: TapeInstruction.assignB) }
    }

    /// Value and local derivatives (∂/∂a, ∂/∂b) of one step.
    @inline(__always)
    static func step(_ ins: TapeInstruction, _ x: Double, _ y: Double) -> (Double, Double, Double) {
        var v: Double
        var da: Double
        var db: Double = 0
        switch ins.opcode {
        case .constant:
            v = ins.c
            da = 0
        case .linear:
            v = ins.c * x + ins.k * y + ins.m
            da = ins.c
            db = ins.k
        case .affine:
            v = ins.c * x + ins.k
            da = ins.c
        case .multiply:
            v = ins.c * x * y
            da = ins.c * y
            db = ins.c * x
        case .divide:
            v = ins.c * x / y
            da = ins.c / y
            db = -v / y
        case .reciprocal:
            v = ins.c / x
            da = -v / x
        case .square:
            let t = ins.c * x + ins.k
            v = ins.m * (t * t)
            da = 2 * ins.m * ins.c * t
        case .exp:
            v = ins.m * cExp(ins.c * x + ins.k)
            da = ins.c * v
        case .sumOfSquares:
            let s = x + ins.k, t = y + ins.k2
            v = ins.c * (s * s) + ins.c2 * (t * t) + ins.m
            da = 2 * ins.c * s
            db = 2 * ins.c2 * t
        case .gaussian:
            let s = x + ins.k, t = y + ins.k2
            v = ins.m * cExp(ins.c * (s * s) + ins.c2 * (t * t) + ins.n)
            da = 2 * ins.c * s * v
            db = 2 * ins.c2 * t * v
        case .cube:
            let x2 = x * x
            v = x2 * x
            da = 3 * x2
        case .integerPower:
            var p = x
            var n = 2
            let target = Int(ins.c)
            while n < target {
                p *= x
                n += 1
            }
            v = p * x
            da = ins.c * p
        case .constantExponent:
            (v, da, _) = TapeKernels.power(x, ins.c)
        case .constantBase:
            v = cPow(ins.c, x)
            da = v * ins.k
        case .power:
            (v, da, db) = TapeKernels.power(x, y)
        case .sigmoid:
            v = TapeKernels.sigmoid(x)
            da = v * (1 - v)
        case .log, .sqrt, .sin, .cos, .tan, .tanh, .abs:
            (v, da) = TapeKernels.apply(ins.function, x)
        case .min:
            (v, da, db) = TapeKernels.minimum(x, y)
        case .max:
            (v, da, db) = TapeKernels.maximum(x, y)
        }
        return (v, da, db)
    }

    /// f from the slot values.
    @inline(__always)
    private func output(_ values: UnsafeMutablePointer<Double>) -> Double {
        var f = outputOffset
        for term in outputTerms { f += term.weight * values[term.slot] }
        return f
    }
}
