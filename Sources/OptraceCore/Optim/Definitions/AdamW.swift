extension OptimizerCatalog {
    /// torch.optim.AdamW, optax's chain: `ScaleByAdam` (or `ScaleByAMSGrad`) → `AddDecayedWeights(λ)` → `ScaleByLearningRate(η)`.
    public static let adamw = OptimizerDefinition(
        name: "adamw",
        summary: "Adam with decoupled weight decay (torch.optim.AdamW)",
        formula: [
            "mₜ, vₜ, m̂ₜ, v̂ₜ as adam (amsgrad likewise), on the gradient without decay",
            "θₜ = θₜ₋₁ − η·λ·θₜ₋₁ − η·m̂ₜ/(√v̂ₜ + ε)",
        ],
        parameters: [
            learningRate, betas(0.9, 0.999), eps(1e-8, "added to √v̂ₜ for numerical stability"),
            weightDecay(1e-2, decoupled: true), amsgrad,
        ],
        recipe: CatalogRecipe(.adamw))
}

extension OptimizerCatalog {
    /// The chain of `adamw` (see `CatalogRecipe`).
    static func adamwChain<V: ParameterVector>(_ p: RuleParameters<V.Scalar>) -> UpdateRule<V>? {
        guard let amsgrad = p.flag("amsgrad") else { return nil }
        return amsgrad ? p.decoupled(ScaleByAMSGrad<V>(moments: p.moments)) : p.decoupled(ScaleByAdam<V>(moments: p.moments))
    }
}
