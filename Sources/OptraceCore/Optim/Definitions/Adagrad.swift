extension OptimizerCatalog {
    /// torch.optim.Adagrad: `AddDecayedWeights(λ)` → `ScaleByAdagrad(s₀, ε)` → `ScaleByLearningRate(η̃)`.
    ///
    /// `lr_decay` divides the learning rate by 1 + (t−1)·lr_decay at update t; under a
    /// schedule the scheduled ηₜ is divided, as torch's Adagrad does with the lr an LR
    /// scheduler has set.
    public static let adagrad = OptimizerDefinition(
        name: "adagrad",
        summary: "per-coordinate rates from the sum of squared gradients (torch.optim.Adagrad)",
        formula: [
            "g ← gₜ + λθₜ₋₁;  η̃ₜ = η/(1 + (t−1)·lr_decay)",
            "sₜ = sₜ₋₁ + g²  (s₀ = initial_accumulator_value)",
            "θₜ = θₜ₋₁ − η̃ₜ·g/(√sₜ + ε)",
        ],
        parameters: [
            learningRate(1e-2),
            OptimizerParameter(
                "lr_decay", symbol: "lr_decay", kind: .number(.nonNegative), default: .number(0),
                summary: "η̃ₜ = η/(1 + (t−1)·lr_decay)"),
            weightDecay(),
            OptimizerParameter(
                "initial_accumulator_value", symbol: "s₀", kind: .number(.nonNegative), default: .number(0),
                summary: "the sum of squares before the first update"),
            eps(1e-10, "added to √sₜ for numerical stability"),
        ],
        recipe: CatalogRecipe(.adagrad))
}

extension OptimizerCatalog {
    /// The chain of `adagrad` (see `CatalogRecipe`).
    static func adagradChain<V: ParameterVector>(_ p: RuleParameters<V.Scalar>) -> UpdateRule<V>? {
        let scaling = ScaleByAdagrad<V>(initialAccumulatorValue: p.number("initial_accumulator_value"), eps: p.number("eps"))
        return p.l2(scaling.then(ScaleByLearningRate<V>(rate: p.learningRate.inverseTimeDecayed(p.number("lr_decay")))))
    }
}
