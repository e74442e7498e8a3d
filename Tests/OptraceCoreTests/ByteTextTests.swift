import Foundation
import Testing
@testable import OptraceCore

/// `ByteText` writes numbers exactly as `NumberFormat.roundTrip` does (tune.json and tune.csv depend on it).
struct ByteTextTests {
    private func text(_ v: Double) -> String {
        let bytes = ByteText()
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

    @Test func appendsGrowTheBufferAndKeepEveryByte() {
        let text = ByteText(capacity: 1)
        var expected: [UInt8] = []
        for i in 0..<5000 {
            text.append(Double(i) / 7)
            expected += Array(NumberFormat.roundTrip(Double(i) / 7).utf8)
            text.append(byte: 44)
            expected.append(44)
        }
        #expect(text.bytes == expected && text.count == expected.count)
        text.removeAll()
        text.append("x")
        #expect(text.bytes == [UInt8(ascii: "x")])
    }

    @Test func integersReadAsTheirDecimalDigits() {
        for n in [0, 7, -7, 10, 99, 100, 123_456_789, Int.max, Int.min] {
            let bytes = ByteText()
            bytes.append(n)
            #expect(String(decoding: bytes.bytes, as: UTF8.self) == String(n))
        }
    }
}

/// The native helpers that stand in for Foundation's slower paths give Foundation's results.
struct NativeTextTests {
    @Test func trimmingBlanksEqualsFoundationsWhitespaceTrimming() {
        let samples = ["", " ", "\t", "  0.5 ", "\t-1e3\t", "a b", "\u{00A0}x\u{2003}", "\u{3000}", " \n1\n ", "é ", " ∂L/∂x\t", "\u{200B}z"]
        for s in samples { #expect(s.trimmingBlanks == s.trimmingCharacters(in: .whitespaces), "\(s.debugDescription)") }
        let differing = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { $0.isBlank != CharacterSet.whitespaces.contains($0) }
        #expect(differing.isEmpty, "\(differing.map { String($0.value, radix: 16) })")
    }

    @Test func cFormattingEqualsStringFormat() {
        var random = TestRandom(seed: 5)
        for _ in 0..<2000 {
            let v = random.uniform(-1, 1) * pow(10, random.uniform(-12, 12))
            #expect(NumberFormat.fixed(v, 3) == String(format: "%.3f", v))
            #expect(NumberFormat.scientific(v, 2) == String(format: "%.2e", v))
            #expect(NumberFormat.fixedSignificant(v, 6) == String(format: "%.6g", v))
        }
    }
}
