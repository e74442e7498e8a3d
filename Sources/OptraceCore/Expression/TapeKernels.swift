#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The forward rules of every tape operation: a node's value and its local derivatives ∂node/∂input.
///
/// Shared by the as-written trace and the compiled fast program so both follow the same conventions:
/// `abs'(0) = 0`; `min`/`max` route the derivative to the selected argument (the first on ties);
/// `x^y` gives ∂/∂x = y·x^(y−1) (0 when y = 0) and ∂/∂y = x^y·log x where x > 0, else 0.
/// Nothing traps: non-finite values simply propagate.
enum TapeKernels {
    @inline(__always) static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + cExp(-x)) }
        let ex = cExp(x)
        return ex / (1 + ex)
    }

    @inline(__always) static func absDerivative(_ x: Double) -> Double {
        x > 0 ? 1 : (x < 0 ? -1 : 0)
    }

    /// min(a, b) with NaN propagation; the first argument wins ties. Returns (value, ∂/∂a, ∂/∂b).
    @inline(__always) static func minimum(_ a: Double, _ b: Double) -> (Double, Double, Double) {
        if b.isNaN { return (b, 0, 1) }
        return a <= b || a.isNaN ? (a, 1, 0) : (b, 0, 1)
    }

    /// max(a, b) with NaN propagation; the first argument wins ties. Returns (value, ∂/∂a, ∂/∂b).
    @inline(__always) static func maximum(_ a: Double, _ b: Double) -> (Double, Double, Double) {
        if b.isNaN { return (b, 0, 1) }
        return a >= b || a.isNaN ? (a, 1, 0) : (b, 0, 1)
    }

    /// x^y and its two partial derivatives.
    @inline(__always) static func power(_ x: Double, _ y: Double) -> (Double, Double, Double) {
        let v = cPow(x, y)
        let dx = y == 0 ? 0 : y * cPow(x, y - 1)
        let dy = x > 0 ? v * cLog(x) : 0
        return (v, dx, dy)
    }

    /// A unary function's value and derivative.
    @inline(__always) static func apply(_ f: MathFunction, _ x: Double) -> (Double, Double) {
        switch f {
        case .exp:
            let v = cExp(x)
            return (v, v)
        case .log:
            return (cLog(x), 1 / x)
        case .sqrt:
            let v = x.squareRoot()
            return (v, 0.5 / v)
        case .sin:
            return (cSin(x), cCos(x))
        case .cos:
            return (cCos(x), -cSin(x))
        case .tan:
            let v = cTan(x)
            return (v, 1 + v * v)
        case .tanh:
            let v = cTanh(x)
            return (v, 1 - v * v)
        case .sigmoid:
            let v = sigmoid(x)
            return (v, v * (1 - v))
        case .abs:
            return (Swift.abs(x), absDerivative(x))
        case .min, .max:
            return (.nan, .nan)
        }
    }

    /// A unary function's value alone.
    @inline(__always) static func value(_ f: MathFunction, _ x: Double) -> Double {
        switch f {
        case .exp: return cExp(x)
        case .log: return cLog(x)
        case .sqrt: return x.squareRoot()
        case .sin: return cSin(x)
        case .cos: return cCos(x)
        case .tan: return cTan(x)
        case .tanh: return cTanh(x)
        case .sigmoid: return sigmoid(x)
        case .abs: return Swift.abs(x)
        case .min, .max: return .nan
        }
    }
}

// Thin names for the C math library so the kernels read the same on every platform.
/// eˣ through `Exponential`, whose vector form gives the same bits (the C library's `exp` has none).
@inline(__always) func cExp(_ x: Double) -> Double { Exponential.exp(x) }
@inline(__always) func cLog(_ x: Double) -> Double { log(x) }
@inline(__always) func cPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) func cSin(_ x: Double) -> Double { sin(x) }
@inline(__always) func cCos(_ x: Double) -> Double { cos(x) }
@inline(__always) func cTan(_ x: Double) -> Double { tan(x) }
@inline(__always) func cTanh(_ x: Double) -> Double { tanh(x) }
