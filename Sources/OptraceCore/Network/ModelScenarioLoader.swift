/// Reads a model scenario (`model:` instead of `surface:`); every problem is one `ScenarioError` with its place.
enum ModelScenarioLoader {
    static let topKeys = ["name", "title", "description", "model", "racers"]
    static let modelKeys = ["data", "layers", "activation", "output", "loss", "residual", "init", "epochs", "batch", "shuffle_seed"]
    static let generatedKeys = ["n", "noise", "seed"]
    static let initKeys = ["normal", "xavier", "he", "seed", "generator"]

    static func build(_ root: ScenarioNode, defaultName: String) throws(ScenarioError) -> ModelScenario {
        let top = try root.fields(allowed: topKeys, what: "a model scenario mapping (name, model, racers, …)")
        let name = try top["name"].map { node throws(ScenarioError) in try ScenarioLoader.scenarioName(node) } ?? ScenarioLoader.safeName(defaultName)
        let title = try top["title"]?.string() ?? name
        let summary = try top["description"]?.string()
        let modelNode = try top.required("model", expected: "a mapping with data, layers, epochs, …")
        let model = try modelNode.fields(allowed: modelKeys, what: "a model {data, layers, activation, output, loss, init, epochs, batch}")

        let dataNode = try model.required("data", expected: "xor8, a generated set (\(DataSet.Generated.allCases.map(\.rawValue).joined(separator: ", "))) or {points, targets}")
        let data = try buildData(dataNode)

        let layersNode = try model.required("layers", expected: "the layer widths from inputs to outputs, such as [2, 4, 1]")
        let layerItems = try layersNode.sequence(what: "a list of layer widths such as [2, 4, 1]")
        if layerItems.count < 2 { throw layersNode.error("expected at least an input and an output width, such as [2, 4, 1], found \(layerItems.count) width\(layerItems.count == 1 ? "" : "s")") }
        var widths: [Int] = []
        for item in layerItems { widths.append(try item.integer(in: 1...100_000, what: "a layer width from 1 to 100000")) }
        if widths[0] != data.inputs.columns {
            throw layerItems[0].error("the first layer has \(widths[0]) unit\(widths[0] == 1 ? "" : "s") but the data's examples have \(data.inputs.columns) input\(data.inputs.columns == 1 ? "" : "s"); expected \(data.inputs.columns)")
        }
        if widths.last! != data.targets.columns {
            throw layerItems[layerItems.count - 1].error("the last layer has \(widths.last!) unit\(widths.last! == 1 ? "" : "s") but the data's examples have \(data.targets.columns) target\(data.targets.columns == 1 ? "" : "s"); expected \(data.targets.columns)")
        }
        let hidden = try activation(model["activation"], default: .tanh)
        let output = try activation(model["output"], default: .sigmoid)
        let loss: NetworkLoss = try model["loss"].map { node throws(ScenarioError) in
            try choice(node, kind: "loss", NetworkLoss.allCases.map(\.rawValue), NetworkLoss.init(rawValue:))
        } ?? .bce
        if loss == .bce {
            if output != .sigmoid {
                throw (model["output"] ?? modelNode).error("loss bce needs output: sigmoid (probabilities); found output \(output.rawValue): use loss: mse")
            }
            if data.targets.values.contains(where: { !(0...1).contains($0) }) {
                throw dataNode.error("loss bce needs targets from 0 to 1; use loss: mse for other targets")
            }
        }
        let residual = try model["residual"]?.flag() ?? false
        let shape = NetworkShape(widths: widths, hidden: hidden, output: output, loss: loss, residual: residual)
        if shape.parameterCount > ModelScenario.maximumParameters {
            throw layersNode.error("the network has \(shape.parameterCount) parameters, more than the limit of \(ModelScenario.maximumParameters)")
        }
        let initialization = try model["init"].map { node throws(ScenarioError) in try buildInit(node) } ?? NetworkInitialization(scale: .xavier, seed: 0)
        let epochs = try model.required("epochs", expected: "a whole number of epochs")
            .integer(in: 1...ModelScenario.maximumEpochs, what: "a whole number of epochs from 1 to \(ModelScenario.maximumEpochs)")
        var batch: Int?
        if let node = model["batch"] {
            if case .scalar(let s) = node.node, s.string == "full" {
                batch = nil
            } else {
                batch = try node.integer(in: 1...ModelScenario.maximumExamples, what: "full, or a whole minibatch size ≥ 1")
                if batch! >= data.count { batch = nil }
            }
        }
        let shuffleSeed = try model["shuffle_seed"]?.unsigned(what: "a whole number from 0 to \(UInt64.max)") ?? 0
        let racers = try ScenarioLoader.buildRacers(try top.required("racers", expected: "a list of racers, each {name, optimizer, …}"))
        for (racer, node) in zip(racers, try top["racers"]!.sequence(what: "a list of racers")) where racer.start != nil {
            throw node.error("a racer of a model scenario starts from the network's initial weights; remove 'start'")
        }
        return ModelScenario(
            name: name, title: title, summary: summary, source: root.file, data: data, shape: shape,
            initialization: initialization, epochs: epochs, batch: batch, shuffleSeed: shuffleSeed, racers: racers)
    }

