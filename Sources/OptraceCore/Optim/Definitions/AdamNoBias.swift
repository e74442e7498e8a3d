extension OptimizerCatalog {
    /// Adam without the bias correction: `ScaleByAdam(biasCorrection: false)` → `ScaleByLearningRate(η)`.
    ///
    /// With m₀ = v₀ = 0 the raw moments are too small early on, and m/√v is not the ≈ ±1
    /// of the corrected rule: the first step is (1−β₁)/√(1−β₂) ≈ 3.16 times η, not η.
    public static let adamNoBias = OptimizerDefinition(
        name: "adam_nobias",
        summary: "Adam without bias correction (why the correction exists: first steps ≈ 3.16·η with the defaults)",
        formula: [
            "mₜ = β₁·mₜ₋₁ + (1−β₁)·gₜ,  vₜ = β₂·vₜ₋₁ + (1−β₂)·gₜ²",
            "θₜ = θₜ₋₁ − η·mₜ/(√vₜ + ε)",
        ],
        parameters: [learningRate, betas(0.9, 0.999), eps(1e-8, "added to √vₜ for numerical stability")],
        recipe: CatalogRecipe(.adamNoBias))
}

extension OptimizerCatalog {
    /// The chain of `adam_nobias` (see `CatalogRecipe`).
    static func adamNoBiasChain<V: ParameterVector>(_ p: RuleParameters<V.Scalar>) -> UpdateRule<V>? {
        p.rule(ScaleByAdam<V>(moments: p.moments, biasCorrection: false).then(p.descent()))
    }
}
