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
        recipe: AdamWRecipe())
}

/// The chain of `adamw`, for any parameter vector.
private struct AdamWRecipe: UpdateRuleRecipe {
    @_specialize(where V == Vec2)
    @_specialize(where V == LaneVec2)
    func rule<V: ParameterVector>(_ p: RuleParameters<V.Scalar>) -> UpdateRule<V>? {
        let (b1, b2) = p.pair("betas")
        let eps = p.number("eps")
        guard let amsgrad = p.flag("amsgrad") else { return nil }
        if amsgrad { return p.decoupled(ScaleByAMSGrad<V>(beta1: b1, beta2: b2, eps: eps)) }
        return p.decoupled(ScaleByAdam<V>(beta1: b1, beta2: b2, eps: eps))
    }
}
