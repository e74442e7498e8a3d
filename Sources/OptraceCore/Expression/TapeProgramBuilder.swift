/// Compiles a `TapeGraph` into a `TapeProgram`: constant folding, fused and specialised opcodes
/// (weighted sums, sums of two scaled squares, Gaussians, scaled squares and exponentials of affine steps,
/// small integer powers), common-subexpression sharing, a flattened top-level sum evaluated outside the
/// instruction loop, dead-step removal and assign/accumulate flags for the reverse sweep.
struct TapeProgramBuilder {
    private enum Operand {
        case constant(Double)
        case slot(Int)
    }

    /// Placeholder for "no second operand" until the sink slot's index is known.
    private static let noOperand: Int32 = -1

    private let variableCount: Int
    private var instructions: [TapeInstruction] = []
    private var shared: [TapeInstruction: Int] = [:]

    static func compile(_ graph: TapeGraph) -> TapeProgram {
        var builder = TapeProgramBuilder(variableCount: graph.variables.count)
        return builder.build(graph)
    }

    private init(variableCount: Int) {
        self.variableCount = variableCount
    }

    private mutating func build(_ graph: TapeGraph) -> TapeProgram {
        var operands: [Operand] = []
        operands.reserveCapacity(graph.nodes.count)
        for node in graph.nodes {
            let inputs = node.inputs.map { operands[$0] }
            operands.append(lower(node.operation, inputs))
        }
        switch operands[graph.root] {
        case let .slot(slot): return finish(terms: [OutputTerm(slot: slot, weight: 1)], offset: Self.noOffset)
        case let .constant(value): return finish(terms: [], offset: value)
        }
    }

    // MARK: Lowering

    private mutating func lower(_ operation: TapeGraph.Operation, _ x: [Operand]) -> Operand {
        switch operation {
        case let .input(slot):
            return .slot(slot)
        case let .constant(value, _):
            return .constant(value)
        case .negate:
            switch x[0] {
            case let .constant(c): return .constant(-c)
            case let .slot(s): return affine(s, -1, Self.noOffset)
            }
        case let .binary(op):
            return lower(op, x[0], x[1])
        case let .call(function):
            if function.arity == 2 {
                if case let .constant(a) = x[0], case let .constant(b) = x[1] {
                    let folded = function == .min ? TapeKernels.minimum(a, b) : TapeKernels.maximum(a, b)
                    return .constant(folded.0)
                }
                let a = materialize(x[0]), b = materialize(x[1])
                return emit(TapeInstruction(opcode: function == .min ? .min : .max, a: Int32(a), b: Int32(b)))
            }
            switch x[0] {
            case let .constant(c): return .constant(TapeKernels.value(function, c))
            case let .slot(s):
                if function == .exp { return exponential(s) }
                return emit(TapeInstruction(opcode: Self.opcode(of: function), a: Int32(s), b: Self.noOperand))
            }
        }
    }

