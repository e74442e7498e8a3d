/// The fast path for f(x, y) and ∇f: a compiled tape run on scratch buffers owned (and reused) by this value.
///
/// Make one per thread; each call writes only to its own scratch and allocates nothing.
public struct SurfaceEvaluator: GradientEvaluator, Sendable {
    private let program: TapeProgram
    private var scratch: TapeScratch<Double>
    /// Where ∂f/∂x and ∂f/∂y end up in the scratch. Kept as stored indices so the compiler reads them as two
    /// separate 8-byte loads: a merged 16-byte load of two values just stored one by one would miss
    /// store-to-load forwarding and stall.
    private let xAdjoint: Int
    private let yAdjoint: Int

    /// An evaluator for a tape over exactly two variables, read as (x, y) in the tape's variable order.
    public init(tape: Tape) {
        precondition(tape.variables.count == 2, "a surface tape has two variables, got \(tape.variables)")
        program = tape.program
        scratch = TapeScratch(count: program.scratchSize)
        xAdjoint = program.adjointOffset
        yAdjoint = program.adjointOffset + 1
    }

    public mutating func valueAndGradient(at p: Vec2) -> (value: Double, gradient: Vec2) {
        if !isKnownUniquelyReferenced(&scratch) { scratch = scratch.copy() }
        let s = scratch.pointer
        s[0] = p.x
        s[1] = p.y
        let f = program.valueAndGradient(scratch: s)
        return (f, Vec2(s[xAdjoint], s[yAdjoint]))
    }

    public mutating func value(at p: Vec2) -> Double {
        if !isKnownUniquelyReferenced(&scratch) { scratch = scratch.copy() }
        let s = scratch.pointer
        s[0] = p.x
        s[1] = p.y
        return program.value(scratch: s)
    }
}
