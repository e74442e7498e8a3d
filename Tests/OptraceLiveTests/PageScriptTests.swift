import Foundation
import Testing
@testable import OptraceLive

/// The embedded scripts are valid JavaScript (checked by node where it is installed).
@Suite struct PageScriptTests {
    static let node: String? = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: node != nil, "node is not installed; the scripts are checked in the browser test")) func everyScriptParses() throws {
        let folder = temporaryFolder()
        for (name, asset) in Pages.assets where name.hasSuffix(".js") {
            let path = folder + "/" + name
            try asset.text.write(toFile: path, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.node!)
            process.arguments = ["--check", path]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            process.waitUntilExit()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(name): \(message)")
        }
    }

    @Test func theFormulaAsJavaScriptEvaluatesTheSurface() throws {
        // The race page computes f under the pointer from this text; check it against the tape with node when present.
        let answer = object(post("/api/race", #"{"scenario": "rosenbrock"}"#))
        let source = answer["javascript"] as? String ?? ""
        #expect(source.contains("Math.pow"))
        guard let node = Self.node else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", "const f = (x, y) => \(source); console.log(f(0.5, -0.25).toPrecision(17))"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let value = Double(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        let expected = 1.0 * (1 - 0.5) * (1 - 0.5) + 100 * (-0.25 - 0.25) * (-0.25 - 0.25)
        #expect(value.map { abs($0 - expected) < 1e-9 } == true, "\(String(describing: value)) against \(expected)")
    }
}
