import Foundation

/// A shard's partial result as written by `optrace tune --shard I/N` and read by `optrace tune merge`.
///
/// JSON with the sweep's full settings, the shard's place and its cells' aggregates; numbers are written
/// in their shortest round-trip form, so merged results equal the unsharded sweep's bit for bit.
public struct TuneShardFile: Codable, Sendable {
    public static let formatName = "optrace-tune-shard/1"

    struct Parameter: Codable, Sendable {
        var name: String
        var number: Double?
        var pair: [Double]?
        var flag: Bool?
        var text: String?
    }

    struct Axis: Codable, Sendable {
        var name: String
        var low: Double
        var high: Double
        var scale: String
        var count: Int?
    }

    struct Cell: Codable, Sendable {
        var index: Int
        var runs: Int
        var mean: Double?
        var std: Double?
        var diverged: Double
        var unstable: Double
        var unreached: Double
    }

    var format: String
    var shard: Int
    var shards: Int
    var scenario: String
    var title: String
    var racer: String
    var optimizer: String
    var hyperparameters: [Parameter]
    var axes: [Axis]
    var samples: Int?
    var randomSeed: UInt64
    var steps: Int
    var seeds: [UInt64]
    var sigma: [Double]
    var batch: Int
    var noisy: Bool
    var start: [Double]
    var objective: String
    var floor: Double
    var windowFactor: Double
    var curvatures: [Double]?
    var cells: [Cell]

    /// The file for `cells` of shard `shard` of the sweep `header`.
    public init(header: SweepHeader, shard: TuneShard, cells: [SweepCell]) {
        format = Self.formatName
        self.shard = shard.index
        shards = shard.count
        scenario = header.scenario
        title = header.title
        racer = header.racer
        optimizer = header.optimizer
        hyperparameters = header.settings.entries.map { entry in
            switch entry.value {
            case .number(let v): return Parameter(name: entry.name, number: v)
            case .pair(let a, let b): return Parameter(name: entry.name, pair: [a, b])
            case .flag(let b): return Parameter(name: entry.name, flag: b)
            case .text(let t): return Parameter(name: entry.name, text: t)
            }
        }
        axes = header.plan.axes.map { Axis(name: $0.name, low: $0.low, high: $0.high, scale: $0.scale.rawValue, count: $0.count) }
        samples = header.plan.randomCount
        randomSeed = header.plan.randomSeed
        steps = header.steps
        seeds = header.seeds
        sigma = [header.sigma.x, header.sigma.y]
        batch = header.batch
        noisy = header.noisy
        start = [header.start.x, header.start.y]
        objective = header.objective.description
        floor = header.floor
        windowFactor = header.windowFactor
        curvatures = header.curvatures.map { [$0.0, $0.1] }
        self.cells = cells.map {
            Cell(index: $0.index, runs: $0.runs, mean: $0.mean, std: $0.std, diverged: $0.diverged, unstable: $0.unstable, unreached: $0.unreached)
        }
    }

