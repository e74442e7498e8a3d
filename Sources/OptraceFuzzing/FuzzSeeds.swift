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

    /// Recipes for `NestingCase`: a spread of decoys, anchors and depth classes to mutate.
    static let nestingRecipes: [[UInt8]] = (0..<24).map { i in
        (0..<48).map { j in UInt8(truncatingIfNeeded: (i &* 73) ^ (j &* 151) ^ (i &* j &* 29) ^ (i % 4 == 0 ? 31 : 0)) }
    }

    /// Inputs the generator starts from for `target`.
    public static func corpus(for target: FuzzTarget) -> [[UInt8]] {
        switch target {
        case .expression: return expressions.map { Array($0.utf8) }
        case .scenario: return [Array(scenario.utf8)] + expressions.map { Array("surface: {expr: \"\($0)\"}\n".utf8) }
        case .nesting: return nestingRecipes
        case .outputPath: return nestingRecipes.map { Array($0.prefix(24)) }
        }
    }
}
