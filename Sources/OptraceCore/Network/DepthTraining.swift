import Dispatch
import Foundation

/// The depth study's training race: the shown configurations trained briefly with plain SGD, without and with
/// gradient clipping, to see which learn, which stall (vanishing) and which blow up (exploding).
///
/// The task is a teacher's: `examples` standard normal inputs and targets tanh(u·x) for a fixed random unit vector u,
/// the squared error, full batch. Every network starts from its configuration's initial weights (`DepthProbe`).
public struct DepthTraining: Sendable {
    /// One configuration's run, without or with clipping.
    public struct Entry: Sendable {
        public let configuration: DepthConfiguration
        public let clipped: Bool
        public let run: NetworkRun
    }

    public let depth: Int
    public let width: Int
    public let steps: Int
    public let learningRate: Double
    /// The global-norm threshold of the clipped runs.
    public let clipNorm: Double
    public let entries: [Entry]

    public static let examples = 128

    public init(depth: Int, width: Int, seed: UInt64, steps: Int, learningRate: Double = 0.01, clipNorm: Double = 1,
                configurations: [DepthConfiguration] = DepthConfiguration.shown) {
        self.depth = depth
        self.width = width
        self.steps = steps
        self.learningRate = learningRate
        self.clipNorm = clipNorm
        var rng = NumpyGenerator(seed: seed &+ 2)
        var teacher = (0..<width).map { _ in rng.standardNormal() }
        let norm = teacher.reduce(0) { $0 + $1 * $1 }.squareRoot()
        teacher = teacher.map { $0 / norm }
        let inputs = Matrix(rows: Self.examples, columns: width, values: (0..<(Self.examples * width)).map { _ in rng.standardNormal() })
        let targets = Matrix(rows: Self.examples, columns: 1, values: (0..<Self.examples).map { i in
            tanh((0..<width).reduce(0.0) { $0 + teacher[$1] * inputs[i, $1] })
        })
        let data = DataSet(name: "teacher", inputs: inputs, targets: targets)
        let sgd = OptimizerCatalog.definition(named: "sgd")!
        let settings = sgd.resolve(["lr": .number(learningRate)])
        let jobs = configurations.flatMap { c in [false, true].map { (c, $0) } }
        let slots = ResultSlots<Entry>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let (configuration, clipped) = jobs[i]
            let shape = DepthProbe.shape(configuration, depth: depth, width: width)
            let rule = sgd.build(settings, schedule: nil, clipping: clipped ? .norm(clipNorm) : nil).rule(on: FlatVector.self)!
            let start = DepthProbe.initialParameters(configuration, depth: depth, width: width, seed: seed)
            let run = NetworkTrainer(shape: shape, data: data, epochs: steps + 1).run(racer: configuration.label, rule: rule, from: start)
            slots.set(i, Entry(configuration: configuration, clipped: clipped, run: run))
        }
        entries = slots.values
    }

    /// `depth-training.csv`: configuration, clipped, step, loss, gradient norm.
    public var csv: String {
        var text = "configuration,clip_norm,step,loss,grad_norm\n"
        for entry in entries {
            let clip = entry.clipped ? NumberFormat.roundTrip(clipNorm) : ""
            for (step, loss) in entry.run.losses.enumerated() {
                text += "\(TrajectoryCSV.field(entry.configuration.label)),\(clip),\(step),\(NumberFormat.roundTrip(loss)),\(NumberFormat.roundTrip(entry.run.gradientNorms[step]))\n"
            }
        }
        return text
    }
}
