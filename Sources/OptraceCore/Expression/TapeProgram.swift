/// A tape compiled for speed: a flat instruction array over input slots, run on caller-owned scratch.
///
/// Scratch layout (`scratchSize` doubles): values of every slot plus a sink slot, then their adjoints,
/// then the two local derivatives of every instruction. The caller writes the inputs to `scratch[0..<variableCount]`.
struct TapeProgram: Sendable {
    let variableCount: Int
    let instructions: [TapeInstruction]
    /// The slot holding f.
    let output: Int

    var slotCount: Int { variableCount + instructions.count }
    /// Index of the sink slot (value 0), the second operand of unary steps.
    var sink: Int { slotCount }
    var scratchSize: Int { 2 * (slotCount + 1) + 2 * instructions.count }
    /// Offset of the adjoints in the scratch.
    var adjointOffset: Int { slotCount + 1 }

    /// Clears the scratch (so the sink slot reads 0).
    func prepare(_ scratch: UnsafeMutablePointer<Double>) {
        scratch.initialize(repeating: 0, count: scratchSize)
    }

    /// Forward pass without derivatives; returns f.
    @inline(__always)
    func value(scratch: UnsafeMutablePointer<Double>) -> Double {
        instructions.withUnsafeBufferPointer { code in
            let values = scratch
            let base = variableCount
            for j in 0..<code.count {
                let ins = code[j]
                let x = values[Int(ins.a)]
                let y = values[Int(ins.b)]
                let v: Double
                switch ins.opcode {
                case .constant: v = ins.c
                case .linear: v = ins.c * x + ins.k * y + ins.m
                case .affine: v = ins.c * x + ins.k
                case .multiply: v = ins.c * x * y
                case .divide: v = ins.c * x / y
                case .reciprocal: v = ins.c / x
                case .square:
                    let t = ins.c * x + ins.k
                    v = ins.m * (t * t)
                case .exp: v = ins.m * cExp(ins.c * x + ins.k)
                case .cube: v = x * x * x
                case .integerPower:
                    var p = x
                    var n = 1
                    let target = Int(ins.c)
                    while n < target {
                        p *= x
                        n += 1
                    }
                    v = p
                case .constantExponent: v = cPow(x, ins.c)
                case .constantBase: v = cPow(ins.c, x)
                case .power: v = cPow(x, y)
                case .log: v = cLog(x)
                case .sqrt: v = x.squareRoot()
                case .sin: v = cSin(x)
                case .cos: v = cCos(x)
                case .tan: v = cTan(x)
                case .tanh: v = cTanh(x)
                case .sigmoid: v = TapeKernels.sigmoid(x)
                case .abs: v = Swift.abs(x)
                case .min: v = TapeKernels.minimum(x, y).0
                case .max: v = TapeKernels.maximum(x, y).0
                }
                values[base + j] = v
            }
            return values[output]
        }
    }

    /// Forward pass recording local derivatives, then one reverse sweep accumulating adjoints.
    /// Returns f; ∂f/∂input i is left in `scratch[adjointOffset + i]`.
    @inline(__always)
    func valueAndGradient(scratch: UnsafeMutablePointer<Double>) -> Double {
        instructions.withUnsafeBufferPointer { code in
            let values = scratch
            let adjoints = scratch + (slotCount + 1)
            let d0 = adjoints + (slotCount + 1)
            let d1 = d0 + code.count
            let base = variableCount
            for j in 0..<code.count {
                let ins = code[j]
                let x = values[Int(ins.a)]
                let y = values[Int(ins.b)]
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
                values[base + j] = v
                d0[j] = da
                d1[j] = db
            }
            // Inputs are the only slots that may be read by nobody, so they alone need clearing;
            // every other adjoint is first assigned by its last reader (flag `assignA`/`assignB`).
            for i in 0..<base { adjoints[i] = 0 }
            adjoints[output] = 1
            var j = code.count - 1
            while j >= 0 {
                let ins = code[j]
                let g = adjoints[base + j]
                // A zero local derivative blocks the flow, even of an infinite adjoint (0·∞ counts as 0).
                let da = d0[j]
                let ga = da == 0 ? 0 : g * da
                if ins.flags & TapeInstruction.assignA != 0 {
                    adjoints[Int(ins.a)] = ga
                } else {
                    adjoints[Int(ins.a)] += ga
                }
                if ins.flags & TapeInstruction.binary != 0 {
                    let db = d1[j]
                    let gb = db == 0 ? 0 : g * db
                    if ins.flags & TapeInstruction.assignB != 0 {
                        adjoints[Int(ins.b)] = gb
                    } else {
                        adjoints[Int(ins.b)] += gb
                    }
                }
                j -= 1
            }
            return values[output]
        }
    }
}

extension TapeInstruction {
    /// The function a plain unary opcode applies.
    var function: MathFunction {
        switch opcode {
        case .log: return .log
        case .sqrt: return .sqrt
        case .sin: return .sin
        case .cos: return .cos
        case .tan: return .tan
        case .tanh: return .tanh
        case .sigmoid: return .sigmoid
        case .exp: return .exp
        default: return .abs
        }
    }
}
