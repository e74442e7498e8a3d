import Foundation
import Testing
@testable import OptraceCore

/// The depth study of §8.7: products of per-layer factors, from the tape.
@Suite struct DepthTests {
    /// A chain of `depth` one-unit linear layers of weight `a` (no bias): the gradient reaching the input.
    static func scalarChain(_ a: Double, depth: Int) -> (input: Double, top: Double) {
        var tape = NetworkTape()
        var h = tape.constant(Matrix([[1.0]]))
        var nodes = [h]
        let zero = tape.constant(Matrix([[0.0]]))
        for _ in 0..<depth {
            let w = tape.constant(Matrix([[a]]))
            h = tape.activation(tape.affine(h, weights: w, biases: zero), .linear)
            nodes.append(h)
        }
        let loss = tape.meanSquaredError(h, targets: tape.constant(Matrix([[0.0]])))
        let adjoints = tape.gradients(of: loss)
        return (adjoints[nodes[0].index]!.values[0], adjoints[nodes[depth].index]!.values[0])
    }

    @Test(arguments: [0.5, 0.9, 1.1, 2.0])
    func aScalarChainGivesExactlyTheProductOfItsFactors(_ a: Double) {
        let (input, top) = Self.scalarChain(a, depth: 100)
        var expected = top
        for _ in 0..<100 { expected *= a }
        #expect(input == expected)
        #expect(abs(input / top - pow(a, 100)) <= 1e-12 * pow(a, 100))
        if a == 0.9 { #expect(abs(input / top - 2.6561398887587544e-5) < 1e-17) }
        if a == 1.1 { #expect(abs(input / top - 13780.61233982238) < 1e-8) }
    }

    @Test func sigmoidVanishesAndPlainNormalReLUExplodes() {
        let study = DepthStudy(depth: 100, width: 16, seed: 0, configurations: [
            DepthConfiguration(activation: .sigmoid, initialization: .normal(1), residual: false),
            DepthConfiguration(activation: .relu, initialization: .normal(1), residual: false),
        ])
        #expect(study.probes[0].ratios[0] < 1e-15)
        #expect(study.probes[1].ratios[0] > 1e30)
        let chain = Self.scalarChain(0.9, depth: 100)
        #expect(abs(study.reference(0.9)[0] - chain.input / chain.top) < 1e-13 * study.reference(0.9)[0])
    }

    @Test(arguments: [Activation.sigmoid, .tanh, .relu])
    func aResidualChainStaysNearOne(_ activation: Activation) {
        for seed in UInt64(0)..<3 {
            let scale: NetworkInitialization.Scale = activation == .relu ? .he : .xavier
            let probe = DepthProbe(DepthConfiguration(activation: activation, initialization: scale, residual: true), depth: 100, width: 16, seed: seed)
            #expect(probe.ratios.allSatisfy { $0 > 0.1 && $0 < 1000 }, "\(activation) seed \(seed): \(probe.ratios.min()!)…\(probe.ratios.max()!)")
            let plain = DepthProbe(DepthConfiguration(activation: activation, initialization: .xavier, residual: false), depth: 100, width: 16, seed: seed)
            // The identity path keeps far more of the gradient than the plain Xavier stack does.
            #expect(probe.ratios[0] > 10 * plain.ratios[0] || activation == .tanh)
        }
    }

    @Test func heInitialisationKeepsAWideReLUNetsGradientsWithinAFewFold() {
        for seed in UInt64(0)..<3 {
            let probe = DepthProbe(DepthConfiguration(activation: .relu, initialization: .he, residual: false), depth: 100, width: 64, seed: seed)
            #expect(probe.ratios.allSatisfy { $0 > 0.2 && $0 < 5 }, "seed \(seed): \(probe.ratios.min()!)…\(probe.ratios.max()!)")
            let xavier = DepthProbe(DepthConfiguration(activation: .relu, initialization: .xavier, residual: false), depth: 100, width: 64, seed: seed)
            #expect(xavier.ratios[0] < 1e-10)
        }
    }

    @Test func theStudyIsTheSameOnAnyThreadCountAndItsCSVHasEveryLayer() {
        let a = DepthStudy(depth: 20, width: 8, seed: 4)
        let b = DepthStudy(depth: 20, width: 8, seed: 4)
        #expect(a.csv == b.csv)
        let lines = a.csv.split(separator: "\n")
        #expect(lines.count == 1 + (DepthConfiguration.all.count + 2) * 21)
        #expect(lines[0] == "configuration,activation,init,residual,layer,grad_norm,ratio_to_top")
    }

    @Test func theTrainingRaceClipsItsStepsAndTheResidualStackLearns() {
        let training = DepthTraining(depth: 30, width: 8, seed: 0, steps: 40)
        #expect(training.entries.count == 2 * DepthConfiguration.shown.count)
        for entry in training.entries {
            let run = entry.run
            #expect(run.divergedAt != nil || run.losses.count == 41, "\(entry.configuration.label)")
            guard entry.clipped else { continue }
            // A clipped SGD step moves θ by at most η·c, so its norm changes by at most that much.
            let bound = training.learningRate * training.clipNorm * (1 + 1e-9)
            for (a, b) in zip(run.parameterNorms, run.parameterNorms.dropFirst()) where a.isFinite && b.isFinite {
                #expect(abs(b - a) <= bound, "\(entry.configuration.label): \(a) → \(b)")
            }
        }
        let residual = training.entries.first { $0.configuration == DepthConfiguration(activation: .tanh, initialization: .xavier, residual: true) && !$0.clipped }!.run
        #expect(residual.losses.last! < 0.5 * residual.losses[0])
        #expect(training.csv == DepthTraining(depth: 30, width: 8, seed: 0, steps: 40).csv)
    }
}
