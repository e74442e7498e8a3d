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

    /// No number is longer than `maximumNumberLength`, the room `CellLines` sizes its lines by; a lent buffer of
    /// exactly that room holds the longest.
    @Test func noNumberIsLongerThanTheMaximumNumberLength() {
        var random = TestRandom(seed: 11)
        var longest = 0
        let specials: [Double] = [
            -.greatestFiniteMagnitude, -.leastNonzeroMagnitude, -.leastNormalMagnitude, -2.2250738585072014e-308,
            -1.2345678901234567e-300, -9_007_199_254_740_991, -9_007_199_254_740_992, -.infinity, .nan, -0.0,
            -1.0000000000000002, -0.30000000000000004, -1.7976931348623157e+308,
        ]
        let samples = specials + (0..<100_000).map { _ in
            Double(bitPattern: UInt64(random.uniform(0, 1) * 0x1p52) | (UInt64(random.uniform(0, 2047)) << 52) | (1 << 63))
        }
        for v in samples {
            var room = [UInt8](repeating: 0, count: ByteText.maximumNumberLength)
            let count = room.withUnsafeMutableBufferPointer { buffer in
                let text = ByteText(borrowing: buffer)
                text.append(v)
                return text.count
            }
            longest = max(longest, count)
            #expect(String(decoding: room.prefix(count), as: UTF8.self) == NumberFormat.roundTrip(v), "\(v)")
        }
        #expect(longest == ByteText.maximumNumberLength)
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
