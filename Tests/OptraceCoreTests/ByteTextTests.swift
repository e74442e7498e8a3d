import Testing
@testable import OptraceCore

/// `ByteText` writes numbers exactly as `NumberFormat.roundTrip` does (tune.json and tune.csv depend on it).
struct ByteTextTests {
    private func text(_ v: Double) -> String {
        var bytes = ByteText()
        bytes.append(v)
        return String(decoding: bytes.bytes, as: UTF8.self)
    }

    @Test func specialValuesAndWholeNumbersReadAsRoundTrip() {
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 1e-5, 1e-4, 1e15, 1e16, 1e17, -1e16, .nan, .infinity, -.infinity,
                                .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, 0.1, 2.0 / 3.0]
        // Whole numbers on both sides of 2⁵³, where `description` turns to exponent form.
        for k in 0...64 {
            let p = Double(sign: .plus, exponent: k, significand: 1)
            values += [p, p - 1, p + 1, p + 2, -p, -(p - 1), (p * 10).rounded(), p / 3, (p / 3).rounded()]
        }
        for v in values { #expect(text(v) == NumberFormat.roundTrip(v), "\(v)") }
    }

    @Test func seededBitPatternsAndDecimalsReadAsRoundTrip() {
        var random = TestRandom(seed: 11)
        for _ in 0..<20_000 {
            let bits = Double(bitPattern: random.next())
            let decimal = (random.uniform(-1, 1) * 1e6).rounded() / 1e3
            let whole = random.uniform(-1e17, 1e17).rounded()
            for v in [bits, decimal, whole] { #expect(text(v) == NumberFormat.roundTrip(v), "\(v)") }
        }
    }

    @Test func integersReadAsTheirDecimalDigits() {
        for n in [0, 7, -7, 10, 99, 100, 123_456_789, Int.max, Int.min] {
            var bytes = ByteText()
            bytes.append(n)
            #expect(String(decoding: bytes.bytes, as: UTF8.self) == String(n))
        }
    }
}
