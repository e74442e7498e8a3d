/// One step of a compiled tape: an opcode, up to two operand slots and up to six constants.
///
/// The result goes to slot `variableCount + index`. Unary steps point `b` at the sink slot.
/// `flags` tell the reverse sweep whether an operand's adjoint is assigned (its last reader in forward
/// order) or accumulated, and whether `b` is an operand at all.
struct TapeInstruction: Sendable, Hashable {
    enum Opcode: UInt8, Sendable {
        case constant          // c
        case linear            // c·a + k·b + m
        case affine            // c·a + k
        case multiply          // c·a·b
        case divide            // c·a / b
        case reciprocal        // c / a
        case square            // m·(c·a + k)²
        case exp               // m·exp(c·a + k)
        case sumOfSquares      // c·(a + k)² + c2·(b + k2)² + m
        case gaussian          // m·exp(c·(a + k)² + c2·(b + k2)² + n)
        case cube              // a³
        case integerPower      // a^n, n = c in 4…16
        case constantExponent  // a^c
        case constantBase      // c^a (k = log c, or 0 when c ≤ 0)
        case power             // a^b
        case log, sqrt, sin, cos, tan, tanh, sigmoid, abs
        case min, max
    }

    static let assignA: UInt8 = 1
    static let assignB: UInt8 = 2
    static let binary: UInt8 = 4

    var opcode: Opcode
    var flags: UInt8 = 0
    var a: Int32
    var b: Int32
    var c: Double = 0
    var k: Double = 0
    var m: Double = 0
    var c2: Double = 0
    var k2: Double = 0
    var n: Double = 0

    static func == (l: TapeInstruction, r: TapeInstruction) -> Bool {
        l.opcode == r.opcode && l.a == r.a && l.b == r.b && l.c.bitPattern == r.c.bitPattern
            && l.k.bitPattern == r.k.bitPattern && l.m.bitPattern == r.m.bitPattern
            && l.c2.bitPattern == r.c2.bitPattern && l.k2.bitPattern == r.k2.bitPattern && l.n.bitPattern == r.n.bitPattern
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(opcode)
        hasher.combine(a)
        hasher.combine(b)
        hasher.combine(c.bitPattern)
        hasher.combine(k.bitPattern)
        hasher.combine(m.bitPattern)
        hasher.combine(c2.bitPattern)
        hasher.combine(k2.bitPattern)
        hasher.combine(n.bitPattern)
    }

    /// Whether `b` is a real operand (otherwise it points at the sink).
    var readsB: Bool {
        switch opcode {
        case .linear, .sumOfSquares, .gaussian, .multiply, .divide, .power, .min, .max: return true
        default: return false
        }
    }

    /// Whether `a` is a real operand (everything but constants).
    var readsA: Bool { opcode != .constant }
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

    /// Whether every coefficient is finite (folding multiplies them; inf·0 would make NaN).
    var coefficientsAreFinite: Bool {
        c.isFinite && k.isFinite && m.isFinite && c2.isFinite && k2.isFinite && n.isFinite
    }
}
