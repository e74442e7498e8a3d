extension OptimizerCatalog {
    /// torch.optim.Adamax: `AddDecayedWeights(λ)` → `ScaleByAdamax(β₁, β₂, ε)` → `ScaleByLearningRate(η)`.
    public static let adamax = OptimizerDefinition(
        name: "adamax",
        summary: "Adam with the infinity norm (torch.optim.Adamax)",
        formula: [
            "g ← gₜ + λθₜ₋₁",
            "mₜ = β₁·mₜ₋₁ + (1−β₁)·g,  uₜ = max(β₂·uₜ₋₁, |g| + ε)",
            "θₜ = θₜ₋₁ − η·mₜ/((1−β₁ᵗ)·uₜ)",
        ],
        parameters: [learningRate(2e-3), betas(0.9, 0.999), eps(1e-8, "added to |g| for numerical stability"), weightDecay()],
        recipe: CatalogRecipe(.adamax))
}

extension OptimizerCatalog {
    /// The chain of `adamax` (see `CatalogRecipe`).
    static func adamaxChain<V: ParameterVector>(_ p: RuleParameters<V.Scalar>) -> UpdateRule<V>? {
        p.coupled(ScaleByAdamax<V>(moments: p.moments))
    }
}