    static func choice<T>(_ node: ScenarioNode, kind: String, _ names: [String], _ make: (String) -> T?) throws(ScenarioError) -> T {
        let text = try node.string(what: "a\(kind.first.map { "aeiou".contains($0) } == true ? "n" : "") \(kind) (\(names.joined(separator: ", ")))")
        guard let value = make(text) else {
            throw node.error("unknown \(kind) '\(ScenarioNode.shortened(text))'\(Suggestion.hint(for: text, in: names)); expected one of \(names.joined(separator: ", "))")
        }
        return value
    }

    static func activation(_ node: ScenarioNode?, default fallback: Activation) throws(ScenarioError) -> Activation {
        guard let node else { return fallback }
        return try choice(node, kind: "activation", Activation.allCases.map(\.rawValue), Activation.init(rawValue:))
    }

    static func buildData(_ node: ScenarioNode) throws(ScenarioError) -> DataSet {
        let generatedNames = DataSet.Generated.allCases.map(\.rawValue)
        if case .scalar = node.node {
            let names = ["xor8"] + generatedNames
            let name = try choice(node, kind: "data set", names) { names.contains($0) ? $0 : nil }
            if name == "xor8" { return .xor8 }
            return DataSet.generated(DataSet.Generated(rawValue: name)!, count: 200, noise: 0.1, seed: 0)
        }
        let entries = try node.mapping(allowed: generatedNames + ["points", "targets"], what: "a data set: {moons: {n, noise, seed}} or {points, targets}")
        if let (key, value) = entries.first(where: { generatedNames.contains($0.key) }) {
            if entries.count > 1 { throw node.error("expected one data set, found \(entries.map(\.key).joined(separator: " and "))") }
            var count = 200, noise = 0.1, seed: UInt64 = 0
            if case .mapping = value.node {
                let fields = try value.fields(allowed: generatedKeys, what: "{n, noise, seed}")
                count = try fields["n"]?.integer(in: 2...ModelScenario.maximumExamples, what: "a number of points from 2 to \(ModelScenario.maximumExamples)") ?? count
                if let node = fields["noise"] {
                    noise = try node.number(what: "a noise σ ≥ 0")
                    if noise < 0 { throw node.error("expected a noise σ ≥ 0, found \(NumberFormat.short(noise))") }
                }
                seed = try fields["seed"]?.unsigned(what: "a whole number from 0 to \(UInt64.max)") ?? seed
            } else if !ScenarioLoader.isNull(value.node) {
                throw value.error("expected {n, noise, seed} (or nothing for the defaults), found \(value.found)")
            }
            return DataSet.generated(DataSet.Generated(rawValue: key)!, count: count, noise: noise, seed: seed)
        }
        let fields = ScenarioFields(owner: node, entries: entries)
        let pointsNode = try fields.required("points", expected: "a list of input points such as [[0, 0], [0, 1]]")
        let targetsNode = try fields.required("targets", expected: "one target per point, such as [0, 1] (or lists for several outputs)")
        let pointItems = try pointsNode.sequence(what: "a list of input points such as [[0, 0], [0, 1]]")
        let targetItems = try targetsNode.sequence(what: "one target per point")
        if pointItems.isEmpty { throw pointsNode.error("expected at least one point, found an empty list") }
        if pointItems.count > ModelScenario.maximumExamples { throw pointsNode.error("expected at most \(ModelScenario.maximumExamples) points, found \(pointItems.count)") }
        if targetItems.count != pointItems.count {
            throw targetsNode.error("expected one target per point (\(pointItems.count)), found \(targetItems.count)")
        }
        func row(_ item: ScenarioNode, what: String) throws(ScenarioError) -> [Double] {
            if case .sequence = item.node {
                let values = try item.sequence(what: what)
                if values.isEmpty { throw item.error("expected \(what), found an empty list") }
                var row: [Double] = []
                for value in values { row.append(try value.number(what: "a finite number")) }
                return row
            }
            return [try item.number(what: what)]
        }
        var inputs: [[Double]] = [], targets: [[Double]] = []
        for item in pointItems {
            let r = try row(item, what: "a point: a list of finite numbers")
            if let first = inputs.first, first.count != r.count { throw item.error("expected \(first.count) coordinates like the first point, found \(r.count)") }
            inputs.append(r)
        }
        for item in targetItems {
            let r = try row(item, what: "a target: a finite number or a list of them")
            if let first = targets.first, first.count != r.count { throw item.error("expected \(first.count) values like the first target, found \(r.count)") }
            targets.append(r)
        }
        return DataSet(name: "points", inputs: Matrix(inputs), targets: Matrix(targets))
    }

