import ArgumentParser
import OptraceCore

/// The argument checks several commands share, each failing with the one-line message the user sees.
enum ArgumentChecks {
    /// A step count (`name`, e.g. "--steps") within 1…`Scenario.maximumSteps`, when given.
    static func steps(_ steps: Int?, name: String = "--steps") throws {
        if let steps, !(1...Scenario.maximumSteps).contains(steps) {
            throw ValidationError("\(name): expected a whole number from 1 to \(Scenario.maximumSteps), found \(steps)")
        }
    }

    /// A seed (`name`, e.g. "--seed") as written, when given: a whole number from 0 to 2⁶⁴ − 1.
    static func seed(_ text: String?, name: String) throws -> UInt64? {
        guard let text else { return nil }
        guard !text.isEmpty, text.utf8.allSatisfy({ (48...57).contains($0) }), let value = UInt64(text) else {
            throw ValidationError("\(name): expected a whole number from 0 to \(UInt64.max), found \(text.isEmpty ? "nothing" : text)")
        }
        return value
    }

    /// An output folder path that can name a folder (not empty, no NUL, within the length limits), when given.
    static func outputFolder(_ out: String?) throws {
        if let out, let problem = PathText.problem(out) { throw ValidationError("--out: \(problem)") }
    }
}