    /// The file's JSON text.
    public func serialized() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a shard file; `path` names it in errors.
    public static func read(path: String) throws(TuneError) -> TuneShardFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TuneError("\(path): no such shard file (or it cannot be read)")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let file: TuneShardFile
        do {
            file = try decoder.decode(TuneShardFile.self, from: data)
        } catch {
            throw TuneError("\(path): not a shard file of 'optrace tune --shard' (\(Self.reason(error)))")
        }
        guard file.format == formatName else {
            throw TuneError("\(path): shard format '\(file.format)', expected '\(formatName)'")
        }
        try file.check(path: path)
        return file
    }

    private static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "bad value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: return "not valid JSON"
        default: return "\(error)"
        }
    }

    /// The sweep's header, rebuilt and checked.
    public func header(path: String) throws(TuneError) -> SweepHeader {
        guard let definition = OptimizerCatalog.definition(named: optimizer) else {
            throw TuneError("\(path): unknown optimizer '\(optimizer)'")
        }
        var entries: [(String, ParameterValue)] = []
        var schedule: String?
        var clipping: GradientClipping?
        for p in hyperparameters {
            // The schedule and the clipping threshold are recorded beside the hyperparameters, under their keys.
            if p.name == "schedule", let t = p.text {
                schedule = t
            } else if p.name == "clip_norm" || p.name == "clip_value", let c = p.number {
                clipping = p.name == "clip_norm" ? .norm(c) : .value(c)
            } else if let v = p.number {
                entries.append((p.name, .number(v)))
            } else if let pair = p.pair, pair.count == 2 {
                entries.append((p.name, .pair(pair[0], pair[1])))
            } else if let b = p.flag {
                entries.append((p.name, .flag(b)))
            } else if let t = p.text {
                entries.append((p.name, .text(t)))
            } else {
                throw TuneError("\(path): hyperparameter '\(p.name)' has no value")
            }
        }
        let axes = self.axes.map {
            SweepAxis(name: $0.name, low: $0.low, high: $0.high, scale: AxisScale(rawValue: $0.scale) ?? .linear, count: $0.count)
        }
        let plan = try SweepPlan(axes: axes, randomCount: samples, randomSeed: randomSeed)
        guard sigma.count == 2, start.count == 2 else { throw TuneError("\(path): sigma and start must have two numbers") }
        let objective: SweepObjective
        do {
            objective = try SweepObjective.parse(self.objective)
        } catch {
            throw TuneError("\(path): \(error.message)")
        }
        return SweepHeader(
            scenario: scenario, title: title, racer: racer, optimizer: optimizer,
            hyperparameters: definition.resolvedWithExtras(entries), schedule: schedule, clipping: clipping,
            plan: plan, steps: steps, seeds: seeds, sigma: Vec2(sigma[0], sigma[1]), batch: batch, noisy: noisy,
            start: Vec2(start[0], start[1]), objective: objective, floor: floor, windowFactor: windowFactor,
            curvatures: curvatures.flatMap { $0.count == 2 ? ($0[0], $0[1]) : nil })
    }

    /// Merges shard files (with the paths they came from) into the whole sweep: same settings, every shard 1…N once.
    public static func merge(_ files: [(path: String, file: TuneShardFile)]) throws(TuneError) -> SweepResult {
        guard let first = files.first else { throw TuneError("merge: no shard files given") }
        let header = try first.file.header(path: first.path)
        let n = first.file.shards
        var seen: [Int: String] = [:]
        for (path, file) in files {
            if try file.header(path: path) != header {
                throw TuneError("\(path): its sweep differs from \(first.path)'s (scenario, racer, parameters, seeds, steps or objective); shards of one sweep must be run with the same command")
            }
            if file.shards != n { throw TuneError("\(path): shard \(file.shard) of \(file.shards), but \(first.path) is one of \(n)") }
            if let other = seen[file.shard] { throw TuneError("\(path): shard \(file.shard)/\(n) is given twice (also \(other))") }
            seen[file.shard] = path
        }
        if seen.count < n {
            // The first ten missing shards by number (found within seen.count + 10 looks), then how many more.
            var missing: [Int] = []
            var k = 1
            while missing.count < 10 && k <= n {
                if seen[k] == nil { missing.append(k) }
                k += 1
            }
            let more = n - seen.count - missing.count
            let list = missing.map { "\($0)/\(n)" }.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
            throw TuneError("merge: missing shard\(n - seen.count > 1 ? "s" : "") \(list) of \(n)")
        }
        let total = header.plan.cellCount
        var cells = [SweepCell?](repeating: nil, count: total)
        for (path, file) in files {
            let block = try TuneShard(index: file.shard, count: file.shards).cells(of: total)
            for (k, c) in file.cells.enumerated() {
                guard block.contains(c.index) else {
                    throw TuneError(
                        "\(path): cells[\(k)]: index: expected a cell of shard \(file.shard)/\(file.shards) (\(block.lowerBound) to \(block.upperBound - 1)), found \(c.index)")
                }
                guard cells[c.index] == nil else {
                    throw TuneError("\(path): cells[\(k)]: cell \(c.index) is given twice")
                }
                cells[c.index] = SweepCell(
                    index: c.index, values: header.plan.point(c.index), runs: c.runs, mean: c.mean, std: c.std,
                    diverged: c.diverged, unstable: c.unstable, unreached: c.unreached)
            }
        }
        if let hole = cells.firstIndex(where: { $0 == nil }) {
            throw TuneError("merge: cell \(hole) is in no shard file")
        }
        return SweepResult(header: header, cells: cells.map { $0! })
    }
}
