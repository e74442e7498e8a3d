import Testing
@testable import OptraceCore

@Suite struct NoiseTests {
    /// Pins the generator: these values must never change silently (they decide every race).
    @Test func streamIsPinned() {
        let expected: [(UInt64, Int, Double, Double)] = [
            (0, 1, -0.45275774021745807, 0.20776603893419174),
            (0, 2, 2.65060581207967, -0.49042282539864784),
            (1, 3, -1.4742856270537026, -1.0123567016737538),
            (1, 1000, 0.08495178540375439, -0.029573633200200875),
            (13081, 1, -1.8542336448375045, 0.07689428297963584),
            (13081, 2, 1.9665742377178679, 0.0546483723522957),
            (13081, 1000, 0.29262180923165254, -0.15573825551568138),
        ]
        for (seed, step, z1, z2) in expected {
            let z = GaussianStream(seed: seed).pair(step: step)
            #expect(abs(z.x - z1) <= 1e-15 * max(1, abs(z1)), "seed \(seed) step \(step)")
            #expect(abs(z.y - z2) <= 1e-15 * max(1, abs(z2)), "seed \(seed) step \(step)")
        }
        #expect(SplitMix64.mix(13081) == 0x0994_00B9_9A83_2167)
    }

    @Test func readingByStepNeedsNoHistory() {
        let stream = GaussianStream(seed: 42)
        let forward = (1...50).map { stream.pair(step: $0) }
        let backward = (1...50).reversed().map { stream.pair(step: $0) }.reversed()
        #expect(forward == Array(backward))
    }

    @Test func momentsAreStandardNormal() {
        let stream = GaussianStream(seed: 7)
        let n = 200_000
        var sum = Vec2.zero, sumSq = Vec2.zero, cross = 0.0
        for t in 1...n {
            let z = stream.pair(step: t)
            sum += z; sumSq += z * z; cross += z.x * z.y
        }
        let mean = sum / Double(n), variance = sumSq / Double(n) - mean * mean
        #expect(abs(mean.x) < 0.01 && abs(mean.y) < 0.01)
        #expect(abs(variance.x - 1) < 0.01 && abs(variance.y - 1) < 0.01)
        #expect(abs(cross / Double(n)) < 0.01)
    }

    @Test func sigmaPerAxisAndBatchScaling() {
        let noise = GradientNoise(sigma: Vec2(0.2, 0.4), batch: 4, seed: 3)
        let z = GaussianStream(seed: 3).pair(step: 5)
        let xi = noise.sample(step: 5)
        #expect(abs(xi.x - 0.1 * z.x) < 1e-16 && abs(xi.y - 0.2 * z.y) < 1e-16)
        #expect(noise.effectiveSigma == Vec2(0.1, 0.2))
        #expect(GradientNoise.none.sample(step: 9) == .zero)
    }
}
