extension OptimizerCatalog {
    /// torch.optim.Adam: `AddDecayedWeights(λ)` (L2) → `ScaleByAdam(β₁, β₂, ε)` (or `ScaleByAMSGrad`) → `ScaleByLearningRate(η)`.
    public static let adam = OptimizerDefinition(
        name: "adam",
        summary: "Adam with bias correction, L2 weight decay and AMSGrad (torch.optim.Adam)",
        formula: [
            "g ← gₜ + λθₜ₋₁",
            "mₜ = β₁·mₜ₋₁ + (1−β₁)·g,  vₜ = β₂·vₜ₋₁ + (1−β₂)·g²",
            "m̂ₜ = mₜ/(1−β₁ᵗ),  v̂ₜ = vₜ/(1−β₂ᵗ)  (amsgrad: v̂ₜ = max(v₁…vₜ)/(1−β₂ᵗ))",
            "θₜ = θₜ₋₁ − η·m̂ₜ/(√v̂ₜ + ε)",
        ],
        parameters: [
            learningRate, betas(0.9, 0.999), eps(1e-8, "added to √v̂ₜ for numerical stability"), weightDecay(), amsgrad,
        ],
        recipe: CatalogRecipe(.adam))
}

extension OptimizerCatalog {
    /// The chain of `adam` (see `CatalogRecipe`).
    static func adamChain<V: ParameterVector>(_ p: RuleParameters<V.Scalar>) -> UpdateRule<V>? {
        guard let amsgrad = p.flag("amsgrad") else { return nil }
        return amsgrad ? p.coupled(ScaleByAMSGrad<V>(moments: p.moments)) : p.coupled(ScaleByAdam<V>(moments: p.moments))
    }
}
