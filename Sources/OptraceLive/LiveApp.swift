import Foundation
import OptraceCore
import OptracePictures
import OptracePlot

/// The live instruments' request handling: every page, asset and API route, as a pure function of the request.
///
/// The HTTP server (`OptraceServer`) only moves bytes between the socket and `respond(to:)`, so every route and every
/// error is tested in process without a socket. Nothing here writes a file; the only files read are the built-in
/// scenarios and `scenarios/NAME.yaml` by name.
public final class LiveApp: Sendable {
    public let limits: LiveLimits
    public let scenarios: LiveScenarios
    let surfaces = SurfaceCache()
    let bases = BaseScenarioCache()

    /// Serves the scenarios of `folder` (default: the working folder) and the built-in ones.
    public init(limits: LiveLimits = LiveLimits(), scenarioFolder: String = FileManager.default.currentDirectoryPath) {
        self.limits = limits
        self.scenarios = LiveScenarios(folder: scenarioFolder)
    }

    /// The most frames a downloaded animation has (a longer race is drawn every k-th step).
    public static let maximumDownloadFrames = 600

    /// The answer to `request`; never throws: bad input is a 4xx answer with a one-line message.
    public func respond(to request: LiveRequest) -> LiveResponse {
        if request.body.count > limits.maximumBodyBytes {
            return .error(413, "request body of \(request.body.count) bytes is over the \(limits.maximumBodyBytes)-byte limit")
        }
        do {
            return try route(request)
        } catch {
            return error.response
        }
    }

    func route(_ request: LiveRequest) throws(LiveError) -> LiveResponse {
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        guard request.path.hasPrefix("/") else { throw LiveError(400, "request target must start with '/'") }
        switch (request.method, parts.first ?? "") {
        case ("GET", ""), ("GET", "index.html"):
            try expect(parts.count == 1, request)
            return .text(Pages.index, type: "text/html; charset=utf-8")
        case ("GET", "race"):
            if parts.count == 2 && parts[1].isEmpty { return .text(Pages.race, type: "text/html; charset=utf-8") }
            try expect(parts.count == 2, request)
            _ = try scenarios.text(named: parts[1])
            return .text(Pages.race, type: "text/html; charset=utf-8")
        case ("GET", "tune"):
            if parts.count == 2 && parts[1].isEmpty { return .text(Pages.tune, type: "text/html; charset=utf-8") }
            try expect(parts.count == 2, request)
            _ = try scenarios.text(named: parts[1])
            return .text(Pages.tune, type: "text/html; charset=utf-8")
        case ("GET", "stepper"):
            try expect(parts.count == 1, request)
            return .text(Pages.stepper, type: "text/html; charset=utf-8")
        case ("GET", "assets"):
            try expect(parts.count == 2, request)
            guard let asset = Pages.asset(named: parts[1]) else { throw notFound(request) }
            return .text(asset.text, type: asset.type)
        case (_, "api"):
            return try api(request, Array(parts.dropFirst()))
        case (let method, _) where method != "GET":
            throw LiveError(405, "\(method.prefix(20)) \(request.path.prefix(200)): method not allowed; pages answer GET")
        default:
            throw notFound(request)
        }
    }