    static func buildInit(_ node: ScenarioNode) throws(ScenarioError) -> NetworkInitialization {
        if case .scalar = node.node {
            let scale = try choice(node, kind: "initialisation", ["xavier", "he"]) { (text: String) -> NetworkInitialization.Scale? in
                text == "xavier" ? .xavier : text == "he" ? .he : nil
            }
            return NetworkInitialization(scale: scale, seed: 0)
        }
        let fields = try node.fields(allowed: initKeys, what: "{normal: σ, seed, generator}, {xavier: true, seed} or {he: true, seed}")
        let schemes = ["normal", "xavier", "he"].filter { fields[$0] != nil }
        if schemes.count != 1 {
            throw node.error(schemes.isEmpty ? "missing the scheme: expected normal: σ, xavier: true or he: true" : "expected one scheme, found \(schemes.joined(separator: " and "))")
        }
        var scale: NetworkInitialization.Scale
        switch schemes[0] {
        case "normal":
            let sigmaNode = fields["normal"]!
            let sigma = try sigmaNode.number(what: "the weights' standard deviation σ > 0")
            if !(sigma > 0) { throw sigmaNode.error("expected the weights' standard deviation σ > 0, found \(NumberFormat.short(sigma))") }
            scale = .normal(sigma)
        case "xavier":
            if try !fields["xavier"]!.flag() { throw fields["xavier"]!.error("expected true (the scheme to use)") }
            scale = .xavier
        default:
            if try !fields["he"]!.flag() { throw fields["he"]!.error("expected true (the scheme to use)") }
            scale = .he
        }
        if let generator = fields["generator"] {
            _ = try choice(generator, kind: "generator", ["numpy"]) { $0 == "numpy" ? $0 : nil }
        }
        let seed = try fields["seed"]?.unsigned(what: "a whole number from 0 to \(UInt64.max)") ?? 0
        return NetworkInitialization(scale: scale, seed: seed)
    }
}
