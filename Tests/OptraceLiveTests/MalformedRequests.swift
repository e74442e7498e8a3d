import Foundation

/// Seeded malformed HTTP requests: bad JSON and YAML, huge numbers, wrong types, long URLs, bad methods, broken heads.
enum MalformedRequests {
    static func make(count: Int, seed: UInt64) -> [[UInt8]] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        let paths = ["/api/race", "/api/grad", "/api/tune", "/api/surface", "/api/race/file/race.apng", "/api/race/file/scenario.yaml"]
        let bodies: [() -> String] = [
            { "{" },
            { "{\"scenario\": " },
            { "[" + String(repeating: "[", count: 200 + Int(next() % 5000)) },
            { "{\"scenario\": \"valley-bump\", \"steps\": 1e999}" },
            { "{\"scenario\": \"valley-bump\", \"steps\": \(Int64(bitPattern: next()))}" },
            { "{\"scenario\": \"valley-bump\", \"racers\": \"all\"}" },
            { "{\"scenario\": \"valley-bump\", \"racers\": [{\"optimizer\": \"adam\", \"lr\": \"NaN\"}]}" },
            { "{\"scenario\": \"valley-bump\", \"racers\": [" + String(repeating: "{\"name\": \"a\", \"optimizer\": \"sgd\", \"lr\": 0.1},", count: 40) + "{}]}" },
            { "{\"scenario\": \"valley-bump\", \"noise\": {\"sigma\": [1, 2, 3]}}" },
            { "{\"scenario\": \"valley-bump\", \"start\": [1e309, -1e308]}" },
            { "{\"scenario\": 12}" },
            { "{\"scenario\": \"../../../etc/passwd\"}" },
            { "{\"yaml\": \"a: &a [*a]\"}" },
            { "{\"yaml\": \"" + String(repeating: "x: [", count: 300) + "\"}" },
            { "a: &a [1, 2]\nb: &b [*a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c]\n" },
            { "{\"expression\": \"" + String(repeating: "(", count: 1500) + "x\"}" },
            { "{\"expression\": \"x^\", \"at\": {\"x\": \"y\"}}" },
            { "{\"preset\": [\"A\"]}" },
            { "{\"params\": [\"lr=1:0:log:999999999\"], \"scenario\": \"valley-bump\"}" },
            { "{\"params\": \"lr\", \"scenario\": \"valley-bump\"}" },
            { String(decoding: (0..<(8 + Int(next() % 200))).map { _ in UInt8(truncatingIfNeeded: next()) }, as: UTF8.self) },
            { "{\"scenario\": \"valley-bump\", \"steps\": 20000, \"racers\": [{\"name\": \"x\", \"optimizer\": \"sgd\", \"lr\": 1e400}]}" },
            { "{\"scenario\": \"valley-bump\", \"checkpoints\": [-1]}" },
            { "{\"scenario\": \"valley-bump\", \"threshold\": {}}" },
        ]
        var out: [[UInt8]] = []
        while out.count < count {
            let kind = next() % 10
            var request: [UInt8]
            switch kind {
            case 0...5:
                let body = pick(bodies)()
                let path = pick(paths) + (next() % 4 == 0 ? "?width=\(Int64(bitPattern: next()))&scale=nan" : "")
                request = Array("POST \(path) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)".utf8)
            case 6:
                let long = String(repeating: pick(["a", "%2e", "/..", "%"]), count: 1000 + Int(next() % 20000))
                request = Array("GET /race/\(long) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8)
            case 7:
                let method = pick(["PUT", "DELETE", "PATCH", "OPTIONS", "BREW", "TRACE"])
                request = Array("\(method) \(pick(paths + ["/", "/stepper", "/race/valley-bump"])) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8)
            case 8:
                request = Array("GET \(pick(["/nope", "/race/x/y", "/api/", "/assets/../etc/passwd", "/race/%ZZ", "/api/thumbnail/%00.png", "/tune/..%2f..%2f"]))\(next() % 3 == 0 ? "?x=%" : "") HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8)
            default:
                // Broken heads: a wrong version, a missing target, header garbage, a lying Content-Length.
                request = Array(pick([
                    "GET / HTTP/9.9\r\n\r\n",
                    "GET\r\n\r\n",
                    "POST /api/race HTTP/1.1\r\nContent-Length: abc\r\n\r\n{}",
                    "POST /api/race HTTP/1.1\r\nContent-Length: 10\r\nConnection: close\r\n\r\n{}",
                    "GET / HTTP/1.1\r\nBad Header Line\r\n\r\n",
                    "\u{1}\u{2}\u{3}\r\n\r\n",
                    "POST /api/grad HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n",
                ]).utf8)
            }
            out.append(request)
        }
        return out
    }
}
