/// f and ∇f at 16 points at once (one per lane of `Lanes`), each lane bit-identical to `SurfaceEvaluator`.
///
/// The batched form of the tape's fast path, used by sweeps and start maps: the interpreter's
/// dispatch is paid once per instruction for 16 points. Make one per thread.
public struct SurfaceLaneEvaluator: @unchecked Sendable {
    private let program: TapeProgram
    /// The scratch, owned by `storage` (which frees it) and reached through a constant pointer.
    private let scratch: UnsafeMutablePointer<Lanes>
    private let storage: TapeScratch<Lanes>

    /// An evaluator for a surface tape over (x, y).
    public init(surface: Surface) {
        let tape = surface.tape
        precondition(tape.variables.count == 2, "a surface tape has two variables, got \(tape.variables)")
        program = tape.program
        storage = TapeScratch(count: program.scratchSize)
        scratch = storage.pointer
    }

    /// f and (∂f/∂x, ∂f/∂y) at the points (x[i], y[i]).
    @inline(__always)
    public func valueAndGradient(x: Lanes, y: Lanes) -> (value: Lanes, gx: Lanes, gy: Lanes) {
        scratch[0] = x
        scratch[1] = y
        let f = program.valueAndGradient(scratch: scratch)
        return (f, scratch[program.adjointOffset], scratch[program.adjointOffset + 1])
    }
}
