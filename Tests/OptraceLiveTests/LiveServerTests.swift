import Foundation
import OptraceLive
import OptraceServer
import Testing

/// Runs `body` against a real server on a free loopback port, then stops it.
func withLiveServer(_ body: @Sendable (RawHTTPClient) async throws -> Void) async throws {
    let server = LiveServer(app: LiveApp(scenarioFolder: temporaryFolder()), host: "127.0.0.1", port: 0)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let task = Task { try await server.runUntilCancelled { continuation.yield($0) } }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { Issue.record("the server did not start"); return }
    defer { task.cancel() }
    try await body(RawHTTPClient(port: port))
    task.cancel()
    _ = await task.result
}

/// The resident set size of this process, in bytes.
func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}

/// The server over a real socket: routes, limits, and ten thousand malformed requests answered with 4xx only.
@Suite(.serialized) struct LiveServerTests {
    @Test func pagesAndTheRaceOverTheSocket() async throws {
        try await withLiveServer { client in
            let index = client.request("GET", "/")
            #expect(index?.status == 200 && index?.body.contains("<!doctype html>") == true)
            let race = client.request("POST", "/api/race", body: #"{"scenario": "valley-bump"}"#)
            #expect(race?.status == 200)
            let answer = (try? JSONSerialization.jsonObject(with: Data((race?.body ?? "").utf8))) as? [String: Any]
            #expect(answer?["steps"] as? Int == 200)
            let bad = client.request("POST", "/api/race", body: #"{"scenario": "valley-bump", "steps": 0}"#)
            #expect(bad?.status == 400 && bad?.body.contains("\"field\":\"steps\"") == true)
        }
    }

    @Test func oversizedBodiesAndTargetsAreRefused() async throws {
        try await withLiveServer { client in
            let big = String(repeating: " ", count: (1 << 20) + 10)
            let answer = client.request("POST", "/api/race", body: big)
            #expect(answer?.status == 413, "\(String(describing: answer?.status))")
            let long = "/race/" + String(repeating: "a", count: 70_000)
            let status = client.request("GET", long)?.status
            #expect(status.map { (400..<500).contains($0) } ?? true, "\(String(describing: status))")
            #expect(client.request("GET", "/stepper")?.status == 200, "still serving")
        }
    }

    @Test func tenThousandMalformedRequestsGetOnly4xxAndTheServerKeepsServing() async throws {
        try await withLiveServer { client in
            let requests = MalformedRequests.make(count: 10_000, seed: 42)
            #expect(requests.count == 10_000)
            _ = client.request("POST", "/api/race", body: #"{"scenario": "valley-bump"}"#)
            let before = residentBytes()
            let lock = NSLock()
            nonisolated(unsafe) var statuses: [Int: Int] = [:]
            nonisolated(unsafe) var unanswered = 0
            nonisolated(unsafe) var offenders: [String] = []
            DispatchQueue.concurrentPerform(iterations: 4) { worker in
                for k in stride(from: worker, to: requests.count, by: 4) {
                    let answer = client.exchange(requests[k]) ?? []
                    let codes = RawHTTPClient.statuses(answer)
                    lock.withLock {
                        if codes.isEmpty { unanswered += 1 }
                        for code in codes { statuses[code, default: 0] += 1 }
                        if codes.contains(where: { !(400..<500).contains($0) }) && offenders.count < 5 {
                            offenders.append(String(decoding: requests[k].prefix(160), as: UTF8.self))
                        }
                    }
                }
            }
            let bad = statuses.filter { !(400..<500).contains($0.key) }
            #expect(bad.isEmpty, "answers outside 4xx: \(bad), for example \(offenders)")
            // A request cut off before its head ends is closed without an answer, as HTTP allows; most are answered.
            #expect(unanswered < 2_000, "\(unanswered) connections closed without an answer; statuses \(statuses)")
            #expect(client.request("GET", "/")?.status == 200)
            let race = client.request("POST", "/api/race", body: #"{"scenario": "valley-bump"}"#)
            #expect(race?.status == 200)
            let growth = residentBytes() - before
            #expect(growth < 300 << 20, "resident memory grew by \(growth >> 20) MiB")
        }
    }
}

/// `optrace-serve`'s arguments: port range, host, and which hosts count as loopback (others print a warning).
@Suite struct ServeCommandTests {
    @Test func portsAndHostsAreChecked() throws {
        #expect(throws: (any Error).self) { try ServeCommand.parse(["--port", "70000"]) }
        #expect(throws: (any Error).self) { try ServeCommand.parse(["--port", "-1"]) }
        #expect(throws: (any Error).self) { try ServeCommand.parse(["--host", "a b"]) }
        let command = try ServeCommand.parse(["--port", "0", "--host", "::1", "--open"])
        #expect(command.port == 0 && command.host == "::1" && command.open)
        let defaults = try ServeCommand.parse([])
        #expect(defaults.port == 8765 && defaults.host == "127.0.0.1" && !defaults.open)
    }

    @Test func onlyLoopbackHostsAreQuiet() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1"] { #expect(ServeCommand.isLoopback(host), "\(host)") }
        for host in ["0.0.0.0", "192.168.1.10", "::", "example.org"] { #expect(!ServeCommand.isLoopback(host), "\(host)") }
    }
}
