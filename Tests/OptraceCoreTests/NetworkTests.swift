import Testing
@testable import OptraceCore

/// The chapter's network (§8.3) reproduced, and the tape's gradients checked against the hand-written backward
/// pass and central differences (§8.4).
@Suite struct NetworkTests {
    static let xorShape = NetworkShape(widths: [2, 4, 1], hidden: .tanh, output: .sigmoid, loss: .bce)

    /// The update rule of catalog optimizer `name` with `settings`, on a model's parameters.
    static func rule(_ name: String, _ settings: [String: Double]) -> UpdateRule<FlatVector> {
        let definition = OptimizerCatalog.definition(named: name)!
        let hyperparameters = definition.resolve(settings.mapValues { .number($0) })
        return definition.build(hyperparameters, schedule: nil, clipping: nil).rule(on: FlatVector.self)!
    }

    /// (seed, lr, loss at epochs 0, 25, …, 200, predictions after epoch 200's forward pass), from the chapter's cell
    /// run with numpy 2.4.6.
    static let cell: [(UInt64, Double, [Double], [Double])] = [
        (3, 2.0, [0.7503361742080502, 0.27882040502604916, 0.056567329843084824, 0.026476819622318397, 0.016969073810069145, 0.012445790714641344, 0.009818632368344824, 0.008105327790091352, 0.006900569094543873], [0.0006496735568506028, 0.9947313949135251, 0.9942291415797223, 0.01018435907845623, 0.002585962535112624, 0.9918013887787076, 0.9890782876384983, 0.01137924664282501]),
        (1, 2.0, [0.6821632052916642, 0.1452645077705841, 0.04219527863749708, 0.023328259240724493, 0.015929260610915694, 0.012039673388285519, 0.009655896243588829, 0.008050266564926647, 0.0068972910583324784], [0.0007809122571126578, 0.9945623784940022, 0.9945237993933727, 0.01002836845920138, 0.002621513233168586, 0.9901546446152588, 0.9902875793525547, 0.011034100914314343]),
        (3, 8.0, [0.7503361742080502, 1.1008031340789444, 1.2894734731809874, 1.2072697207969476, 1.2613631702236197, 1.2189689836748432, 1.2528099595790922, 1.2238454088873056, 1.2484926582659233], [2.920333868838081e-06, 0.0068254091247273935, 0.9999439573029147, 0.006838190263607299, 5.621349820066455e-06, 0.006826273243358945, 0.9999272613182741, 0.0068396680887669896]),
    ]

    @Test(arguments: 0..<cell.count)
    func theXORCellIsReproduced(_ index: Int) {
        let (seed, lr, losses, predictions) = Self.cell[index]
        let theta = NetworkInitialization(scale: .normal(1.0), seed: seed).parameters(for: Self.xorShape)
        let trainer = NetworkTrainer(shape: Self.xorShape, data: .xor8, epochs: 201)
        let run = trainer.run(racer: "GD", rule: Self.rule("sgd", ["lr": lr]), from: theta)
        #expect(run.losses.count == 201 && run.divergedAt == nil)
        for (k, expected) in losses.enumerated() {
            #expect(abs(run.losses[25 * k] - expected) < 1e-12, "seed \(seed) lr \(lr) epoch \(25 * k): \(run.losses[25 * k]) against \(expected)")
        }
        for (got, expected) in zip(run.predictions.values, predictions) {
            #expect(abs(got - expected) < 1e-12, "seed \(seed) lr \(lr): \(got) against \(expected)")
        }
    }

    @Test func initialWeightsAreNumpysDraws() {
        // W1 = rng.normal(0, 1.0, (4, 2)) then W2 = rng.normal(0, 1.0, (1, 4)) with rng = default_rng(3).
        let theta = NetworkInitialization(scale: .normal(1.0), seed: 3).parameters(for: Self.xorShape)
        var rng = NumpyGenerator(seed: 3)
        let w1 = (0..<8).map { _ in rng.normal(mean: 0, std: 1.0) }, w2 = (0..<4).map { _ in rng.normal(mean: 0, std: 1.0) }
        #expect(theta.values == w1 + [0, 0, 0, 0] + w2 + [0])
        #expect(theta.values[0] == 0x1.053cd67810b16p+1)
    }

