import Foundation
import Testing
@testable import OptraceCore

/// A network racer's recorded gradients replayed through the torch.optim documentation's formulas, written out
/// coordinate by coordinate, give back its parameters: the catalog's rules are the same on a model's flat vector as
/// on the plane.
@Suite struct NetworkReplayTests {
    /// One reference rule: (θ, g, t, state) → θ, per coordinate, with its state in `state`.
    typealias Reference = @Sendable (_ theta: inout [Double], _ g: [Double], _ t: Int, _ state: inout [String: [Double]]) -> Void

    static func zeros(_ state: inout [String: [Double]], _ key: String, _ n: Int) -> [Double] { state[key] ?? [Double](repeating: 0, count: n) }

    static let references: [(String, [String: Double], Reference)] = [
        ("sgd", ["lr": 0.1, "momentum": 0.9], { theta, g, t, state in
            var b = zeros(&state, "b", g.count)
            for i in g.indices { b[i] = t == 1 ? g[i] : 0.9 * b[i] + g[i]; theta[i] -= 0.1 * b[i] }
            state["b"] = b
        }),
        ("adam", ["lr": 0.01], { theta, g, t, state in
            var m = zeros(&state, "m", g.count), v = zeros(&state, "v", g.count)
            for i in g.indices {
                m[i] = 0.9 * m[i] + (1 - 0.9) * g[i]
                v[i] = 0.999 * v[i] + (1 - 0.999) * g[i] * g[i]
                let mHat = m[i] / (1 - pow(0.9, Double(t))), vHat = v[i] / (1 - pow(0.999, Double(t)))
                theta[i] -= 0.01 * mHat / (vHat.squareRoot() + 1e-8)
            }
            state["m"] = m; state["v"] = v
        }),
        ("adamw", ["lr": 0.01, "weight_decay": 0.05], { theta, g, t, state in
            var m = zeros(&state, "m", g.count), v = zeros(&state, "v", g.count)
            for i in g.indices {
                theta[i] -= 0.01 * 0.05 * theta[i]
                m[i] = 0.9 * m[i] + (1 - 0.9) * g[i]
                v[i] = 0.999 * v[i] + (1 - 0.999) * g[i] * g[i]
                let mHat = m[i] / (1 - pow(0.9, Double(t))), vHat = v[i] / (1 - pow(0.999, Double(t)))
                theta[i] -= 0.01 * mHat / (vHat.squareRoot() + 1e-8)
            }
            state["m"] = m; state["v"] = v
        }),
        ("rmsprop", ["lr": 0.01], { theta, g, t, state in
            var v = zeros(&state, "v", g.count)
            for i in g.indices {
                v[i] = 0.99 * v[i] + (1 - 0.99) * g[i] * g[i]
                theta[i] -= 0.01 * g[i] / (v[i].squareRoot() + 1e-8)
            }
            state["v"] = v
        }),
    ]

    @Test(arguments: 0..<references.count)
    func recordedGradientsReplayedThroughTheFormulasGiveTheParameters(_ index: Int) {
        let (name, settings, reference) = Self.references[index]
        let shape = NetworkShape(widths: [2, 5, 3, 1], hidden: .tanh, output: .sigmoid, loss: .bce)
        let data = DataSet.generated(.moons, count: 40, noise: 0.1, seed: 2)
        let start = NetworkInitialization(scale: .xavier, seed: 5).parameters(for: shape)
        let definition = OptimizerCatalog.definition(named: name)!
        let rule = definition.build(definition.resolve(settings.mapValues { .number($0) }), schedule: nil, clipping: nil).rule(on: FlatVector.self)!

        // The racer, recording each step's gradient.
        let stepper = rule.makeStepper(params: start)
        var theta = start
        var gradients: [FlatVector] = []
        for _ in 0..<60 {
            let g = NetworkGradient.tape(shape, theta: theta, inputs: data.inputs, targets: data.targets).gradient
            gradients.append(g)
            theta = stepper.step(params: theta, gradient: g)
        }
        // The trainer takes exactly these steps.
        let trained = NetworkTrainer(shape: shape, data: data, epochs: 60).run(racer: name, rule: rule, from: start)
        #expect(trained.parameters == theta)

        // The replay through the documentation's formulas.
        var replayed = start.values
        var state: [String: [Double]] = [:]
        for (t, g) in gradients.enumerated() { reference(&replayed, g.values, t + 1, &state) }
        for (a, b) in zip(theta.values, replayed) {
            #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "\(name): \(a) against \(b)")
        }
    }
}
