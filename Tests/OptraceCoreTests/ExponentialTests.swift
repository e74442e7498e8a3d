import Foundation
import Testing
@testable import OptraceCore
import COptraceMath

/// Distance in units in the last place between two finite doubles of the same sign.
private func ulps(_ a: Double, _ b: Double) -> UInt64 {
    let x = Int64(bitPattern: a.bitPattern), y = Int64(bitPattern: b.bitPattern)
    return x > y ? UInt64(x - y) : UInt64(y - x)
}

@Test func exponentialIsWithinOneUlpOfTheCLibrary() {
    var random = TestRandom(seed: 0xE4B)
    var worst: UInt64 = 0
    for i in 0..<200_000 {
        // Most points where surfaces live, and some spread over the whole finite range.
        let x = i % 4 == 0 ? random.uniform(-745, 709.7) : random.uniform(-40, 40)
        let got = Exponential.exp(x), want = Foundation.exp(x)
        if want == 0 || want.isInfinite {
            #expect(got == want, "exp(\(x))")
        } else {
            worst = max(worst, ulps(got, want))
        }
    }
    #expect(worst <= 1, "worst error \(worst) ulp")
}

@Test func exponentialEdgeCases() {
    #expect(Exponential.exp(0) == 1)
    #expect(ulps(Exponential.exp(1), M_E) <= 1)
    #expect(Exponential.exp(-0.0) == 1)
    #expect(Exponential.exp(.infinity) == .infinity)
    #expect(Exponential.exp(-.infinity) == 0)
    #expect(Exponential.exp(.nan).isNaN)
    #expect(Exponential.exp(709.78) == Foundation.exp(709.78))
    #expect(Exponential.exp(709.79) == .infinity)
    #expect(Exponential.exp(1000) == .infinity)
    #expect(Exponential.exp(-746) == 0)
    #expect(Exponential.exp(-2000) == 0)
    // Subnormal results, rounded once.
    for x in [-708.5, -710.0, -720.25, -740.0, -744.4, -745.0] {
        #expect(ulps(Exponential.exp(x), Foundation.exp(x)) <= 1, "exp(\(x))")
    }
    #expect(Exponential.exp(-745.1) > 0)
}

@Test func exponentialLanesEqualTheScalarBitForBit() {
    var random = TestRandom(seed: 88)
    for _ in 0..<20_000 {
        var v = Lanes(repeating: 0)
        for i in 0..<Lanes.scalarCount { v[i] = random.uniform(-800, 800) }
        v[3] = [Double.nan, .infinity, -.infinity, 0, -0.0, 709.8, -745.2][Int(random.uniform(0, 6.99))]
        let lanes = Exponential.exp(v)
        for i in 0..<Lanes.scalarCount {
            let scalar = Exponential.exp(v[i])
            #expect(lanes[i].bitPattern == scalar.bitPattern || (lanes[i].isNaN && scalar.isNaN))
        }
    }
}

/// The AVX2 form of the batched exp (used where the processor has AVX2) returns the baseline form's bits.
@Test func exponentialAVX2FormEqualsTheBaselineBitForBit() {
    var random = TestRandom(seed: 0xA72)
    let n = 4096
    var x = [Double](repeating: 0, count: n)
    for i in 0..<n { x[i] = random.uniform(-800, 800) }
    let specials: [Double] = [.nan, .infinity, -.infinity, 0, -0.0, 709.8, -745.2, 1e-300, -1e-300, 709.78, -745.13]
    for (i, s) in specials.enumerated() { x[i * 7] = s }
    var fast = [Double](repeating: 0, count: n), portable = [Double](repeating: 0, count: n)
    optrace_exp_lanes(x, &fast, n)
    optrace_exp_lanes_portable(x, &portable, n)
    for i in 0..<n {
        #expect(fast[i].bitPattern == portable[i].bitPattern || (fast[i].isNaN && portable[i].isNaN), "x = \(x[i])")
    }
    print("batched exp runs its \(optrace_exp_uses_avx2() == 1 ? "AVX2" : "baseline") form")
}