    private mutating func lower(_ op: BinaryOperator, _ l: Operand, _ r: Operand) -> Operand {
        switch (op, l, r) {
        case let (.power, .constant(a), .constant(b)):
            return .constant(TapeKernels.power(a, b).0)
        case let (_, .constant(a), .constant(b)):
            switch op {
            case .add: return .constant(a + b)
            case .subtract: return .constant(a - b)
            case .multiply: return .constant(a * b)
            case .divide: return .constant(a / b)
            case .power: return .constant(TapeKernels.power(a, b).0)
            }
        case let (.add, .slot(s), .constant(c)), let (.add, .constant(c), .slot(s)):
            return affine(s, 1, c)
        case let (.subtract, .slot(s), .constant(c)):
            return affine(s, 1, -c)
        case let (.subtract, .constant(c), .slot(s)):
            return affine(s, -1, c)
        case let (.multiply, .slot(s), .constant(c)), let (.multiply, .constant(c), .slot(s)):
            return affine(s, c, Self.noOffset)
        case let (.divide, .slot(s), .constant(c)):
            // x/c as (1/c)·x only while 1/c is finite: x/0 and x/1e-310 stay divisions.
            if (1 / c).isFinite { return affine(s, 1 / c, Self.noOffset) }
            return emit(TapeInstruction(opcode: .divide, a: Int32(s), b: Int32(materialize(.constant(c))), c: 1))
        case let (.divide, .constant(c), .slot(s)):
            return emit(TapeInstruction(opcode: .reciprocal, a: Int32(s), b: Self.noOperand, c: c))
        case let (.power, .slot(s), .constant(n)):
            return power(s, n)
        case let (.power, .constant(c), .slot(s)):
            if c == MathConstant.e.value { return exponential(s) }
            return emit(TapeInstruction(opcode: .constantBase, a: Int32(s), b: Self.noOperand, c: c, k: c > 0 ? cLog(c) : 0))
        case let (_, .slot(a), .slot(b)):
            switch op {
            case .add: return linear(a, 1, b, 1)
            case .subtract: return linear(a, 1, b, -1)
            case .multiply:
                if a == b { return square(a) }
                return emit(TapeInstruction(opcode: .multiply, a: Int32(Swift.min(a, b)), b: Int32(Swift.max(a, b)), c: 1))
            case .divide: return emit(TapeInstruction(opcode: .divide, a: Int32(a), b: Int32(b), c: 1))
            case .power: return emit(TapeInstruction(opcode: .power, a: Int32(a), b: Int32(b)))
            }
        }
    }

    /// p·a + q·b, absorbing affine producers of a and b into the weights and offset.
    private mutating func linear(_ a: Int, _ p: Double, _ b: Int, _ q: Double) -> Operand {
        var (a, p, b, q, offset) = (a, p, b, q, Self.noOffset)
        if let inner = instruction(at: a), inner.opcode == .affine, p.isFinite, inner.coefficientsAreFinite {
            (a, offset) = (Int(inner.a), p * inner.k)
            p *= inner.c
        }
        if let inner = instruction(at: b), inner.opcode == .affine, q.isFinite, inner.coefficientsAreFinite {
            b = Int(inner.a)
            offset += q * inner.k
            q *= inner.c
        }
        if a > b { (a, p, b, q) = (b, q, a, p) }
        if let first = instruction(at: a), let second = instruction(at: b),
           first.opcode == .square, second.opcode == .square, first.c != 0, second.c != 0 {
            // p·m₁(c₁x + k₁)² + q·m₂(c₂y + k₂)² = p·m₁c₁²·(x + k₁/c₁)² + q·m₂c₂²·(y + k₂/c₂)²
            return emit(TapeInstruction(
                opcode: .sumOfSquares, a: first.a, b: second.a,
                c: p * first.m * first.c * first.c, k: first.k / first.c, m: offset,
                c2: q * second.m * second.c * second.c, k2: second.k / second.c))
        }
        return emit(TapeInstruction(opcode: .linear, a: Int32(a), b: Int32(b), c: p, k: q, m: offset))
    }

    /// s^n for a constant n, picking the cheapest exact-enough opcode.
    private mutating func power(_ s: Int, _ n: Double) -> Operand {
        switch n {
        case 1: return .slot(s)
        case 0: return .constant(1)
        case 2: return square(s)
        case 3: return emit(TapeInstruction(opcode: .cube, a: Int32(s), b: Self.noOperand))
        case 0.5: return emit(TapeInstruction(opcode: .sqrt, a: Int32(s), b: Self.noOperand))
        case -1: return emit(TapeInstruction(opcode: .reciprocal, a: Int32(s), b: Self.noOperand, c: 1))
        case 4...16 where n == n.rounded():
            return emit(TapeInstruction(opcode: .integerPower, a: Int32(s), b: Self.noOperand, c: n))
        default:
            return emit(TapeInstruction(opcode: .constantExponent, a: Int32(s), b: Self.noOperand, c: n))
        }
    }

