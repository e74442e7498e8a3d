/// One step of a compiled tape: an opcode, up to two operand slots and two constants.
///
/// The result goes to slot `variableCount + index`. Unary steps point `b` at the sink slot.
struct TapeInstruction: Sendable, Hashable {
    enum Opcode: UInt8, Sendable {
        case constant          // c
        case add               // a + b
        case subtract          // a - b
        case multiply          // a * b
        case divide            // a / b
        case affine            // c·a + k
        case reciprocal        // c / a
        case square            // a²
        case affineSquare      // (c·a + k)²
        case cube              // a³
        case integerPower      // a^n, n = c in 4…16
        case constantExponent  // a^c
        case constantBase      // c^a (k = log c, or 0 when c ≤ 0)
        case power             // a^b
        case exp, log, sqrt, sin, cos, tan, tanh, sigmoid, abs
        case min, max
    }

    var opcode: Opcode
    var a: Int32
    var b: Int32
    var c: Double = 0
    var k: Double = 0

    static func == (l: TapeInstruction, r: TapeInstruction) -> Bool {
        l.opcode == r.opcode && l.a == r.a && l.b == r.b
            && l.c.bitPattern == r.c.bitPattern && l.k.bitPattern == r.k.bitPattern
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(opcode)
        hasher.combine(a)
        hasher.combine(b)
        hasher.combine(c.bitPattern)
        hasher.combine(k.bitPattern)
    }
}
