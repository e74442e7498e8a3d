import OptraceCore

/// What a fuzz input is fed to: the expression parser and tape, or the scenario loader and a short race.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case expression
    case scenario

    /// A problem a fuzz input revealed that is not a clean refusal (a crash would end the process instead).
    public struct Finding: Error, CustomStringConvertible {
        public let description: String
    }

    /// Feeds `bytes` to the target. Bad input must be refused with an error value; a violated
    /// property is returned as a finding.
    public func run(_ bytes: [UInt8]) -> Finding? {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .expression: return Self.expression(text)
        case .scenario: return Self.scenario(text)
        }
    }

    static func expression(_ text: String) -> Finding? {
        guard let parsed = try? Expression(parsing: text) else { return nil }
        // Printing and parsing again gives the same tree.
        guard let reparsed = try? Expression(parsing: parsed.description), reparsed == parsed else {
            return Finding(description: "description does not parse back to the same tree: \(text)")
        }
        let variables = parsed.variables
        guard let tape = try? Tape(parsed, variables: variables) else {
            return Finding(description: "a parsed expression failed to compile: \(text)")
        }
        for point in [0.5, -1.25, 3.0] {
            let inputs = variables.indices.map { point + Double($0) * 0.75 }
            let (value, gradient) = tape.gradient(at: inputs)
            let trace = tape.trace(at: inputs)
            if gradient.count != variables.count || trace.gradient.count != variables.count {
                return Finding(description: "gradient has the wrong length: \(text)")
            }
            // The fast program reassociates constants (x/c becomes (1/c)·x, e^y becomes exp(y)), so on
            // ill-conditioned inputs it may differ from the as-written trace in the last bits, which
            // sin(1e16·…) then amplifies, and 0·∞ may be NaN on one side and dropped on the other; the unit tests hold the two to 1e-12 on sound expressions.
            // Here both must at least agree on whether f is finite (NaN and ±inf both end a race).
            if value.isFinite != trace.value.isFinite {
                return Finding(description: "fast tape and trace disagree on finiteness (\(value) vs \(trace.value)): \(text)")
            }
        }
        return nil
    }

    static func scenario(_ text: String) -> Finding? {
        guard let scenario = try? ScenarioLoader.parse(yaml: text, file: "fuzz.yaml") else { return nil }
        let short = scenario.with(steps: min(scenario.steps, 40))
        let result = short.run(concurrent: false)
        for trajectory in result.trajectories where trajectory.positions.count != trajectory.losses.count {
            return Finding(description: "trajectory arrays differ in length")
        }
        _ = TrajectoryCSV.render(result)
        _ = ScoreboardJSON.document(short, result).serialized()
        return nil
    }
}