    /// c·s + k, merged into the step that produced s when that step can absorb it.
    /// The additive identity for offsets the compiler introduces: −0, since v + (−0) = v for every v
    /// (including −0), while v + 0 would turn −0 into +0 and so flip the sign of a later division by it.
    static let noOffset = -0.0

    private mutating func affine(_ s: Int, _ c: Double, _ k: Double) -> Operand {
        // Folding into the producer multiplies coefficients: only with finite ones (inf·0 would be NaN).
        if let inner = instruction(at: s), c.isFinite, k.isFinite, inner.coefficientsAreFinite {
            var merged = inner
            switch inner.opcode {
            case .affine:
                merged.c = c * inner.c
                merged.k = c * inner.k + k
                if merged.c == 1 && merged.k == 0 { return .slot(Int(inner.a)) }
                return emit(merged)
            case .linear:
                merged.c = c * inner.c
                merged.k = c * inner.k
                merged.m = c * inner.m + k
                return emit(merged)
            case .sumOfSquares:
                merged.c = c * inner.c
                merged.c2 = c * inner.c2
                merged.m = c * inner.m + k
                return emit(merged)
            case .square where k == 0, .exp where k == 0, .gaussian where k == 0:
                merged.m = c * inner.m
                return emit(merged)
            case .multiply where k == 0, .divide where k == 0:
                merged.c = c * inner.c
                return emit(merged)
            default:
                break
            }
        }
        if c == 1 && k == 0 { return .slot(s) }
        return emit(TapeInstruction(opcode: .affine, a: Int32(s), b: Self.noOperand, c: c, k: k))
    }

    /// exp(s): a Gaussian when s is a sum of two squares, else m·exp(c·x + k) over an affine producer.
    private mutating func exponential(_ s: Int) -> Operand {
        if let inner = instruction(at: s), inner.opcode == .sumOfSquares {
            var gaussian = inner
            gaussian.opcode = .gaussian
            gaussian.m = 1
            gaussian.n = inner.m
            return emit(gaussian)
        }
        return unaryOfAffine(.exp, s)
    }

    /// s², fused with an affine producer into (c·x + k)².
    private mutating func square(_ s: Int) -> Operand {
        unaryOfAffine(.square, s)
    }

    /// m·g(c·x + k) for g = square or exp, taking c and k from an affine producer of s.
    private mutating func unaryOfAffine(_ opcode: TapeInstruction.Opcode, _ s: Int) -> Operand {
        if let inner = instruction(at: s), inner.opcode == .affine {
            return emit(TapeInstruction(opcode: opcode, a: inner.a, b: Self.noOperand, c: inner.c, k: inner.k, m: 1))
        }
        return emit(TapeInstruction(opcode: opcode, a: Int32(s), b: Self.noOperand, c: 1, k: 0, m: 1))
    }

    private func instruction(at slot: Int) -> TapeInstruction? {
        slot >= variableCount ? instructions[slot - variableCount] : nil
    }

    private mutating func materialize(_ operand: Operand) -> Int {
        switch operand {
        case let .slot(s): return s
        case let .constant(c):
            guard case let .slot(s) = emit(TapeInstruction(opcode: .constant, a: Self.noOperand, b: Self.noOperand, c: c)) else { return 0 }
            return s
        }
    }

    /// Appends an instruction, or reuses an identical earlier one.
    private mutating func emit(_ instruction: TapeInstruction) -> Operand {
        if let slot = shared[instruction] { return .slot(slot) }
        instructions.append(instruction)
        let slot = variableCount + instructions.count - 1
        shared[instruction] = slot
        return .slot(slot)
    }

    private static func opcode(of function: MathFunction) -> TapeInstruction.Opcode {
        switch function {
        case .exp: return .exp
        case .log: return .log
        case .sqrt: return .sqrt
        case .sin: return .sin
        case .cos: return .cos
        case .tan: return .tan
        case .tanh: return .tanh
        case .sigmoid: return .sigmoid
        case .abs: return .abs
        case .min: return .min
        case .max: return .max
        }
    }

    // MARK: Dead-step removal and renumbering

