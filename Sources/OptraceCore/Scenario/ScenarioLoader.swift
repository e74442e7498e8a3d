import Foundation
import Yams

/// Reads and validates scenario YAML; every problem becomes one `ScenarioError` with its place.
public enum ScenarioLoader {
    /// The largest scenario file accepted, in bytes.
    public static let maximumFileSize = 1 << 20

    static let topKeys = ["name", "title", "description", "surface", "start", "steps", "noise", "racers", "checkpoints", "threshold"]
    static let surfaceKeys = ["terms", "expr", "domain", "minima"]
    static let noiseKeys = ["sigma", "batch", "seed"]
    static let nameCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")

    /// Loads the scenario file at `path`.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let text = try readText(path: path)
        return try parse(yaml: text, file: path, defaultName: PathText.deletingExtension(PathText.lastComponent(path)))
    }

    /// The text of the file at `path`, or an error saying why it can't be read.
    public static func readText(path: String) throws(ScenarioError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let reason = errno
            if reason == ENOENT || reason == ENOTDIR { throw ScenarioError(file: path, message: "no such file") }
            if reason == EACCES { throw ScenarioError(file: path, message: "cannot be read (permission denied?)") }
            throw ScenarioError(file: path, message: "cannot be read (\(String(cString: strerror(reason))))")
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw ScenarioError(file: path, message: "is a folder, expected a scenario file (.yaml)")
        }
        if (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) > maximumFileSize {
            throw ScenarioError(file: path, message: "is \(info.st_size) bytes, larger than the \(maximumFileSize)-byte limit for a scenario")
        }
        // A regular file's size and one byte more (to see it grow); at most one byte past the limit otherwise (a pipe
        // or a device has no size).
        let regular = (info.st_mode & S_IFMT) == S_IFREG
        let capacity = regular ? Int(info.st_size) + 1 : maximumFileSize + 1
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, filled in
            while filled < capacity {
                let n = read(fd, buffer.baseAddress! + filled, capacity - filled)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failure = errno }
                if n <= 0 { break }
                filled += n
            }
        }
        if failure != 0 { throw ScenarioError(file: path, message: "cannot be read (\(String(cString: strerror(failure))))") }
        if regular && bytes.count == capacity {
            throw ScenarioError(file: path, message: "changed while it was being read; try again")
        }
        if bytes.count > maximumFileSize {
            throw ScenarioError(file: path, message: "is more than \(maximumFileSize) bytes, the limit for a scenario")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ScenarioError(file: path, message: "is not UTF-8 text")
        }
        return text
    }

    /// Parses and validates scenario YAML `yaml`; `file` names it in errors.
    public static func parse(yaml: String, file: String, defaultName: String = "scenario") throws(ScenarioError) -> Scenario {
        let root = try compose(yaml: yaml, file: file)
        return try build(ScenarioNode(node: root, path: "", file: file), source: yaml, defaultName: defaultName)
    }

    /// Loads the scenario file at `path`, of either kind.
    public static func loadDocument(path: String) throws(ScenarioError) -> ScenarioDocument {
        let text = try readText(path: path)
        return try parseDocument(yaml: text, file: path, defaultName: PathText.deletingExtension(PathText.lastComponent(path)))
    }

    /// Parses and validates scenario YAML of either kind: a `model` key makes it a network scenario.
    public static func parseDocument(yaml: String, file: String, defaultName: String = "scenario") throws(ScenarioError) -> ScenarioDocument {
        let root = ScenarioNode(node: try compose(yaml: yaml, file: file), path: "", file: file)
        if isModel(root) { return .model(try ModelScenarioLoader.build(root, defaultName: defaultName)) }
        return .surface(try build(root, source: yaml, defaultName: defaultName))
    }

    /// Whether the YAML `text` is a network scenario (a mapping with a `model` key); false when it does not parse.
    public static func isModelScenario(_ text: String) -> Bool {
        guard let root = try? compose(yaml: text, file: "") else { return false }
        return isModel(ScenarioNode(node: root, path: "", file: ""))
    }

    /// Whether `root` is a mapping with a `model` key.
    static func isModel(_ root: ScenarioNode) -> Bool {
        guard case .mapping(let mapping) = root.node else { return false }
        return mapping.contains { $0.key.string == "model" }
    }

    /// The YAML document `yaml` as a node tree, checked as scenarios are (depth, aliases, tags, syntax) before it is
    /// built; `file` names it in errors. An empty document is refused.
    public static func compose(yaml: String, file: String) throws(ScenarioError) -> Node {
        if let problem = YAMLEventCheck.firstProblem(yaml) {
            throw eventProblem(problem, file: file, source: yaml)
        }
        do {
            // Scalars are typed by `ScenarioNode` itself, so Yams's implicit tag resolution (a dozen regular
            // expressions compiled on first use) is not needed. The text is UTF-8: naming the encoding spares Yams
            // reading the whole process environment for its default.
            guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else {
                throw ScenarioError(file: file, message: "is empty, expected a scenario mapping (name, surface, start, steps, racers, …)")
            }
            return node
        } catch let error as ScenarioError {
            throw error
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw ScenarioError(file: file, message: "YAML error: \(error)")
        }
    }

    static func yamlError(_ error: YamlError, file: String) -> ScenarioError {
        switch error {
        case .scanner(let context, let problem, let mark, let yaml), .parser(let context, let problem, let mark, let yaml),
            .composer(let context, let problem, let mark, let yaml):
            return syntaxError(context: context?.text, problem: problem, line: mark.line, column: mark.column, file: file, source: yaml)
        case .reader(let problem, let offset, _, _):
            return readError(problem: problem, offset: offset, file: file)
        default:
            return ScenarioError(file: file, message: "YAML error: \(clean(String(describing: error)))")
        }
    }

    /// A problem found on the event stream, reported as the composer's own errors are.
    static func eventProblem(_ problem: YAMLEventCheck.Problem, file: String, source: String) -> ScenarioError {
        switch problem {
        case .syntax(let kind, let context, let text, let line, let column, let offset):
            if kind == "reader" {
                // As the composer counts it: characters before the byte offset.
                let index = source.utf8.index(source.utf8.startIndex, offsetBy: offset, limitedBy: source.utf8.endIndex)?
                    .samePosition(in: source)
                return readError(problem: text, offset: index.map { source.distance(from: source.startIndex, to: $0) }, file: file)
            }
            if kind == "memory" { return ScenarioError(file: file, message: "YAML error: out of memory") }
            return syntaxError(context: context, problem: text, line: line, column: column, file: file, source: source)
        case .tooDeep(let line, let column, let alias):
            let through = alias.map { " once alias '*\($0)' is expanded" } ?? ""
            return ScenarioError(
                file: file, line: line, column: column,
                message: "YAML nested more than \(YAMLEventCheck.maximumDepth) levels deep\(through); a scenario needs only a few")
        case .tag(let tag, let keyPath, let line, let column):
            let shown = YAMLEventCheck.shorthand(tag)
            let message =
                YAMLEventCheck.coreTags.contains(tag)
                ? "expected a value without a YAML tag, found tag '\(shown)' (values are typed by how they are written: quote a text, write numbers and true/false plainly)"
                : "expected a value without a YAML tag, found unsupported tag '\(shown)'"
            return ScenarioError(file: file, line: line, column: column, keyPath: keyPath, message: message)
        }
    }

    private static func clean(_ s: String) -> String { s.replacingOccurrences(of: "\n", with: " ") }

    private static func syntaxError(context: String?, problem: String, line: Int, column: Int, file: String, source: String) -> ScenarioError {
        let detail = context.map { "\(clean($0)): " } ?? ""
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let offending = line >= 1 && line <= lines.count ? lines[line - 1] : ""
        let hint = offending.contains("\t") ? " (YAML cannot indent with tabs: use spaces)" : ""
        return ScenarioError(file: file, line: line, column: column, message: "YAML syntax error: \(detail)\(clean(problem))\(hint)")
    }

    private static func readError(problem: String, offset: Int?, file: String) -> ScenarioError {
        ScenarioError(file: file, message: "YAML read error: \(problem)\(offset.map { " at byte \($0)" } ?? "")")
    }

    static func build(_ root: ScenarioNode, source: String, defaultName: String) throws(ScenarioError) -> Scenario {
        if isModel(root) {
            throw root.error("is a network scenario (model: instead of surface:); optrace race and optrace audit take it, this needs a surface")
        }
        let top = try root.fields(allowed: topKeys, what: "a scenario mapping (name, surface, start, steps, racers, …)")
        let name = try top["name"].map { node throws(ScenarioError) in try scenarioName(node) } ?? safeName(defaultName)
        let title = try top["title"]?.string() ?? name
        let summary = try top["description"]?.string()

        let surfaceNode = try top.required("surface", expected: "a mapping with terms and/or expr, and a domain")
        let (terms, expression, surface) = try buildSurface(surfaceNode)

        let start = try top.required("start", expected: "[x, y]").pair(what: "[x, y], two finite numbers")
        let stepsNode = try top.required("steps", expected: "a whole number of steps")
        let steps = try stepsNode.integer(in: 1...Scenario.maximumSteps, what: "a whole number of steps from 1 to \(Scenario.maximumSteps)")

        let noise = try top["noise"].map { node throws(ScenarioError) in try buildNoise(node) } ?? .none
        let racersNode = try top.required("racers", expected: "a list of racers, each {name, optimizer, …}")
        let racers = try buildRacers(racersNode)

        var checkpoints = [steps]
        if let node = top["checkpoints"] {
            let items = try node.sequence(what: "a list of steps")
            if items.isEmpty { throw node.error("expected at least one checkpoint step, found an empty list") }
            var values: [Int] = []
            for item in items {
                values.append(try item.integer(in: 1...steps, what: "a step from 1 to \(steps) (the scenario's steps)"))
            }
            checkpoints = Array(Set(values)).sorted()
        }
        let floor = surface.minima.map(\.value).min() ?? 0
        let threshold = try top["threshold"]?.number() ?? floor + 0.01
        return Scenario(
            name: name, title: title, summary: summary, source: root.file, surfaceTerms: terms,
            surfaceExpression: expression, surface: surface,
            race: RaceSetup(
                start: start, steps: steps, noise: noise, racers: racers, checkpoints: checkpoints, threshold: threshold))
    }

    static func scenarioName(_ node: ScenarioNode) throws(ScenarioError) -> String {
        let name = try node.string(what: "a name of letters, digits, '.', '_' or '-'")
        guard !name.isEmpty, name.count <= 64, name.unicodeScalars.allSatisfy({ nameCharacters.contains($0) }),
            !name.hasPrefix("."), !name.hasPrefix("-")
        else {
            throw node.error(
                "expected a name of up to 64 letters, digits, '.', '_' or '-' (not starting with '.' or '-'), found '\(ScenarioNode.shortened(name))'")
        }
        return name
    }

    /// `name` reduced to a file-system-safe form.
    static func safeName(_ name: String) -> String {
        let kept = String(name.unicodeScalars.map { nameCharacters.contains($0) ? Character($0) : "_" })
        let trimmed = kept.drop { $0 == "." || $0 == "-" }
        return trimmed.isEmpty ? "scenario" : String(trimmed.prefix(64))
    }

    static func buildSurface(_ node: ScenarioNode) throws(ScenarioError) -> ([SurfaceTermSpec], String?, Surface) {
        let fields = try node.fields(allowed: surfaceKeys, what: "a mapping with terms and/or expr, and a domain")
        var terms: [SurfaceTermSpec] = []
        if let termsNode = fields["terms"] {
            let items = try termsNode.sequence(what: "a list of terms such as '- valley: {curvatures: [0.1, 1.0]}'")
            for item in items { terms.append(try buildTerm(item)) }
        }
        var expression: String?
        if let exprNode = fields["expr"] {
            let text = try exprNode.string(what: "an expression in x and y")
            try checkExpression(text, node: exprNode)
            expression = text
        }
        if terms.isEmpty && expression == nil {
            throw node.error("expected 'terms' (a non-empty list) or 'expr' (an expression in x and y)")
        }
        var domain: Domain?
        if let domainNode = fields["domain"] {
            let d = try domainNode.fields(allowed: ["x", "y"], what: "{x: [lo, hi], y: [lo, hi]}")
            let x = try d.required("x", expected: "[lo, hi]").pair(what: "[lo, hi] with lo < hi")
            let y = try d.required("y", expected: "[lo, hi]").pair(what: "[lo, hi] with lo < hi")
            if !(x.x < x.y) { throw d["x"]!.error("expected [lo, hi] with lo < hi, found [\(NumberFormat.short(x.x)), \(NumberFormat.short(x.y))]") }
            if !(y.x < y.y) { throw d["y"]!.error("expected [lo, hi] with lo < hi, found [\(NumberFormat.short(y.x)), \(NumberFormat.short(y.y))]") }
            domain = Domain(x: x.x...x.y, y: y.x...y.y)
        } else if terms.isEmpty {
            throw ScenarioError(
                file: node.file, line: node.line, column: node.column, keyPath: "\(node.path).domain",
                message: "missing key 'domain' (expected {x: [lo, hi], y: [lo, hi]}; a surface given by 'expr' alone needs one)")
        }
        var minima: [Vec2]?
        if let minimaNode = fields["minima"] {
            let items = try minimaNode.sequence(what: "a list of points [x, y]")
            if items.count > Scenario.maximumMinima {
                throw minimaNode.error("expected at most \(Scenario.maximumMinima) minima, found \(items.count)")
            }
            minima = try items.map { item throws(ScenarioError) in try item.pair(what: "a point [x, y]") }
        }
        do {
            let surface = try Surface(terms: terms, expression: expression, domain: domain, minima: minima)
            return (terms, expression, surface)
        } catch {
            throw node.error(error.description)
        }
    }

    static func buildTerm(_ node: ScenarioNode) throws(ScenarioError) -> SurfaceTermSpec {
        let names = TermCatalog.all.map(\.name)
        let expected = "a term such as '- valley: {curvatures: [0.1, 1.0]}' (terms: \(names.joined(separator: ", ")))"
        let termName: String
        let paramsNode: ScenarioNode?
        switch node.node {
        case .scalar:
            termName = try node.string(what: expected)
            paramsNode = nil
        case .mapping(let mapping) where mapping.count == 1:
            let (keyNode, valueNode) = mapping.first!
            guard case .scalar(let key) = keyNode else { throw node.error("expected \(expected), found \(node.found)") }
            termName = key.string
            paramsNode = node.child(termName, valueNode)
        default:
            throw node.error("expected \(expected), found \(node.found)")
        }
        guard let definition = TermCatalog.definition(named: termName) else {
            throw node.error("unknown term '\(termName)'\(Suggestion.hint(for: termName, in: names)); expected one of \(names.joined(separator: ", "))")
        }
        var parameters: [String: [Double]] = [:]
        if let paramsNode, !isNull(paramsNode.node) {
            let allowed = definition.parameters.map(\.name)
            if allowed.isEmpty, case .mapping(let given) = paramsNode.node, let first = given.first, case .scalar(let key) = first.key {
                throw paramsNode.child(key.string, first.key).error("unknown key '\(key.string)': '\(termName)' takes no parameters (write '- \(termName)' alone)")
            }
            let entries = try paramsNode.mapping(
                allowed: allowed,
                what: allowed.isEmpty ? "nothing ('\(termName)' takes no parameters)" : "the parameters of '\(termName)' (\(allowed.joined(separator: ", ")))")
            for (key, value) in entries {
                let parameter = definition.parameters.first { $0.name == key }!
                let numbers: [Double]
                if parameter.arity == 2 {
                    let p = try value.pair(what: "[a, b], two finite numbers")
                    numbers = [p.x, p.y]
                } else {
                    numbers = [try value.number()]
                }
                if parameter.mustBePositive && numbers.contains(where: { $0 <= 0 }) {
                    throw value.error("expected \(parameter.arity == 2 ? "two numbers > 0" : "a number > 0"), found \(numbers.map { NumberFormat.short($0) }.joined(separator: ", "))")
                }
                parameters[key] = numbers
            }
        }
        return SurfaceTermSpec(name: termName, parameters: parameters)
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node, s.style == .plain, ["", "~", "null"].contains(s.string) { return true }
        return false
    }

    static func checkExpression(_ text: String, node: ScenarioNode) throws(ScenarioError) {
        func located(_ column: Int, _ message: String) -> ScenarioError {
            let col = node.textColumn.map { $0 + column - 1 } ?? node.column
            return ScenarioError(
                file: node.file, line: node.line, column: col, keyPath: node.path, message: message,
                excerpt: ExpressionError(message: message, column: column).caretLine(source: text))
        }
        let expression: Expression
        do {
            expression = try Expression(parsing: text)
        } catch {
            throw located(error.column, error.message)
        }
        do {
            _ = try Tape(expression, variables: ["x", "y"])
        } catch {
            throw located(error.column, error.message)
        }
    }

    static func buildNoise(_ node: ScenarioNode) throws(ScenarioError) -> GradientNoise {
        let fields = try node.fields(allowed: noiseKeys, what: "{sigma: …, seed: …, batch: …}")
        var sigma = Vec2.zero
        if let s = fields["sigma"] {
            if case .sequence = s.node {
                sigma = try s.pair(what: "σ as a number ≥ 0 or [σx, σy]")
            } else {
                let v = try s.number(what: "σ as a number ≥ 0 or [σx, σy]")
                sigma = Vec2(v, v)
            }
            if sigma.x < 0 || sigma.y < 0 {
                throw s.error("expected σ ≥ 0, found \(NumberFormat.short(min(sigma.x, sigma.y)))")
            }
        }
        let batch = try fields["batch"]?.integer(in: 1...1_000_000_000, what: "a whole batch size ≥ 1") ?? 1
        let seed = try fields["seed"]?.unsigned(what: "a whole number from 0 to \(UInt64.max)") ?? 0
        return GradientNoise(sigma: sigma, batch: batch, seed: seed)
    }

    static func buildRacers(_ node: ScenarioNode) throws(ScenarioError) -> [Racer] {
        let items = try node.sequence(what: "a list of racers, each {name, optimizer, …}")
        if items.isEmpty { throw node.error("expected at least one racer, found an empty list") }
        if items.count > Scenario.maximumRacers {
            throw node.error("expected at most \(Scenario.maximumRacers) racers, found \(items.count)")
        }
        var racers: [Racer] = []
        var names = Set<String>()
        for item in items {
            let racer = try buildRacer(item)
            if !names.insert(racer.name).inserted {
                throw item.error("two racers are called '\(racer.name)'; racer names must differ")
            }
            racers.append(racer)
        }
        return racers
    }

    /// Keys every racer takes besides its optimizer's parameters.
    static let racerKeys = ["name", "optimizer", "noise", "start", "schedule", "clip_norm", "clip_value", "color", "dash"]

    static func buildRacer(_ node: ScenarioNode) throws(ScenarioError) -> Racer {
        guard case .mapping = node.node else {
            throw node.error("expected a racer {name, optimizer, …}, found \(node.found)")
        }
        let definition = try node.namedChoice(
            "optimizer", kind: "optimizer", names: OptimizerCatalog.all.map(\.name), lookup: OptimizerCatalog.definition(named:))
        let allowed = racerKeys + definition.acceptedKeys
        let entries: [(key: String, value: ScenarioNode)]
        do {
            entries = try node.mapping(allowed: allowed, what: "a racer {name, optimizer, …}")
        } catch {
            if error.message.hasPrefix("unknown key") {
                var e = error
                let key = e.keyPath?.split(separator: ".").last.map(String.init) ?? ""
                let takes = definition.parameters.map { p in
                    p.componentNames.isEmpty ? p.name : "\(p.name) (or \(p.componentNames.joined(separator: ", ")))"
                }.joined(separator: ", ")
                e.message = "optimizer '\(definition.name)' has no parameter '\(key)'\(Suggestion.hint(for: key, in: allowed)); it takes \(takes)"
                throw e
            }
            throw error
        }
        let fields = ScenarioFields(owner: node, entries: entries)
        let nameNode = try fields.required("name", expected: "a racer name")
        let name = try nameNode.string(what: "a racer name")
        if name.isEmpty || name.count > 40 || name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) {
            throw nameNode.error("expected a racer name of 1 to 40 printable characters, found '\(ScenarioNode.shortened(name))'")
        }
        var given: [String: ParameterValue] = [:]
        let noisy = try fields["noise"]?.flag() ?? true
        let start = try fields["start"]?.pair(what: "[x, y], two finite numbers (this racer's start)")
        let colorNames = RacerColorNames.all.map(\.name).joined(separator: ", ")
        let color = try fields["color"].map { node throws(ScenarioError) -> String in
            let what = "a colour: one of \(colorNames), or \"#rrggbb\" (quoted)"
            let text = try node.string(what: what)
            guard let choice = RacerColorNames.normalized(text) else {
                throw node.error("expected \(what), found '\(ScenarioNode.shortened(text))'")
            }
            return choice
        }
        let dash = try fields["dash"].map { node throws(ScenarioError) -> String in
            let what = "a dash: one of \(RacerColorNames.dashes.joined(separator: ", "))"
            let text = try node.string(what: what)
            guard RacerColorNames.dashes.contains(text) else {
                throw node.error("expected \(what), found '\(ScenarioNode.shortened(text))'")
            }
            return text
        }
        for (key, value) in entries where !racerKeys.contains(key) {
            if let parameter = definition.parameter(named: key) {
                given[key] = try parameterValue(value, parameter: parameter)
            } else if let (pair, _) = definition.pair(withComponent: key) {
                if fields[pair.name] != nil {
                    throw value.error("'\(key)' and '\(pair.name)' both given; give either '\(pair.name)' or '\(pair.componentNames.joined(separator: "'/'"))'")
                }
                guard case .pair(let c, _) = pair.kind else { continue }
                let v = try value.number(what: c.expectation)
                if !c.accepts(v) { throw value.error("expected \(c.expectation), found \(NumberFormat.short(v))") }
                given[key] = .number(v)
            }
        }
        let hyperparameters = definition.resolve(given)
        if let conflict = definition.conflict(hyperparameters) {
            throw (fields[conflict.parameter] ?? node).error(conflict.message)
        }
        let schedule = try fields["schedule"].map { node throws(ScenarioError) in try buildSchedule(node) }
        var clipping: GradientClipping?
        for key in ["clip_norm", "clip_value"] {
            guard let clipNode = fields[key] else { continue }
            if clipping != nil {
                throw clipNode.error("'clip_norm' and 'clip_value' both given; give one of them")
            }
            let c = try clipNode.number(what: "a clipping threshold > 0")
            if !(c > 0) { throw clipNode.error("expected a clipping threshold > 0, found \(NumberFormat.short(c))") }
            clipping = key == "clip_norm" ? .norm(c) : .value(c)
        }
        let optimizer = definition.build(hyperparameters, schedule: schedule, clipping: clipping)
        return Racer(
            name: name, optimizerName: definition.name, hyperparameters: hyperparameters, optimizer: optimizer, noisy: noisy,
            schedule: schedule, clipping: clipping, start: start, color: color, dash: dash)
    }

    /// `schedule: {type: NAME, key: value, …}`: a learning-rate schedule whose peak is the racer's lr.
    static func buildSchedule(_ node: ScenarioNode) throws(ScenarioError) -> ScheduleSpec {
        let typeNames = ScheduleCatalog.all.map(\.name)
        let what = "a schedule {type: NAME, …} (types: \(typeNames.joined(separator: ", ")))"
        guard case .mapping = node.node else { throw node.error("expected \(what), found \(node.found)") }
        let type = try node.namedChoice("type", kind: "schedule type", names: typeNames, lookup: ScheduleCatalog.type(named:))
        let keyNames = type.keys.map(\.name)
        let fields = try node.fields(
            allowed: ["type"] + keyNames,
            what: "the keys of schedule '\(type.name)' (type\(keyNames.map { ", \($0)" }.joined()))")
        var given: [String: Double] = [:]
        for key in type.keys {
            guard let valueNode = fields[key.name] else {
                if key.defaultValue == nil {
                    throw ScenarioError(
                        file: node.file, line: node.line, column: node.column, keyPath: "\(node.path).\(key.name)",
                        message: "missing key '\(key.name)' (expected \(key.expectation): \(key.summary); schedule '\(type.name)' takes \(keyNames.joined(separator: ", ")))")
                }
                continue
            }
            if key.isInteger {
                let lowest = key.constraint == .positive ? 1 : 0
                given[key.name] = Double(try valueNode.integer(in: lowest...Scenario.maximumSteps, what: "\(key.expectation) (at most \(Scenario.maximumSteps))"))
            } else {
                let v = try valueNode.number(what: key.expectation)
                if !key.constraint.accepts(v) { throw valueNode.error("expected \(key.expectation), found \(NumberFormat.short(v))") }
                given[key.name] = v
            }
        }
        let spec = ScheduleSpec(type: type, given: given)
        if let conflict = type.conflict(spec.values) {
            throw (fields[conflict.key] ?? node).error(conflict.message)
        }
        return spec
    }

    static func parameterValue(_ node: ScenarioNode, parameter: OptimizerParameter) throws(ScenarioError) -> ParameterValue {
        let raw: ParameterValue
        switch parameter.kind {
        case .number(let c):
            raw = .number(try node.number(what: c.expectation))
        case .pair(let c, _):
            let p = try node.pair(what: "two numbers, each \(c.expectation)")
            raw = .pair(p.x, p.y)
        case .flag:
            raw = .flag(try node.flag())
        case .choice:
            raw = .text(try node.string(what: parameter.expectation))
        }
        switch parameter.validate(raw) {
        case .success(let v): return v
        case .failure(let problem): throw node.error("expected \(problem.expected), found \(raw)")
        }
    }
}
