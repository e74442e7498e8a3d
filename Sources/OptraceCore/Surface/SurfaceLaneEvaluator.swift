/// f and ∇f at eight points at once (one per SIMD lane), each lane bit-identical to `SurfaceEvaluator`.
///
/// The batched form of the tape's fast path, used by sweeps and start maps: the interpreter's
/// dispatch is paid once per instruction for eight points. Make one per thread.
public struct SurfaceLaneEvaluator: Sendable {
    private let program: TapeProgram
    private var scratch: [Lanes]

    /// An evaluator for a surface tape over (x, y).
    public init(surface: Surface) {
        let tape = surface.tape
        precondition(tape.variables.count == 2, "a surface tape has two variables, got \(tape.variables)")
        program = tape.program
        scratch = [Lanes](repeating: Lanes(repeating: 0), count: program.scratchSize)
    }

    /// f and (∂f/∂x, ∂f/∂y) at the points (x[i], y[i]).
    public mutating func valueAndGradient(x: Lanes, y: Lanes) -> (value: Lanes, gx: Lanes, gy: Lanes) {
        let program = self.program
        return scratch.withUnsafeMutableBufferPointer { buffer in
            let s = buffer.baseAddress!
            s[0] = x
            s[1] = y
            let f = program.valueAndGradient(lanes: s)
            return (f, s[program.adjointOffset], s[program.adjointOffset + 1])
        }
    }
}
