extension OptimizerCatalog {
    /// torch.optim.RMSprop: `AddDecayedWeights(λ)` → `ScaleByRMSProp(α, ε, centered)` → [`Trace(μ)`] → `ScaleByLearningRate(η)`.
    public static let rmsprop = OptimizerDefinition(
        name: "rmsprop",
        summary: "steps divided by a running RMS of the gradient, optionally centered and with momentum (torch.optim.RMSprop)",
        formula: [
            "g ← gₜ + λθₜ₋₁;  vₜ = α·vₜ₋₁ + (1−α)·g²",
            "ṽₜ = vₜ  (centered: ḡₜ = α·ḡₜ₋₁ + (1−α)·g,  ṽₜ = vₜ − ḡₜ²)",
            "μ > 0: bₜ = μ·bₜ₋₁ + g/(√ṽₜ + ε),  θₜ = θₜ₋₁ − η·bₜ;  else θₜ = θₜ₋₁ − η·g/(√ṽₜ + ε)",
        ],
        parameters: [
            learningRate(1e-2),
            OptimizerParameter(
                "alpha", symbol: "α", kind: .number(.closedUnitInterval), default: .number(0.99),
                summary: "smoothing constant of the running mean of g²"),
            eps(1e-8, "added to √ṽₜ for numerical stability"),
            weightDecay(),
            OptimizerParameter(
                "momentum", symbol: "μ", kind: .number(.unitInterval), default: .number(0),
                summary: "momentum of the scaled step"),
            OptimizerParameter(
                "centered", symbol: "centered", kind: .flag, default: .flag(false),
                summary: "divide by the running variance instead of the running mean of g²"),
        ],
        recipe: CatalogRecipe(.rmsprop))
}

extension OptimizerCatalog {
    /// The chain of `rmsprop` (see `CatalogRecipe`).
    static func rmspropChain<V: ParameterVector>(_ p: RuleParameters<V.Scalar>) -> UpdateRule<V>? {
        guard let centered = p.flag("centered"), let plain = p.all("momentum", { $0 == 0 }) else { return nil }
        let scaling = ScaleByRMSProp<V>(alpha: p.number("alpha"), eps: p.number("eps"), centered: centered)
        return plain ? p.coupled(scaling) : p.coupled(scaling.then(Trace<V>(decay: p.number("momentum"))))
    }
}
