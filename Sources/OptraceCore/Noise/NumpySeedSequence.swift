/// numpy's `SeedSequence` for a non-negative integer seed: the words `numpy.random.default_rng(seed)` seeds
/// its PCG64 with.
///
/// The seed's 32-bit words (least significant first) are hashed into a pool of four words, which is then
/// mixed and hashed again into as many output words as asked for (O'Neill's seed_seq construction, as numpy
/// implements it in `numpy.random.bit_generator`).
public struct NumpySeedSequence: Sendable, Equatable {
    /// The entropy pool after mixing.
    public let pool: [UInt32]

    private static let initA: UInt32 = 0x43B0_D7E5, multA: UInt32 = 0x931E_8875
    private static let initB: UInt32 = 0x8B51_F9DD, multB: UInt32 = 0x58F3_8DED
    private static let mixMultL: UInt32 = 0xCA01_F9DD, mixMultR: UInt32 = 0x4973_F715

    public init(seed: UInt64) {
        var entropy = [UInt32(truncatingIfNeeded: seed)]
        if seed >> 32 != 0 { entropy.append(UInt32(truncatingIfNeeded: seed >> 32)) }
        var hashConstant = Self.initA
        func hashMix(_ value: UInt32) -> UInt32 {
            var v = value ^ hashConstant
            hashConstant = hashConstant &* Self.multA
            v = v &* hashConstant
            return v ^ (v >> 16)
        }
        func mix(_ x: UInt32, _ y: UInt32) -> UInt32 {
            let r = Self.mixMultL &* x &- Self.mixMultR &* y
            return r ^ (r >> 16)
        }
        var pool = (0..<4).map { hashMix($0 < entropy.count ? entropy[$0] : 0) }
        for source in 0..<4 {
            for destination in 0..<4 where source != destination {
                pool[destination] = mix(pool[destination], hashMix(pool[source]))
            }
        }
        // Seeds of at most 128 bits have no words beyond the pool.
        self.pool = pool
    }

    /// `generate_state(count, uint64)`: `count` 64-bit words, each two 32-bit words little end first.
    public func state(words count: Int) -> [UInt64] {
        var hashConstant = Self.initB
        var halves: [UInt32] = []
        for i in 0..<(2 * count) {
            var v = pool[i % pool.count] ^ hashConstant
            hashConstant = hashConstant &* Self.multB
            v = v &* hashConstant
            halves.append(v ^ (v >> 16))
        }
        return (0..<count).map { UInt64(halves[2 * $0]) | UInt64(halves[2 * $0 + 1]) << 32 }
    }
}
