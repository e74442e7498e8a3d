import Foundation
import Testing
@testable import OptraceCore

/// `scenarios/saddle.yaml`: noiseless gradient descent on the ridge stays there; noise lets racers escape.
@Suite struct SaddleStoryTests {
    @Test func noiseEscapesTheSaddleThatPlainDescentCannot() throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let scenario = try ScenarioLoader.load(path: url.path + "/scenarios/saddle.yaml")
        let result = scenario.run()
        let plain = result.trajectories[0]
        #expect(!plain.racer.noisy)
        #expect(plain.positions.allSatisfy { $0.y == 0 })
        #expect(abs(plain.losses.last!) < 1e-6)
        for escaped in result.trajectories.dropFirst() {
            #expect(escaped.racer.noisy)
            #expect(abs(abs(escaped.positions.last!.y) - 1) < 0.1)
            #expect(escaped.losses.last! < -0.24)
        }
    }
}
