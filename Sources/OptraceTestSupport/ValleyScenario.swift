/// Scenario YAML for tests on the default race's surface: the valley ½(0.1x² + y²) (and, with `bump`, its
/// Gaussian bump) over x ∈ [−6, 12], y ∈ [−5, 5] from (10, 4), with the parts a test varies given.
///
/// The text is laid out as the tests' hand-written scenarios were (two-space indents, one racer a line),
/// so line:column positions in expected errors are those of the text it returns.
public enum ValleyScenario {
    /// The YAML: `name`, the surface (with `minima` as written, when given), `start: [10, 4]`, `steps`, the
    /// `noise` mapping when given, `racers` (one flow mapping a line, as written), then `extra` lines
    /// (checkpoints, threshold, …) as given.
    public static func yaml(
        name: String = "t", bump: Bool = false, minima: String? = nil, steps: Int, noise: String? = nil, racers: [String],
        extra: [String] = []
    ) -> String {
        var lines = [
            "name: \(name)",
            "surface:",
            "  terms:",
            "    - valley: {curvatures: [0.1, 1.0]}",
        ]
        if bump { lines.append("    - bump: {center: [3, 0.2], height: 1.5, width: 0.8}") }
        lines.append("  domain: {x: [-6, 12], y: [-5, 5]}")
        if let minima { lines.append("  minima: \(minima)") }
        lines += ["start: [10, 4]", "steps: \(steps)"]
        if let noise { lines.append("noise: \(noise)") }
        lines.append("racers:")
        lines += racers.map { "  - \($0)" }
        lines += extra
        return lines.joined(separator: "\n")
    }
}
