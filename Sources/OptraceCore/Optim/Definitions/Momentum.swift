extension OptimizerCatalog {
    /// Heavy-ball momentum, EQ M8.5, in two conventions that differ only in where η enters.
    ///
    /// `pytorch`: `Trace(β)` → `ScaleByLearningRate(η)`: v ← βv + g, θ ← θ − ηv (torch.optim.SGD).
    /// `classic`: `ScaleByLearningRate(η)` → `Trace(β)`: v ← βv − ηg, θ ← θ + v (Sutskever et al.).
    /// At a constant η they take the same steps; under a schedule the classic velocity keeps the
    /// past learning rates, the pytorch one rescales the whole velocity by today's η.
    public static let momentum = OptimizerDefinition(
        name: "momentum",
        summary: "heavy-ball momentum, EQ M8.5 (convention pytorch = torch.optim.SGD with momentum=β, dampening=0)",
        formula: [
            "pytorch: v₁ = g₁,  vₜ = β·vₜ₋₁ + gₜ;  θₜ = θₜ₋₁ − ηₜ·vₜ",
            "classic: v₁ = −η₁g₁,  vₜ = β·vₜ₋₁ − ηₜ·gₜ;  θₜ = θₜ₋₁ + vₜ",
        ],
        parameters: [
            learningRate,
            OptimizerParameter(
                "beta", symbol: "β", kind: .number(.unitInterval), default: .number(0.9),
                summary: "momentum (friction): the velocity's decay per step"),
            OptimizerParameter(
                "convention", symbol: "conv", kind: .choice(["pytorch", "classic"]), default: .text("pytorch"),
                summary: "pytorch: η outside the velocity; classic: η inside it"),
        ],
        tunedParameters: ["lr", "beta"], theory: TheoryParameters(rate: "lr", momentum: "beta"),
        recipe: CatalogRecipe(.momentum))
}

extension OptimizerCatalog {
    /// The chain of `momentum` (see `CatalogRecipe`).
    static func momentumChain<V: ParameterVector>(_ p: RuleParameters<V.Scalar>) -> UpdateRule<V>? {
        guard let convention = p.text("convention") else { return nil }
        let trace = Trace<V>(decay: p.number("beta"))
        let step: ScaleByLearningRate<V> = p.descent()
        return convention == "classic" ? p.rule(step.then(trace)) : p.rule(trace.then(step))
    }
}