    private func finish(terms: [OutputTerm], offset: Double) -> TapeProgram {
        // Flatten the top-level weighted sum (linear and affine steps) into output terms.
        var offset = offset
        var flat: [OutputTerm] = []
        var pending = Array(terms.reversed())
        while let term = pending.popLast() {
            let flattenable = term.weight.isFinite && (instruction(at: term.slot)?.coefficientsAreFinite ?? false)
            if let ins = instruction(at: term.slot), ins.opcode == .linear, flattenable {
                offset += term.weight * ins.m
                pending.append(OutputTerm(slot: Int(ins.b), weight: term.weight * ins.k))
                pending.append(OutputTerm(slot: Int(ins.a), weight: term.weight * ins.c))
            } else if let ins = instruction(at: term.slot), ins.opcode == .affine, flattenable {
                offset += term.weight * ins.k
                pending.append(OutputTerm(slot: Int(ins.a), weight: term.weight * ins.c))
            } else if let i = flat.firstIndex(where: { $0.slot == term.slot }) {
                flat[i].weight += term.weight
            } else {
                flat.append(term)
            }
        }

        var live = [Bool](repeating: false, count: variableCount + instructions.count)
        for term in flat { live[term.slot] = true }
        for j in instructions.indices.reversed() where live[variableCount + j] {
            let ins = instructions[j]
            if ins.a >= 0 { live[Int(ins.a)] = true }
            if ins.b >= 0 { live[Int(ins.b)] = true }
        }
        // Steps read by no other live step (only by the output sum) go last: their adjoint is known when they run.
        var readByStep = [Bool](repeating: false, count: variableCount + instructions.count)
        for j in instructions.indices where live[variableCount + j] {
            let ins = instructions[j]
            if ins.readsA { readByStep[Int(ins.a)] = true }
            if ins.readsB { readByStep[Int(ins.b)] = true }
        }
        let liveSteps = instructions.indices.filter { live[variableCount + $0] }
        let swept = liveSteps.filter { readByStep[variableCount + $0] }
        let early = liveSteps.filter { !readByStep[variableCount + $0] }
        var newSlot = Array(0..<variableCount) + [Int](repeating: -1, count: instructions.count)
        var kept: [TapeInstruction] = []
        for j in swept + early {
            newSlot[variableCount + j] = variableCount + kept.count
            kept.append(instructions[j])
        }
        let sink = Int32(variableCount + kept.count)
        for j in kept.indices {
            kept[j].a = kept[j].a >= 0 ? Int32(newSlot[Int(kept[j].a)]) : sink
            kept[j].b = kept[j].b >= 0 ? Int32(newSlot[Int(kept[j].b)]) : sink
        }
        let outputTerms = flat.map { OutputTerm(slot: newSlot[$0.slot], weight: $0.weight) }
        // Adjoint write order: the output sum seeds its slots, then the early steps run forward, then the
        // reverse sweep runs backward. The first writer of a slot assigns its adjoint, later ones accumulate;
        // only inputs nobody writes are cleared.
        var assigned = [Bool](repeating: false, count: variableCount + kept.count + 1)
        for term in outputTerms { assigned[term.slot] = true }
        let sweepCount = swept.count
        for j in Array(sweepCount..<kept.count) + Array((0..<sweepCount).reversed()) {
            var flags: UInt8 = 0
            if kept[j].readsA {
                let a = Int(kept[j].a)
                if !assigned[a] {
                    assigned[a] = true
                    flags |= TapeInstruction.assignA
                }
            }
            if kept[j].readsB {
                flags |= TapeInstruction.binary
                let b = Int(kept[j].b)
                if !assigned[b] {
                    assigned[b] = true
                    flags |= TapeInstruction.assignB
                }
            }
            kept[j].flags = flags
        }
        let unread = (0..<variableCount).filter { !assigned[$0] }
        return TapeProgram(
            variableCount: variableCount, instructions: kept, outputTerms: outputTerms, outputOffset: offset,
            unreadInputs: unread, sweepCount: sweepCount)
    }
}
