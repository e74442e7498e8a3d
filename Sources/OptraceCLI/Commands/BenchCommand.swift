import ArgumentParser
import Foundation
import OptraceCore

/// `optrace bench`: measured speed of the tape and the race, beside their yardsticks.
public struct BenchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure gradient evaluations and race steps per second (build with -c release).",
        discussion: """
            Gradient evaluations through the autodiff tape on valley-bump are timed against a \
            hand-written Swift function of the same f and ∇f; then a 3-racer race of --race-steps \
            steps is timed end to end (noise, optimizers, surface, recording). Then the networks: the \
            chapter's XOR cell (the built-in xor scenario, 201 epochs) end to end, and the gradient of a \
            9 829-parameter MLP on a batch of 64 through the tape against the hand-written backward pass. \
            Figures are medians of --repeats runs after a warm-up.
            """
    )

    @Option(help: "Gradient evaluations per timed run.")
    public var evaluations: Int = 2_000_000

    @Option(help: "Steps of the timed race (3 racers).")
    public var raceSteps: Int = 1_000_000

    @Option(help: "Timed runs per figure (the median is reported).")
    public var repeats: Int = 7

    public init() {}

    public func validate() throws {
        if evaluations < 1 { throw ValidationError("--evaluations: expected a whole number ≥ 1, found \(evaluations)") }
        try ArgumentChecks.steps(raceSteps, name: "--race-steps")
        if repeats < 1 { throw ValidationError("--repeats: expected a whole number ≥ 1, found \(repeats)") }
    }

    public func run() throws {
        let console = Console.current
        #if DEBUG
            console.print("warning: this is a debug build; measure with 'swift run -c release optrace bench'")
        #endif
        let scenario = try ScenarioLocator.load(nil)
        let points = samplePoints(count: 4096, domain: scenario.surface.domain)

        var tape = scenario.surface.makeEvaluator()
        var hand = HandWrittenValleyBump()
        var checksum = 0.0
        let timings = Stopwatch.interleavedMedians(repeats: repeats, [
            { checksum += sweep(&tape, points) },
            { checksum += sweep(&hand, points) },
        ])
        let (tapeSeconds, handSeconds) = (timings[0], timings[1])
        let tapeRate = Double(evaluations) / tapeSeconds
        let handRate = Double(evaluations) / handSeconds

        let race = scenario.with(steps: raceSteps)
        let raceTimings = Stopwatch.interleavedMedians(repeats: max(1, repeats / 2), [
            { _ = race.run() },
            { _ = race.run(concurrent: false) },
        ])
        let (raceSeconds, serialSeconds) = (raceTimings[0], raceTimings[1])
        let racerSteps = Double(raceSteps * race.racers.count)

        func rate(_ r: Double) -> String { NumberFormat.fixedSignificant(r / 1e6, 4) + " M/s" }
        func ns(_ seconds: Double, _ count: Double) -> String { NumberFormat.fixed(seconds / count * 1e9, 1) + " ns" }
        console.print("optrace bench — valley-bump, medians of \(repeats) runs (\(ProcessInfo.processInfo.activeProcessorCount) cores)")
        console.print("")
        console.print("gradient evaluations (f and ∇f), \(evaluations) per run")
        console.print("  autodiff tape                \(rate(tapeRate))   \(ns(tapeSeconds, Double(evaluations))) each")
        console.print("  hand-written Swift           \(rate(handRate))   \(ns(handSeconds, Double(evaluations))) each")
        console.print("  ratio tape / hand-written    \(NumberFormat.fixed(tapeSeconds / handSeconds, 2))×   (goal ≤ 3×)")
        console.print("")
        console.print("race: \(race.racers.count) racers × \(raceSteps) steps, with full trajectory recording")
        console.print("  racers in parallel           \(NumberFormat.fixed(raceSeconds, 3)) s   \(rate(racerSteps / raceSeconds)) racer-steps   (goal < 1 s)")
        console.print("  one thread                   \(NumberFormat.fixed(serialSeconds, 3)) s   \(rate(racerSteps / serialSeconds)) racer-steps")
        if checksum.isNaN { console.print("(checksum NaN)") }
        try networks(console)
    }

    /// The networks' figures: the XOR cell end to end, and an MLP's gradient by tape and by hand.
    func networks(_ console: Console) throws {
        guard case .model(let xor)? = try ScenarioLocator.builtinDocument("xor") else { return }
        var last = 0.0
        let cell = Stopwatch.interleavedMedians(repeats: repeats, [{ last = ModelRace(xor).runs[0].losses.last ?? .nan }])[0]
        let shape = NetworkShape(widths: [32, 100, 64, 1], hidden: .tanh, output: .sigmoid, loss: .bce)
        var rng = NumpyGenerator(seed: 7)
        let inputs = Matrix(rows: 64, columns: 32, values: (0..<(64 * 32)).map { _ in rng.standardNormal() })
        let targets = Matrix(rows: 64, columns: 1, values: (0..<64).map { _ in rng.uniform() < 0.5 ? 0 : 1 })
        let theta = NetworkInitialization(scale: .xavier, seed: 7).parameters(for: shape)
        let rounds = 20
        var sum = 0.0
        let timings = Stopwatch.interleavedMedians(repeats: repeats, [
            { for _ in 0..<rounds { sum += NetworkGradient.tape(shape, theta: theta, inputs: inputs, targets: targets).gradient[0] } },
            { for _ in 0..<rounds { sum += NetworkGradient.byHand(shape, theta: theta, inputs: inputs, targets: targets).gradient[0] } },
        ])
        let (tape, hand) = (timings[0] / Double(rounds), timings[1] / Double(rounds))
        console.print("")
        console.print("networks")
        console.print("  the XOR cell, 201 epochs     \(NumberFormat.fixed(cell * 1e3, 2)) ms   (final loss \(NumberFormat.fixed(last, 4)); goal well under 10 ms)")
        console.print("  MLP 32-100-64-1 (\(shape.parameterCount) parameters), gradient on a batch of 64:")
        console.print("    tape                       \(NumberFormat.fixed(tape * 1e6, 1)) µs")
        console.print("    hand-written backward      \(NumberFormat.fixed(hand * 1e6, 1)) µs")
        console.print("    ratio tape / hand-written  \(NumberFormat.fixed(tape / hand, 2))×   (goal ≤ 3×)")
        if sum.isNaN { console.print("(checksum NaN)") }
    }

    /// Evaluates f and ∇f `evaluations` times, cycling through `points`.
    func sweep<E: GradientEvaluator>(_ evaluator: inout E, _ points: [Vec2]) -> Double {
        var sum = 0.0
        var i = 0
        for _ in 0..<evaluations {
            let (v, g) = evaluator.valueAndGradient(at: points[i])
            sum += v + g.x + g.y
            i = i == points.count - 1 ? 0 : i + 1
        }
        return sum
    }

    /// Points spread over the domain (a fixed low-discrepancy lattice).
    func samplePoints(count: Int, domain: Domain) -> [Vec2] {
        (0..<count).map { i in
            let u = (Double(i) + 0.5) / Double(count)
            let v = (Double(i) * 0.6180339887498949).truncatingRemainder(dividingBy: 1)
            return Vec2(
                domain.xRange.lowerBound + u * domain.span.x,
                domain.yRange.lowerBound + v * domain.span.y)
        }
    }
}
