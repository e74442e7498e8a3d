import COptraceMath

/// eˣ that gives the same bits for one value or for every lane of `Lanes` (the C library's `exp` has no batched form).
///
/// Surfaces are evaluated one point at a time in a race and 16 points at a time in a sweep or a start
/// map; both must agree to the last bit, so the tape calls this everywhere. The algorithm (in
/// `COptraceMath`): x = (128k + j)·ln 2/128 + r with |r| ≤ ln 2/256, eˣ = 2ᵏ · 2^(j/128) · eʳ from a table of
/// 2^(j/128) with its remainder and a degree-5 polynomial, every operation rounded on its own (no fused
/// multiply–add), so the scalar and the batched loop compute the same thing. Within 1 ulp of the correctly
/// rounded eˣ; +∞ above 709.78…, 0 below −745.13…, NaN stays NaN.
public enum Exponential {
    /// eˣ.
    @inline(__always)
    public static func exp(_ x: Double) -> Double {
        optrace_exp_inline(x)
    }

    /// eˣ of every lane, each equal to `exp(x[i])`: `optrace_exp8` on each eight lanes, inline.
    @inline(__always)
    public static func exp(_ x: Lanes) -> Lanes {
        x.map { chunk in
            var input = chunk
            var output = Lanes.Chunk()
            withUnsafePointer(to: &input) { source in
                withUnsafeMutablePointer(to: &output) { target in
                    source.withMemoryRebound(to: Double.self, capacity: 8) { s in
                        target.withMemoryRebound(to: Double.self, capacity: 8) { t in optrace_exp8(s, t) }
                    }
                }
            }
            return output
        }
    }
}
