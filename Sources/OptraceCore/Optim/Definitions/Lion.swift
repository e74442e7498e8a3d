extension OptimizerCatalog {
    /// Lion (Chen et al. 2023): `ScaleByLion(β₁, β₂)` → `AddDecayedWeights(λ)` → `ScaleByLearningRate(η)`.
    public static let lion = OptimizerDefinition(
        name: "lion",
        summary: "sign of an interpolated momentum, decoupled weight decay (Chen et al. 2023, EvoLved Sign Momentum)",
        formula: [
            "cₜ = β₁·mₜ₋₁ + (1−β₁)·gₜ,  mₜ = β₂·mₜ₋₁ + (1−β₂)·gₜ",
            "θₜ = θₜ₋₁ − η·(sign(cₜ) + λ·θₜ₋₁)",
        ],
        parameters: [learningRate(1e-4), betas(0.9, 0.99), weightDecay(0, decoupled: true)],
        recipe: CatalogRecipe(.lion))
}

extension OptimizerCatalog {
    /// The chain of `lion` (see `CatalogRecipe`).
    static func lionChain<V: ParameterVector>(_ p: RuleParameters<V.Scalar>) -> UpdateRule<V>? {
        let (b1, b2) = p.pair("betas")
        return p.decoupled(ScaleByLion<V>(beta1: b1, beta2: b2))
    }
}
