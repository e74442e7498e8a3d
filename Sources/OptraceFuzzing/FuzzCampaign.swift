import Foundation
import OptraceCore

/// Runs many generated inputs through a target, timing each, and reports what it saw.
public struct FuzzCampaign {
    /// What a campaign found.
    public struct Report: Sendable {
        public var inputs = 0
        public var findings: [String] = []
        /// Inputs that took longer than the time limit (each counts as a hang).
        public var slow: [String] = []
        public var slowestSeconds = 0.0
        public var seconds = 0.0
        /// Peak resident memory of the process, in MiB.
        public var peakMemoryMiB = 0.0
    }

    /// The check each input goes through: a finding when a property is violated.
    public let check: ([UInt8]) -> FuzzTarget.Finding?
    /// The inputs the generator mutates.
    public let corpus: [[UInt8]]
    public let seed: UInt64
    /// Tokens spliced into the inputs.
    public let dictionary: [String]
    /// An input taking longer than this is reported as a hang.
    public var timeLimit: Double = 1.0

    /// A campaign on one of the targets, from its seed corpus.
    public init(target: FuzzTarget, seed: UInt64) {
        self.init(corpus: FuzzSeeds.corpus(for: target), seed: seed, dictionary: FuzzSeeds.dictionary(for: target), check: target.run)
    }

    /// A campaign feeding mutations of `corpus` (with tokens of `dictionary` spliced in) to `check`.
    public init(corpus: [[UInt8]], seed: UInt64, dictionary: [String] = FuzzSeeds.dictionary, check: @escaping ([UInt8]) -> FuzzTarget.Finding?) {
        self.corpus = corpus
        self.seed = seed
        self.dictionary = dictionary
        self.check = check
    }

    /// Runs `count` inputs.
    public func run(count: Int, progress: ((Int) -> Void)? = nil) -> Report {
        var generator = FuzzInputGenerator(seed: seed, corpus: corpus, dictionary: dictionary)
        var report = Report()
        let start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<count {
            let input = generator.input()
            let t0 = DispatchTime.now().uptimeNanoseconds
            let finding = check(input)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            report.inputs += 1
            report.slowestSeconds = max(report.slowestSeconds, elapsed)
            let shown = String(decoding: input.prefix(200), as: UTF8.self)
            if let finding { report.findings.append(finding.description) }
            if elapsed > timeLimit { report.slow.append("\(String(format: "%.2f", elapsed)) s: \(shown)") }
            if i % 10_000 == 9_999 { progress?(i + 1) }
        }
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        report.peakMemoryMiB = Double(usage.ru_maxrss) / 1024
        return report
    }
}
