import Foundation
import OptraceCore
import Testing
@testable import OptraceLive

/// Every page and asset answers, and every wrong path or method is a 4xx with a one-line JSON error.
@Suite struct LiveRouteTests {
    @Test func pagesAreHTMLThatLoadTheirOwnScriptsOnly() {
        for (target, script) in [("/", "index.js"), ("/race/valley-bump", "race.js"), ("/race/", "race.js"), ("/stepper", "stepper.js"),
                                 ("/tune/rosenbrock", "tune.js")] {
            let page = get(target)
            #expect(page.status == 200, "\(target)")
            #expect(page.contentType == "text/html; charset=utf-8")
            #expect(page.text.contains("<script src=\"/assets/\(script)\" defer></script>"), "\(target)")
            // Everything is served from here: no CDN, no remote font or script.
            #expect(!Self.fetchesFromElsewhere(page.text), "\(target)")
        }
    }

    @Test func assetsAreEmbeddedAndTyped() {
        for (name, asset) in Pages.assets {
            let response = get("/assets/\(name)")
            #expect(response.status == 200)
            #expect(response.text == asset.text)
            #expect(response.contentType.hasPrefix(name.hasSuffix(".css") ? "text/css" : "text/javascript"))
            #expect(!Self.fetchesFromElsewhere(asset.text), "\(name) fetches nothing from elsewhere")
        }
        #expect(get("/assets/nope.js").status == 404)
    }

    /// Whether `text` loads anything from another host: a `src` or `href` with a scheme, a CSS import or URL, a fetch.
    static func fetchesFromElsewhere(_ text: String) -> Bool {
        let patterns = [#"(src|href)\s*=\s*["']?(https?:)?//"#, #"@import"#, #"url\(\s*["']?(https?:)?//"#, #"fetch\(\s*["'`](https?:)?//"#]
        return patterns.contains { text.range(of: $0, options: .regularExpression) != nil }
    }

    @Test func unknownPathsAreNotFoundWithOneLine() {
        for target in ["/nope", "/race/valley-bump/extra", "/api/nope", "/stepper/x", "/assets/", "/race/no-such-scenario", "/tune/no-such-scenario"] {
            let response = get(target)
            #expect(response.status == 404, "\(target)")
            #expect(response.contentType == "application/json")
            let message = object(response)["error"] as? String ?? ""
            #expect(!message.isEmpty && !message.contains("\n"), "\(target): \(message)")
        }
        #expect((object(get("/race/valle-bump"))["error"] as? String ?? "").contains("did you mean 'valley-bump'"))
    }

    @Test func wrongMethodsAreRefused() {
        #expect(post("/", "").status == 405)
        #expect(post("/race/valley-bump", "").status == 405)
        #expect(get("/api/race").status == 405)
        #expect(get("/api/grad").status == 405)
        #expect(post("/api/catalog", "{}").status == 405)
        #expect(app.respond(to: LiveRequest(method: "DELETE", target: "/api/race")).status == 405)
        #expect(app.respond(to: LiveRequest(method: "PUT", target: "/stepper")).status == 405)
    }

    @Test func bodiesOverTheLimitAreRefusedBeforeReading() {
        let big = LiveRequest(method: "POST", target: "/api/race", body: [UInt8](repeating: 0x20, count: (1 << 20) + 1))
        let response = app.respond(to: big)
        #expect(response.status == 413)
        #expect((object(response)["error"] as? String ?? "").contains("1048576-byte limit"))
    }

    @Test func scenariosAndCatalogList() {
        let list = (try? JSONSerialization.jsonObject(with: Data(get("/api/scenarios").body))) as? [[String: Any]] ?? []
        #expect(list.map { $0["name"] as? String ?? "" } == BuiltinScenarios.names)
        #expect(list.first { $0["name"] as? String == "valley-bump" }?["title"] as? String == "Elongated valley and a Gaussian bump")
        let catalog = object(get("/api/catalog"))
        let optimizers = catalog["optimizers"] as? [[String: Any]] ?? []
        #expect(optimizers.count >= 12)
        let adam = optimizers.first { $0["name"] as? String == "adam" }
        let parameters = adam?["parameters"] as? [[String: Any]] ?? []
        let betas = parameters.first { $0["name"] as? String == "betas" }
        #expect(betas?["kind"] as? String == "pair")
        #expect(betas?["default"] as? [Double] == [0.9, 0.999])
        #expect((catalog["colormap"] as? [String])?.count == 64)
    }

    @Test func thumbnailsArePNGsOfTheMap() {
        let response = get("/api/thumbnail/rosenbrock.png")
        #expect(response.status == 200 && response.contentType == "image/png")
        #expect(Array(response.body.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(get("/api/thumbnail/nope.png").status == 404)
        #expect(get("/api/thumbnail/rosenbrock.jpg").status == 404)
    }

    @Test func percentDecodingRefusesMalformedEscapes() {
        #expect(PercentEncoding.decode("a%20b") == "a b")
        #expect(PercentEncoding.decode("%E2%88%82L") == "∂L")
        #expect(PercentEncoding.decode("%") == nil)
        #expect(PercentEncoding.decode("%zz") == nil)
        #expect(PercentEncoding.decode("%FF%FE") == nil)
        #expect(PercentEncoding.encode("a b/∂") == "a%20b%2F%E2%88%82")
        let request = LiveRequest(method: "GET", target: "/race/x?racers=%5B1%5D&step=12&a+b=c+d")
        #expect(request.path == "/race/x")
        #expect(request.query("racers") == "[1]" && request.query("step") == "12" && request.query("a b") == "c d")
    }
}

