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
        recipe: AdamRecipe())
}

/// The chain of `adam`, for any parameter vector.
private struct AdamRecipe: UpdateRuleRecipe {
    @_specialize(where V == Vec2)
    @_specialize(where V == LaneVec2)
    func rule<V: ParameterVector>(_ p: RuleParameters<V.Scalar>) -> UpdateRule<V>? {
        let (b1, b2) = p.pair("betas")
        let eps = p.number("eps")
        let step: ScaleByLearningRate<V> = p.descent()
        guard let amsgrad = p.flag("amsgrad") else { return nil }
        if amsgrad { return p.l2(ScaleByAMSGrad<V>(beta1: b1, beta2: b2, eps: eps).then(step)) }
        return p.l2(ScaleByAdam<V>(beta1: b1, beta2: b2, eps: eps).then(step))
    }
}
