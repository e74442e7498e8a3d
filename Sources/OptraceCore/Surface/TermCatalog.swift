/// Every built-in surface term, looked up by name.
public enum TermCatalog {
    public static let all: [TermDefinition] = [
        .valley, .bump, .saddle, .rosenbrock, .himmelblau, .beale, .booth, .matyas, .goldsteinPrice,
        .sixHumpCamel, .rastrigin, .ackley,
    ]

    public static func definition(named name: String) -> TermDefinition? {
        all.first { $0.name == name }
    }

    /// The closest built-in name to a misspelt one ("rosenbrok" → "rosenbrock"), if any is close.
    public static func suggestion(for name: String) -> String? {
        Suggestion.closest(to: name, in: all.map(\.name))
    }
}
