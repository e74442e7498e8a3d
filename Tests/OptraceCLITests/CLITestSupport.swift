import Foundation
import Testing
@testable import OptraceCLI

/// What one in-process run of the command line printed and returned.
struct CommandOutcome {
    let code: Int32
    let stdout: String
    let stderr: String
}

/// Runs `optrace ARGS` in-process with a captured console.
func optrace(_ arguments: String...) -> CommandOutcome {
    optrace(arguments)
}

/// Runs `optrace ARGS` in-process with a captured console; `environment`, when given, stands for the whole
/// environment that the command reads.
func optrace(_ arguments: [String], environment: [String: String]? = nil) -> CommandOutcome {
    let capture = CapturedConsole()
    let code = CommandEnvironment.$replacement.withValue(environment) {
        Console.$current.withValue(capture.console) { Optrace.run(arguments) }
    }
    return CommandOutcome(code: code, stdout: capture.stdout, stderr: capture.stderr)
}

/// A fresh empty temporary folder.
func temporaryFolder() -> String {
    let path = NSTemporaryDirectory() + "optrace-test-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// The names in `folder`, sorted ([] when it does not exist), without optrace's record of the last run (`.optrace-files`).
func contents(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0 != ".optrace-files" }.sorted()
}

/// The bytes of the file at `path` ([] when it cannot be read).
func bytes(_ path: String) -> [UInt8] {
    [UInt8](FileManager.default.contents(atPath: path) ?? Data())
}

/// The UTF-8 text of the file at `path` ("" when it cannot be read).
func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

/// Writes `text` to a new file in a temporary folder and returns its path.
func scenarioFile(_ text: String, name: String = "bad.yaml") -> String {
    let path = temporaryFolder() + "/" + name
    try! text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// The root of the package (for reading scenarios/).
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// Runs the real `optrace` executable with `variables` added to the environment; returns its exit code and standard
/// error (standard output discarded).
func runExecutable(_ arguments: [String], adding variables: [String: String]) throws -> (code: Int32, stderr: String) {
    let executable = try #require(InterruptedRun.executable, "optrace executable not found near \(Bundle.main.bundleURL.path)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(variables) { $1 }
    process.standardOutput = FileHandle.nullDevice
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
}