    /// Shapes of every kind: depths, activations, losses, a residual stack.
    static let shapes: [NetworkShape] = [
        xorShape,
        NetworkShape(widths: [2, 4, 1], hidden: .tanh, output: .sigmoid, loss: .mse),
        NetworkShape(widths: [3, 5, 4, 2], hidden: .sigmoid, output: .sigmoid, loss: .bce),
        NetworkShape(widths: [2, 6, 6, 1], hidden: .relu, output: .linear, loss: .mse),
        NetworkShape(widths: [2, 5, 5, 5, 1], hidden: .tanh, output: .sigmoid, loss: .bce, residual: true),
    ]

    @Test(arguments: 0..<shapes.count)
    func theTapeEqualsTheHandWrittenPassAndCentralDifferences(_ index: Int) {
        let shape = Self.shapes[index]
        for seed in UInt64(0)..<4 {
            var rng = NumpyGenerator(seed: 100 + seed)
            let inputs = Matrix(rows: 7, columns: shape.widths[0], values: (0..<(7 * shape.widths[0])).map { _ in rng.normal() })
            let outputs = shape.widths.last!
            let targets = Matrix(rows: 7, columns: outputs, values: (0..<(7 * outputs)).map { _ in rng.uniform() < 0.5 ? 0 : 1 })
            var theta = NetworkInitialization(scale: .xavier, seed: seed).parameters(for: shape)
            // Biases away from zero, so their gradients are checked at a general point too.
            for i in 0..<theta.count where theta[i] == 0 { theta.values[i] = 0.1 * rng.normal() }
            let audit = NetworkAudit(shape, theta: theta, inputs: inputs, targets: targets)
            #expect(audit.tapeHandDifference < 1e-12, "shape \(shape.widths) seed \(seed): \(audit.tapeHandDifference)")
            #expect(audit.tapeError < 1e-7 && audit.handError < 1e-7, "shape \(shape.widths) seed \(seed): \(audit.tapeError), \(audit.handError)")
            #expect(audit.tapeAgrees && audit.handAgrees)
        }
    }

    @Test func theSabotagedBackwardPassFailsTheAudit() {
        let theta = NetworkInitialization(scale: .normal(1.0), seed: 3).parameters(for: Self.xorShape)
        let data = DataSet.xor8
        let honest = NetworkAudit(Self.xorShape, theta: theta, inputs: data.inputs, targets: data.targets)
        #expect(honest.handAgrees && honest.tapeAgrees)
        let sabotaged = NetworkAudit(Self.xorShape, theta: theta, inputs: data.inputs, targets: data.targets, sabotage: .tanhGate)
        #expect(!sabotaged.handAgrees && sabotaged.tapeAgrees)
        #expect(sabotaged.handError > 1e-3)
        #expect(sabotaged.passes.backpropagation == 2 && sabotaged.passes.numerical == 2 * 17)
        #expect(sabotaged.rows.first?.name == "W1[0,0]" && sabotaged.rows.last?.name == "b2[0]")
    }

    @Test func minibatchOrdersAreSharedAndSeeded() {
        let trainer = NetworkTrainer(shape: Self.xorShape, data: .xor8, epochs: 3, batch: 2, orderSeed: 7)
        #expect(trainer.order(epoch: 0).sorted() == Array(0..<8))
        #expect(trainer.order(epoch: 0) == NetworkTrainer(shape: Self.xorShape, data: .xor8, epochs: 9, batch: 2, orderSeed: 7).order(epoch: 0))
        #expect(trainer.order(epoch: 0) != trainer.order(epoch: 1))
        let theta = NetworkInitialization(scale: .normal(1.0), seed: 3).parameters(for: Self.xorShape)
        let a = trainer.run(racer: "a", rule: Self.rule("sgd", ["lr": 0.5]), from: theta)
        let b = trainer.run(racer: "b", rule: Self.rule("sgd", ["lr": 0.5]), from: theta)
        #expect(a.losses == b.losses && a.parameters == b.parameters)
    }

    @Test func aDivergingRunStopsAndSaysWhen() {
        let theta = NetworkInitialization(scale: .normal(1.0), seed: 3).parameters(for: NetworkShape(widths: [2, 4, 1], output: .linear, loss: .mse))
        let trainer = NetworkTrainer(shape: NetworkShape(widths: [2, 4, 1], output: .linear, loss: .mse), data: .xor8, epochs: 500)
        let run = trainer.run(racer: "hot", rule: Self.rule("sgd", ["lr": 50]), from: theta)
        #expect(run.divergedAt != nil && run.losses.count == run.divergedAt! + 1)
    }
}