    func api(_ request: LiveRequest, _ parts: [String]) throws(LiveError) -> LiveResponse {
        let path = parts.joined(separator: "/")
        let last = parts.last ?? ""
        switch (request.method, path) {
        case ("GET", "scenarios"):
            return .json(scenarioList())
        case ("GET", "catalog"):
            return .json(LiveCatalog.json)
        case ("GET", _) where parts.count == 2 && parts[0] == "thumbnail" && last.hasSuffix(".png"):
            let name = String(last.dropLast(4))
            let (text, fileName) = try scenarios.text(named: name)
            let scenario = try parse(text, file: fileName, name: name)
            return try png(surface(text: text, scenario: scenario, width: 400, height: 300, scale: 1).png)
        case ("POST", "race"):
            let (resolved, result) = try race(request)
            return .json(RaceAnswer.json(resolved, result))
        case ("POST", "surface"):
            let query = try RaceQuery(body: request.body, scenarios: scenarios)
            let resolved = try query.resolve(maximumSteps: limits.maximumSteps, cache: bases)
            let width = try size(request, "width", default: 800, range: 200...limits.maximumPicturePixels)
            let height = try size(request, "height", default: 600, range: 150...limits.maximumPicturePixels)
            let scale = try number(request, "scale", default: 1, range: 0.5...3)
            if Double(max(width, height)) * scale > Double(limits.maximumPicturePixels) {
                throw LiveError(400, "request: width/height/scale: at most \(limits.maximumPicturePixels) pixels a side", field: "width")
            }
            let picture = try surface(text: query.baseText, scenario: resolved.scenario, width: width, height: height, scale: scale)
            return .json(.object([
                ("image", .string("data:image/png;base64," + Data(picture.png).base64EncodedString())),
                ("width", .integer(picture.pixelWidth)),
                ("height", .integer(picture.pixelHeight)),
                ("plot", .object([
                    ("x", .number(picture.plot.rect.minX)), ("y", .number(picture.plot.rect.minY)),
                    ("width", .number(picture.plot.rect.width)), ("height", .number(picture.plot.rect.height)),
                ])),
                ("x", .array([.number(picture.plot.xRange.lowerBound), .number(picture.plot.xRange.upperBound)])),
                ("y", .array([.number(picture.plot.yRange.lowerBound), .number(picture.plot.yRange.upperBound)])),
            ]))
        case ("POST", _) where parts.count == 3 && parts[0] == "race" && parts[1] == "file":
            return try download(request, last)
        case ("POST", "grad"):
            return .json(try GradQuery(body: request.body).question().document())
        case ("POST", "tune"):
            let query = try TuneQuery(body: request.body, scenarios: scenarios)
            let (scenario, header, target) = try query.sweep(limits: limits, cache: bases)
            let cells = Sweep.run(header, target: target, surface: scenario.surface, threads: 1)
            return .json(TuneAnswer.json(SweepResult(header: header, cells: cells)))
        case ("POST", "scenarios"), ("POST", "catalog"), ("GET", "race"), ("GET", "surface"), ("GET", "grad"), ("GET", "tune"):
            throw LiveError(405, "\(request.method) \(request.path.prefix(200)): method not allowed; use \(request.method == "GET" ? "POST" : "GET")")
        case (let method, _) where method != "GET" && method != "POST":
            throw LiveError(405, "\(method.prefix(20)) \(request.path.prefix(200)): method not allowed; the API answers GET and POST")
        default:
            throw notFound(request)
        }
    }

    func notFound(_ request: LiveRequest) -> LiveError {
        LiveError(404, "\(request.path.prefix(200)): no such page; pages: /, /race/NAME, /stepper, /tune/NAME (API under /api/)")
    }

    func expect(_ condition: Bool, _ request: LiveRequest) throws(LiveError) {
        if !condition { throw notFound(request) }
    }

    func parse(_ text: String, file: String, name: String) throws(LiveError) -> Scenario {
        do { return try ScenarioLoader.parse(yaml: text, file: file, defaultName: name) } catch { throw LiveError(error) }
    }

    func scenarioList() -> JSONValue {
        let local = Set(scenarios.localNames())
        return .array(scenarios.names().map { name -> JSONValue in
            var members: [(String, JSONValue)] = [("name", .string(name)), ("local", .bool(local.contains(name)))]
            if let (text, file) = try? scenarios.text(named: name), let scenario = try? ScenarioLoader.parse(yaml: text, file: file, defaultName: name) {
                members += [
                    ("title", .string(scenario.title)), ("summary", scenario.summary.map { .string($0) } ?? .null),
                    ("racers", .integer(scenario.racers.count)), ("steps", .integer(scenario.steps)),
                ]
            } else {
                members.append(("error", .string("cannot be read as a scenario")))
            }
            return .object(members)
        })
    }

