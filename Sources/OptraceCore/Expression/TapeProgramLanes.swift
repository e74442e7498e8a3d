/// Eight evaluation points side by side: one float64 per SIMD lane.
public typealias Lanes = SIMD8<Double>

extension TapeProgram {
    /// `valueAndGradient(scratch:)` for eight points at once, one per lane of a `Lanes` scratch.
    ///
    /// Every lane performs exactly the scalar program's operations in the same order (plain SIMD
    /// arithmetic for the arithmetic steps, the scalar kernels lane by lane for the others), so each
    /// lane's f and ∇f are bit-identical to a scalar evaluation at that lane's point. Inputs go to
    /// `scratch[0..<variableCount]`; ∂f/∂input i is left in `scratch[adjointOffset + i]`.
    @inline(__always)
    func valueAndGradient(lanes scratch: UnsafeMutablePointer<Lanes>) -> Lanes {
        instructions.withUnsafeBufferPointer { code in
            let values = scratch
            let count = code.count
            let adjoints = scratch + adjointOffset
            let d0 = adjoints + adjointOffset
            let d1 = d0 + count
            for i in unreadInputs { adjoints[i] = Lanes(repeating: 0) }
            for term in outputTerms { adjoints[term.slot] = Lanes(repeating: term.weight) }
            var index = 0
            var out = values + variableCount
            while index < sweepCount {
                let ins = code[index]
                let (v, da, db) = Self.laneStep(
                    ins, values[Int(truncatingIfNeeded: ins.a)], values[Int(truncatingIfNeeded: ins.b)])
                out.pointee = v
                d0[index] = da
                d1[index] = db
                out += 1
                index += 1
            }
            while index < count {
                let ins = code[index]
                let (v, da, db) = Self.laneStep(
                    ins, values[Int(truncatingIfNeeded: ins.a)], values[Int(truncatingIfNeeded: ins.b)])
                out.pointee = v
                Self.lanePropagate(ins, adjoints[variableCount &+ index], da, db, adjoints)
                out += 1
                index += 1
            }
            var j = sweepCount
            while j > 0 {
                j &-= 1
                Self.lanePropagate(code[j], adjoints[variableCount &+ j], d0[j], d1[j], adjoints)
            }
            var f = Lanes(repeating: outputOffset)
            for term in outputTerms { f += term.weight * values[term.slot] }
            return f
        }
    }

    /// `propagate` lane by lane: a zero local derivative blocks the flow, even of an infinite adjoint.
    @inline(__always)
    static func lanePropagate(
        _ ins: TapeInstruction, _ g: Lanes, _ da: Lanes, _ db: Lanes, _ adjoints: UnsafeMutablePointer<Lanes>
    ) {
        let zero = Lanes(repeating: 0)
        let ga = (g * da).replacing(with: zero, where: da .== zero)
        let a = Int(truncatingIfNeeded: ins.a)
        if ins.flags & TapeInstruction.assignA != 0 {
            adjoints[a] = ga
        } else {
            adjoints[a] += ga
        }
        if ins.flags & TapeInstruction.binary != 0 {
            let gb = (g * db).replacing(with: zero, where: db .== zero)
            let b = Int(truncatingIfNeeded: ins.b)
            if ins.flags & TapeInstruction.assignB != 0 {
                adjoints[b] = gb
            } else {
                adjoints[b] += gb
            }
        }
    }

    /// `step` lane by lane: value and local derivatives of one instruction at eight points.
    @inline(__always)
    static func laneStep(_ ins: TapeInstruction, _ x: Lanes, _ y: Lanes) -> (Lanes, Lanes, Lanes) {
        let zero = Lanes(repeating: 0)
        switch ins.opcode {
        case .constant:
            return (Lanes(repeating: ins.c), zero, zero)
        case .linear:
            return (ins.c * x + ins.k * y + ins.m, Lanes(repeating: ins.c), Lanes(repeating: ins.k))
        case .affine:
            return (ins.c * x + ins.k, Lanes(repeating: ins.c), zero)
        case .multiply:
            return (ins.c * x * y, ins.c * y, ins.c * x)
        case .divide:
            let v = ins.c * x / y
            return (v, ins.c / y, -v / y)
        case .reciprocal:
            let v = ins.c / x
            return (v, -v / x, zero)
        case .square:
            let t = ins.c * x + ins.k
            return (ins.m * (t * t), 2 * ins.m * ins.c * t, zero)
        case .exp:
            let argument = ins.c * x + ins.k
            var e = zero
            for i in 0..<Lanes.scalarCount { e[i] = cExp(argument[i]) }
            let v = ins.m * e
            return (v, ins.c * v, zero)
        case .sumOfSquares:
            let s = x + ins.k, t = y + ins.k2
            return (ins.c * (s * s) + ins.c2 * (t * t) + ins.m, 2 * ins.c * s, 2 * ins.c2 * t)
        case .gaussian:
            let s = x + ins.k, t = y + ins.k2
            let argument = ins.c * (s * s) + ins.c2 * (t * t) + ins.n
            var e = zero
            for i in 0..<Lanes.scalarCount { e[i] = cExp(argument[i]) }
            let v = ins.m * e
            return (v, 2 * ins.c * s * v, 2 * ins.c2 * t * v)
        case .cube:
            let x2 = x * x
            return (x2 * x, 3 * x2, zero)
        case .integerPower:
            var p = x
            var n = 2
            let target = Int(ins.c)
            while n < target {
                p *= x
                n += 1
            }
            return (p * x, ins.c * p, zero)
        default:
            var v = zero, da = zero, db = zero
            for i in 0..<Lanes.scalarCount {
                (v[i], da[i], db[i]) = step(ins, x[i], y[i])
            }
            return (v, da, db)
        }
    }
}
