import Foundation
import OptraceCLI
import Yams
@testable import OptraceLive

/// A fresh empty temporary folder.
func temporaryFolder() -> String {
    let path = NSTemporaryDirectory() + "optrace-live-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// An app serving the built-in scenarios only (its scenario folder is empty).
let app = LiveApp(scenarioFolder: temporaryFolder())

func get(_ target: String, on app: LiveApp = app) -> LiveResponse {
    app.respond(to: LiveRequest(method: "GET", target: target))
}

func post(_ target: String, _ body: String, on app: LiveApp = app) -> LiveResponse {
    app.respond(to: LiveRequest(method: "POST", target: target, body: Array(body.utf8)))
}

/// The response body parsed as a JSON object (empty when it is not one).
func object(_ response: LiveResponse) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
}

/// The JSON text of `value`.
func json(_ value: Any) -> String {
    String(decoding: try! JSONSerialization.data(withJSONObject: value), as: UTF8.self)
}

/// Runs `optrace ARGS` in-process; returns the exit code and what it printed.
func optrace(_ arguments: String...) -> (code: Int32, stdout: String, stderr: String) {
    let capture = CapturedConsole()
    let code = Console.$current.withValue(capture.console) { Optrace.run(arguments) }
    return (code, capture.stdout, capture.stderr)
}

/// The bytes of the file at `path`.
func bytes(_ path: String) -> [UInt8] {
    Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
}

/// The number arrays under `key` of each racer of a race answer, read exactly (JSON text → `Double(_:)`), since
/// Foundation's JSON reader may round the last digit differently.
func exactNumbers(_ response: LiveResponse, key: String) -> [[Double?]] {
    guard let root = try? Yams.compose(yaml: response.text), let racers = root["racers"]?.sequence else { return [] }
    return racers.map { racer in
        (racer[key]?.sequence ?? []).map { node in node.scalar.flatMap { Double($0.string) } }
    }
}
