import Testing
@testable import OptraceCore

/// Gradient clipping transformations: global norm and element-wise value.
@Suite struct ClippingTests {
    func clip<T: GradientTransformation>(_ t: T, _ g: Vec2) -> Vec2 where T.Vector == Vec2 {
        t.update(g, state: t.initialState(params: .zero), params: .zero).updates
    }

    @Test func globalNormScalesDownOnlyAboveTheThreshold() {
        #expect(clip(ClipByGlobalNorm(1), Vec2(3, 4)) == Vec2(3, 4) * 0.2)
        #expect(clip(ClipByGlobalNorm(5), Vec2(3, 4)) == Vec2(3, 4))
        #expect(clip(ClipByGlobalNorm(10), Vec2(3, 4)) == Vec2(3, 4))
        #expect(clip(ClipByGlobalNorm(1), .zero) == .zero)
    }

    @Test func globalNormOfAHugeGradientIsStillTheThreshold() {
        let g = clip(ClipByGlobalNorm(2), Vec2(3e200, -4e200))
        #expect(abs(g.x - 1.2) < 1e-15 && abs(g.y + 1.6) < 1e-15)
    }

    @Test func valueClipsEachComponent() {
        #expect(clip(ClipByValue(1), Vec2(3, -0.5)) == Vec2(1, -0.5))
        #expect(clip(ClipByValue(1), Vec2(-7, 0.9)) == Vec2(-1, 0.9))
        #expect(clip(ClipByValue(1), Vec2(.nan, 2)).x.isNaN)
    }

    @Test func clippingComesBeforeTheRule() {
        // sgd with η = 1: the step is exactly the clipped gradient
        let sgd = OptimizerCatalog.sgd
        let hp = sgd.resolve(["lr": .number(1)])
        let theta = sgd.build(hp, schedule: nil, clipping: .norm(1)).trajectory(from: .zero, gradients: [Vec2(30, 40)])
        #expect(theta == [Vec2(-0.6, -0.8)])
        let valued = sgd.build(hp, schedule: nil, clipping: .value(2)).trajectory(from: .zero, gradients: [Vec2(30, -1)])
        #expect(valued == [Vec2(-2, 1)])
    }
}
