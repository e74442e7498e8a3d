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
            // Index loops: iterating the arrays would retain and release them on every call.
            for k in unreadInputs.indices { adjoints[unreadInputs[k]] = Lanes(repeating: 0) }
            for k in outputTerms.indices { adjoints[outputTerms[k].slot] = Lanes(repeating: outputTerms[k].weight) }
            var index = 0
            var out = values + variableCount
            let base = code.baseAddress!
            while index < sweepCount {
                let ins = base + index
                let (v, da, db) = Self.laneStep(
                    ins, values[Int(truncatingIfNeeded: ins.pointee.a)], values[Int(truncatingIfNeeded: ins.pointee.b)])
                out.pointee = v
                d0[index] = da
                d1[index] = db
                out += 1
                index += 1
            }
            while index < count {
                let ins = base + index
                let (v, da, db) = Self.laneStep(
                    ins, values[Int(truncatingIfNeeded: ins.pointee.a)], values[Int(truncatingIfNeeded: ins.pointee.b)])
                out.pointee = v
                Self.lanePropagate(ins, adjoints[variableCount &+ index], da, db, adjoints)
                out += 1
                index += 1
            }
            var j = sweepCount
            while j > 0 {
                j &-= 1
                Self.lanePropagate(base + j, adjoints[variableCount &+ j], d0[j], d1[j], adjoints)
            }
            var f = Lanes(repeating: outputOffset)
            for k in outputTerms.indices { f += outputTerms[k].weight * values[outputTerms[k].slot] }
            return f
        }
    }

    /// exp of every lane, bit-identical to the scalar program's `cExp` lane by lane.
    @inline(__always)
    static func laneExp(_ a: Lanes) -> Lanes {
        Exponential.exp(a)
    }

    /// `propagate` lane by lane: a zero local derivative blocks the flow, even of an infinite adjoint.
    @inline(__always)
    static func lanePropagate(
        _ ins: UnsafePointer<TapeInstruction>, _ g: Lanes, _ da: Lanes, _ db: Lanes, _ adjoints: UnsafeMutablePointer<Lanes>
    ) {
        let zero = Lanes(repeating: 0)
        // Assigned at the operand's last reader, accumulated before.
        @inline(__always) func pass(_ d: Lanes, to slot: Int32, assign: UInt8) {
            let share = (g * d).kept(where: d .!= zero)
            let i = Int(truncatingIfNeeded: slot)
            if ins.pointee.flags & assign != 0 { adjoints[i] = share } else { adjoints[i] += share }
        }
        pass(da, to: ins.pointee.a, assign: TapeInstruction.assignA)
        if ins.pointee.flags & TapeInstruction.binary != 0 { pass(db, to: ins.pointee.b, assign: TapeInstruction.assignB) }
    }

    /// `step` lane by lane: value and local derivatives of one instruction at eight points.
    @inline(__always)
    static func laneStep(_ pointer: UnsafePointer<TapeInstruction>, _ x: Lanes, _ y: Lanes) -> (Lanes, Lanes, Lanes) {
        let zero = Lanes(repeating: 0)
        // Fields are read from the instruction array itself, never from a copy just stored on the stack.
        let ins = pointer
        switch ins.pointee.opcode {
        case .constant:
            return (Lanes(repeating: ins.pointee.c), zero, zero)
        case .linear:
            return (ins.pointee.c * x + ins.pointee.k * y + ins.pointee.m, Lanes(repeating: ins.pointee.c), Lanes(repeating: ins.pointee.k))
        case .affine:
            return (ins.pointee.c * x + ins.pointee.k, Lanes(repeating: ins.pointee.c), zero)
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
            let v = ins.pointee.m * laneExp(ins.pointee.c * x + ins.pointee.k)
            return (v, ins.pointee.c * v, zero)
        case .sumOfSquares:
            let s = x + ins.pointee.k, t = y + ins.pointee.k2
            return (ins.pointee.c * (s * s) + ins.pointee.c2 * (t * t) + ins.pointee.m, 2 * ins.pointee.c * s, 2 * ins.pointee.c2 * t)
        case .gaussian:
            let s = x + ins.pointee.k, t = y + ins.pointee.k2
            let v = ins.pointee.m * laneExp(ins.pointee.c * (s * s) + ins.pointee.c2 * (t * t) + ins.pointee.n)
            return (v, 2 * ins.pointee.c * s * v, 2 * ins.pointee.c2 * t * v)
        case .cube:
            let x2 = x * x
            return (x2 * x, 3 * x2, zero)
        case .integerPower:
            var p = x
            var n = 2
            let target = Int(ins.pointee.c)
            while n < target {
                p *= x
                n += 1
            }
            return (p * x, ins.pointee.c * p, zero)
        default:
            var v = zero, da = zero, db = zero
            for i in 0..<Lanes.scalarCount {
                (v[i], da[i], db[i]) = step(ins.pointee, x[i], y[i])
            }
            return (v, da, db)
        }
    }
}
