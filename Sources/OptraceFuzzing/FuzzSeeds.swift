import OptraceCore

/// The seed corpus and token dictionary the fuzz generator mutates.
public enum FuzzSeeds {
    /// Tokens of both languages, spliced into inputs.
    public static let dictionary: [String] = [
        "x", "y", "+", "-", "*", "/", "^", "(", ")", ",", "exp(", "log(", "sqrt(", "sin(", "cos(", "tan(",
        "tanh(", "sigmoid(", "abs(", "min(", "max(", "pi", "e", "1e-3", "0.5",
        "name: ", "title: ", "surface:\n", "  terms:\n", "    - valley: {curvatures: [0.1, 1.0]}\n",
        "    - bump: {center: [3, 0.2], height: 1.5, width: 0.8}\n", "  expr: \"x^2 + y^2\"\n",
        "  domain: {x: [-6, 12], y: [-5, 5]}\n", "start: [10, 4]\n", "steps: 20\n",
        "noise: {sigma: 0.2, seed: 1}\n", "racers:\n", "  - {name: A, optimizer: adam, lr: 0.3}\n",
        "  - {name: M, optimizer: momentum, lr: 0.1, beta: 0.9}\n", "checkpoints: [5, 10]\n", "&a ", "*a", "!!str ",
        "'", "\"", "#", ": ", "- ", "{", "}", "[", "]", "\t", "\n", "~", "null", "true", ".nan", "-.inf",
        "schedule: {type: cosine, decay_steps: 10}", "clip_norm: 1", "betas: [0.9, 0.99]", "nesterov: true",
    ]

    /// The dictionary with network scenarios' keys and values too (for the `model` target).
    public static let modelDictionary: [String] = dictionary + [
        "model:\n", "  data: xor8\n", "  data: {moons: {n: 30, noise: 0.1, seed: 2}}\n", "  layers: [2, 4, 1]\n",
        "  activation: relu\n", "  output: linear\n", "  loss: mse\n", "  residual: true\n", "  init: he\n",
        "  init: {normal: 0.5, seed: 9}\n", "  epochs: 3\n", "  batch: 3\n", "  shuffle_seed: 4\n",
        "{points: [[0, 1], [1, 0]], targets: [1, 0]}",
    ]

    static let expressions: [String] = [
        "0.5*(0.1*x^2 + y^2) + 1.5*exp(-((x-3)^2 + (y-0.2)^2)/(2*0.8^2))",
        "0.5*(sigmoid(w*x+b)-y)^2", "(1-x)^2 + 100*(y-x^2)^2", "x^2 - y^2 + 0.25*y^4",
        "max(abs(x), abs(y)) + min(x, y)", "log(x) + sqrt(y) / tan(x*y)", "2^-y^2", "-x^2",
    ]

    static let scenario = """
        name: fuzz
        title: A race to mutate
        surface:
          terms:
            - valley: {curvatures: [0.1, 1.0], angle: 30}
            - bump: {center: [3, 0.2], height: 1.5, width: 0.8}
          expr: "0.01*sin(x*y)"
          domain: {x: [-6, 12], y: [-5, 5]}
        start: [10, 4]
        steps: 30
        noise: {sigma: [0.2, 0.1], seed: 7, batch: 4}
        racers:
          - {name: SGD, optimizer: sgd, lr: 0.5, momentum: 0.5, nesterov: true}
          - {name: Momentum, optimizer: momentum, lr: 0.22, beta: 0.9, schedule: {type: warmup_cosine, warmup_steps: 5, decay_steps: 30}}
          - {name: Adam, optimizer: adam, lr: 0.30, betas: [0.9, 0.99], clip_norm: 2}
          - {name: Lion, optimizer: lion, lr: 0.01}
        checkpoints: [10, 20, 30]
        threshold: 0.05
        """

    static let model = """
        name: fuzz-net
        model:
          data: {points: [[0, 0], [0, 1], [1, 0], [1, 1], [0.5, 0.5]], targets: [0, 1, 1, 0, 1]}
          layers: [2, 3, 3, 1]
          activation: tanh
          output: sigmoid
          loss: bce
          residual: true
          init: {normal: 0.8, seed: 3, generator: numpy}
          epochs: 4
          batch: 2
          shuffle_seed: 5
        racers:
          - {name: GD, optimizer: sgd, lr: 2.0}
          - {name: Adam, optimizer: adam, lr: 0.05, clip_norm: 1}
          - {name: RMS, optimizer: rmsprop, lr: 0.01, schedule: {type: cosine, decay_steps: 4}}
        """

    /// Recipes for `NestingCase`: a spread of decoys, anchors and depth classes to mutate.
    static let nestingRecipes: [[UInt8]] = (0..<24).map { i in
        (0..<48).map { j in UInt8(truncatingIfNeeded: (i &* 73) ^ (j &* 151) ^ (i &* j &* 29) ^ (i % 4 == 0 ? 31 : 0)) }
    }

    /// The tokens spliced into `target`'s inputs.
    public static func dictionary(for target: FuzzTarget) -> [String] { target == .model ? modelDictionary : dictionary }

    /// Inputs the generator starts from for `target`.
    public static func corpus(for target: FuzzTarget) -> [[UInt8]] {
        switch target {
        case .expression: return expressions.map { Array($0.utf8) }
        case .scenario: return [Array(scenario.utf8)] + expressions.map { Array("surface: {expr: \"\($0)\"}\n".utf8) }
        case .model: return [Array(model.utf8), Array(BuiltinScenarios.text(named: "xor")!.utf8)]
        case .nesting: return nestingRecipes
        case .outputPath: return nestingRecipes.map { Array($0.prefix(24)) }
        }
    }
}