    /// The race of a request's body.
    func race(_ request: LiveRequest) throws(LiveError) -> (RaceQuery.Resolved, RaceResult) {
        let query = try RaceQuery(body: request.body, scenarios: scenarios)
        let resolved = try query.resolve(maximumSteps: limits.maximumSteps, cache: bases)
        return (resolved, resolved.scenario.run(concurrent: false))
    }

    func surface(text: String, scenario: Scenario, width: Int, height: Int, scale: Double) throws(LiveError) -> SurfaceMapPicture {
        do {
            return try surfaces.picture(text: text, scenario: scenario, width: width, height: height, scale: scale, colormap: .viridis)
        } catch {
            throw LiveError(500, "the surface could not be drawn: \(error)")
        }
    }

    func png(_ bytes: [UInt8]) -> LiveResponse {
        LiveResponse(contentType: "image/png", body: bytes)
    }

    /// The files of `optrace race`, drawn in memory.
    func download(_ request: LiveRequest, _ file: String) throws(LiveError) -> LiveResponse {
        let files = ["scenario.yaml", "trajectory.csv", "scoreboard.json", "race.apng", "race.gif", "race.webp", "summary.png"]
        guard files.contains(file) else {
            throw LiveError(404, "\(file.prefix(80)): no such file; files: \(files.joined(separator: ", "))")
        }
        let (resolved, result) = try race(request)
        let scenario = resolved.scenario
        switch file {
        case "scenario.yaml":
            return .download(Array(resolved.yaml.utf8), type: "application/yaml; charset=utf-8", fileName: "\(scenario.name).yaml")
        case "trajectory.csv":
            return .download(TrajectoryCSV.render(result), type: "text/csv; charset=utf-8", fileName: file)
        case "scoreboard.json":
            return .download(Array(ScoreboardJSON.document(scenario, result).serialized().utf8), type: "application/json", fileName: file)
        default:
            var options = RacePictureOptions()
            options.writeFrames = false
            options.threads = 1
            let frames = scenario.steps + 1
            options.every = frames > Self.maximumDownloadFrames ? (scenario.steps + Self.maximumDownloadFrames - 2) / (Self.maximumDownloadFrames - 1) : 1
            let writer = RacePictureWriter(scenario: scenario, result: result, options: options)
            do {
                if file.hasPrefix("race."), let format = AnimationFormat(rawValue: String(file.dropFirst(5))) {
                    var response = LiveResponse.download(try writer.animationBytes(format), type: "image/" + format.rawValue, fileName: file)
                    response.headers.append(("X-Optrace-Every", String(options.every)))
                    return response
                }
                return .download(try writer.summaryBytes(), type: "image/png", fileName: file)
            } catch {
                throw LiveError(500, "\(file) could not be drawn: \(error)")
            }
        }
    }

    func size(_ request: LiveRequest, _ name: String, default value: Int, range: ClosedRange<Int>) throws(LiveError) -> Int {
        guard let text = request.query(name) else { return value }
        guard let n = Int(text), range.contains(n) else {
            throw LiveError(400, "request: \(name): expected a whole number from \(range.lowerBound) to \(range.upperBound), found '\(text.prefix(40))'", field: name)
        }
        return n
    }

    func number(_ request: LiveRequest, _ name: String, default value: Double, range: ClosedRange<Double>) throws(LiveError) -> Double {
        guard let text = request.query(name) else { return value }
        guard let n = Double(text), range.contains(n) else {
            throw LiveError(400, "request: \(name): expected a number from \(range.lowerBound) to \(range.upperBound), found '\(text.prefix(40))'", field: name)
        }
        return n
    }
}
