import Testing
@testable import OptraceCore

/// `NumpyGenerator` against numpy 2.4's `default_rng`: values generated with numpy and stored here (raw PCG64
/// words, the first normals in hex, and an FNV-1a hash of the bit patterns of 10 000 normals and 1000 uniforms).
@Suite struct NumpyGeneratorTests {
    /// (seed, first raw words, first normals, FNV-1a of 10 000 normals, FNV-1a of 1000 uniforms, normals in the tail beyond r).
    static let golden: [(UInt64, [UInt64], [Double], UInt64, UInt64, Int)] = [
        (0, [0xA30FEBCFD9C2825F, 0x4510BDF882D9D721, 0x0A7D3DA94ECDE8B8], [0x1.017ed89db8441p-3, -0x1.0e8cfe9bd45ccp-3, 0x1.47e57a468b06dp-1, 0x1.adabbec84d4f0p-4], 0x34C90EA2991AFC2D, 0x0FA9EAA2527492CB, 2),
        (1, [0x8306BDF37922E4FF, 0xF35196BBC152A866, 0x24E7A4F608EC18CD], [0x1.61e0d28bbb3a1p-2, 0x1.a4ab22204681fp-1, 0x1.525e18ce5fc0ap-2, -0x1.4d9bb65b49607p+0], 0x03ADCC2E93E223B1, 0x13F0EF6E551D14DE, 5),
        (3, [0x15ED1A93CFBEC2F8, 0x3C9F9D052DEFD3F5, 0xCD2052C72E6DEC36], [0x1.053cd67810b16p+1, -0x1.47200820833aap+1, 0x1.ac221aa4baeafp-2, -0x1.22b2b2a3f6eacp-1], 0xD58162FB2C0F5E8B, 0x05027CBB7A802A15, 2),
        (42, [0xC621FBCD16D92688, 0x705A5661A791FFC1, 0xDBCD12C26EDA1624], [0x1.3807c1104fc6bp-2, -0x1.0a3c65fca9a7ep+0, 0x1.803b239e77350p-1, 0x1.e191b2d157f36p-1], 0x16B9F02121EEBB2B, 0x481FF36FA9946C16, 2),
        (12345, [0x3A32B18DB2FFC19D, 0x51171315C9E4C4DE, 0xCC2024823444EFD9], [-0x1.6c7fcc2ecc744p+0, 0x1.4383b54eb0649p+0, -0x1.bdc76014d359ep-1, -0x1.0964b5602ac3cp-2], 0xB979BF556A6AAA7B, 0xBA959E1FC717336D, 2),
        (1_099_511_627_783, [0xD46E9E2034DE21AA, 0x415BADC99C087675, 0x275ED40F045ACB84], [-0x1.2c754dbb34494p+0, 0x1.fc0e36b2c05eap-5, -0x1.7088c449fa1d1p-2, -0x1.469ae0e4ca706p-1], 0x9B7FAAB6D96721ED, 0xA07197776848ECA6, 3),
        (UInt64.max, [0xAE163A7A8C47568F, 0xD86659F5F3382359, 0x01E52B195BC2D24A], [0x1.715303191d87bp-1, -0x1.f10c32096a2bdp-1, 0x1.1b8d40660f8bfp-4, -0x1.2fb3a24341b2bp-2], 0x072C6072BB092221, 0xAF7DD041F3D29028, 2),
    ]

    static func fnv1a(_ values: [Double]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for value in values {
            var bits = value.bitPattern
            for _ in 0..<8 {
                hash ^= bits & 0xFF
                hash = hash &* 0x0000_0100_0000_01B3
                bits >>= 8
            }
        }
        return hash
    }

    @Test(arguments: 0..<golden.count)
    func drawsEqualNumpysBitForBit(_ index: Int) {
        let (seed, words, first, normalsHash, uniformsHash, tail) = Self.golden[index]
        var raw = NumpyGenerator(seed: seed)
        #expect((0..<3).map { _ in raw.nextWord() } == words, "seed \(seed)")
        var normals = NumpyGenerator(seed: seed)
        let draws = (0..<10_000).map { _ in normals.normal(mean: 0, std: 1.0) }
        #expect(Array(draws.prefix(4)) == first, "seed \(seed)")
        #expect(Self.fnv1a(draws) == normalsHash, "seed \(seed)")
        // The tail (layer 0 beyond r) is taken by a few draws of each seed, so its path is checked as well.
        #expect(draws.filter { abs($0) > NumpyZiggurat.r }.count == tail)
        var uniforms = NumpyGenerator(seed: seed)
        #expect(Self.fnv1a((0..<1000).map { _ in uniforms.uniform() }) == uniformsHash, "seed \(seed)")
    }

    @Test func seedSequencePoolAndWordsAreNumpys() {
        // numpy.random.SeedSequence(seed).pool and .generate_state(4, numpy.uint64)
        let three = NumpySeedSequence(seed: 3)
        #expect(three.pool == [0xB2D7800B, 0x5D0B17EC, 0x1D836CEF, 0x9225244C])
        #expect(three.state(words: 4) == [0xAD068D6F5DFD711B, 0xB2A36EEA2433F5F9, 0xD3821E0B013BB9AD, 0x176C45C5E3355F0F])
        let wide = NumpySeedSequence(seed: 1_099_511_627_783)
        #expect(wide.pool == [0xCEF14FB5, 0x8E3F6082, 0xB865038B, 0x6AED4368])
        #expect(wide.state(words: 4) == [0x0D8672E10E3D1A15, 0x9AEF4ADA4ECFA161, 0x999C1C3B83DBA903, 0x408927DC0DC8A316])
    }

    @Test func thresholdsAndHeightsDescribeTheZiggurat() {
        let z = NumpyZiggurat.shared
        #expect(z.scaledEdges.count == 256 && z.thresholds.count == 256 && z.heights.count == 256)
        #expect(z.scaledEdges[255] * 0x1p52 == NumpyZiggurat.r)
        #expect(z.thresholds[1] == 0)
        // Edges grow from the top layer (1) to r (255); heights fall from 1.
        #expect(zip(z.scaledEdges.dropFirst(), z.scaledEdges.dropFirst(2)).allSatisfy { $0 < $1 })
        #expect(z.heights[0] == 1 && zip(z.heights.dropFirst(), z.heights.dropFirst(2)).allSatisfy { $0 > $1 })
    }
}
