extension OptimizerCatalog {
    /// torch.optim.RAdam: `AddDecayedWeights(λ)` → `ScaleByRAdam(β₁, β₂, ε)` → `ScaleByLearningRate(η)`.
    public static let radam = OptimizerDefinition(
        name: "radam",
        summary: "rectified Adam: plain momentum steps until the variance estimate is trustworthy (torch.optim.RAdam)",
        formula: [
            "g ← gₜ + λθₜ₋₁;  mₜ, vₜ as adam;  m̂ₜ = mₜ/(1−β₁ᵗ)",
            "ρ∞ = 2/(1−β₂) − 1,  ρₜ = ρ∞ − 2tβ₂ᵗ/(1−β₂ᵗ)",
            "ρₜ > 5: lₜ = √(1−β₂ᵗ)/(√vₜ + ε),  rₜ = √((ρₜ−4)(ρₜ−2)ρ∞/((ρ∞−4)(ρ∞−2)ρₜ)),  θₜ = θₜ₋₁ − η·m̂ₜ·rₜ·lₜ",
            "else: θₜ = θₜ₋₁ − η·m̂ₜ",
        ],
        parameters: [learningRate, betas(0.9, 0.999), eps(1e-8, "added to √vₜ for numerical stability"), weightDecay()],
        recipe: CatalogRecipe(.radam))
}

extension OptimizerCatalog {
    /// The chain of `radam` (see `CatalogRecipe`).
    static func radamChain<V: ParameterVector>(_ p: RuleParameters<V.Scalar>) -> UpdateRule<V>? {
        p.coupled(ScaleByRAdam<V>(moments: p.moments))
    }
}
