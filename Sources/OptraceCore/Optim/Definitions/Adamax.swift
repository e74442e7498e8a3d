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
        recipe: AdamaxRecipe())
}

/// The chain of `adamax`, for any parameter vector.
private struct AdamaxRecipe: UpdateRuleRecipe {
    @_specialize(where V == Vec2)
    @_specialize(where V == LaneVec2)
    func rule<V: ParameterVector>(_ p: RuleParameters<V.Scalar>) -> UpdateRule<V>? {
        let (b1, b2) = p.pair("betas")
        let step: ScaleByLearningRate<V> = p.descent()
        return p.l2(ScaleByAdamax<V>(beta1: b1, beta2: b2, eps: p.number("eps")).then(step))
    }
}
