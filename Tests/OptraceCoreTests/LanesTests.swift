import Foundation
import Testing

@testable import OptraceCore

/// The wide lane type computes, lane for lane, what one `Double` computes, and its bit operations keep every lane.
struct LanesTests {
    /// Awkward values for every lane position: signed zeros, infinities, NaN, subnormals.
    static let awkward: [Double] = [0, -0.0, 1, -1, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 1e300, -2.5, 3.75, .leastNormalMagnitude / 4, -7, 0.5, 42]

    static func lanes(_ values: [Double], offset: Int = 0) -> Lanes {
        Lanes(lanes: { values[($0 + offset) % values.count] })
    }

    static func sameBits(_ a: Lanes, _ b: (Int) -> Double) -> Bool {
        (0..<Lanes.scalarCount).allSatisfy { a[$0].bitPattern == b($0).bitPattern || (a[$0].isNaN && b($0).isNaN) }
    }

    @Test func lanesAreContiguousDoubles() {
        #expect(MemoryLayout<Lanes>.size == 8 * Lanes.scalarCount)
        var values = (0..<Lanes.scalarCount).map { Double($0) * 1.5 - 3 }
        let loaded = values.withUnsafeBufferPointer { Lanes(loading: $0.baseAddress!) }
        #expect(Self.sameBits(loaded) { values[$0] })
        var written = Lanes.zero
        for i in 0..<Lanes.scalarCount { written[i] = values[i] }
        #expect(written == loaded)
        values[Lanes.scalarCount - 1] = 99
        #expect(written == loaded, "a copy, not a view")
    }

    @Test func arithmeticIsTheScalarsLaneByLane() {
        for offset in 0..<Self.awkward.count {
            let a = Self.lanes(Self.awkward, offset: offset), b = Self.lanes(Self.awkward.reversed(), offset: 3 * offset)
            #expect(Self.sameBits(a + b) { a[$0] + b[$0] })
            #expect(Self.sameBits(a - b) { a[$0] - b[$0] })
            #expect(Self.sameBits(a * b) { a[$0] * b[$0] })
            #expect(Self.sameBits(a / b) { a[$0] / b[$0] })
            #expect(Self.sameBits(0.3 - a) { 0.3 - a[$0] })
            #expect(Self.sameBits(a / 7) { a[$0] / 7 })
            #expect(Self.sameBits(-a) { -a[$0] })
            #expect(Self.sameBits(a.squareRoot()) { a[$0].squareRoot() })
            #expect(Self.sameBits(a.magnitude) { Swift.abs(a[$0]) })
        }
    }

    @Test func signsClampsAndMaximaMatchThePlane() {
        for offset in 0..<Self.awkward.count {
            let a = Self.lanes(Self.awkward, offset: offset), b = Self.lanes(Self.awkward.reversed(), offset: offset + 5)
            let v = LaneVec2(x: a, y: b)
            let c = Lanes(repeating: 2)
            for i in 0..<Lanes.scalarCount {
                let p = Vec2(a[i], b[i])
                let q = Vec2(b[i], a[i])
                for (lane, plane) in [
                    (v.signs[lane: i], p.signs), (v.magnitudes[lane: i], p.magnitudes), (v.clamped(to: c)[lane: i], p.clamped(to: 2)),
                    (LaneVec2.maximum(v, LaneVec2(x: b, y: a))[lane: i], Vec2.maximum(p, q)),
                ] {
                    #expect(lane.x.bitPattern == plane.x.bitPattern || (lane.x.isNaN && plane.x.isNaN), "lane \(i): \(lane) against \(plane)")
                    #expect(lane.y.bitPattern == plane.y.bitPattern || (lane.y.isNaN && plane.y.isNaN), "lane \(i): \(lane) against \(plane)")
                }
            }
        }
    }

    @Test func masksKeepEveryLane() {
        let a = Self.lanes(Self.awkward)
        for lane in 0..<Lanes.scalarCount {
            var mask = LaneMask(repeating: true)
            #expect(mask.allSet)
            mask[lane] = false
            #expect(!mask.allSet, "lane \(lane)")
            #expect(!mask[lane] && mask[(lane + 1) % Lanes.scalarCount])
            let picked = Lanes.select(mask, a, Lanes(repeating: -9))
            #expect(Self.sameBits(picked) { $0 == lane ? -9 : a[$0] })
            #expect((mask | ~mask).allSet && !(mask & ~mask)[lane])
        }
        let below = a .< Lanes(repeating: 1)
        for i in 0..<Lanes.scalarCount { #expect(below[i] == (a[i] < 1), "lane \(i)") }
    }
}
