extension OptimizerCatalog {
    /// torch.optim.Adadelta: `AddDecayedWeights(λ)` → `ScaleByAdadelta(ρ, ε)` → `ScaleByLearningRate(η)`.
    public static let adadelta = OptimizerDefinition(
        name: "adadelta",
        summary: "steps scaled by the ratio of running RMS of steps and of gradients (torch.optim.Adadelta)",
        formula: [
            "g ← gₜ + λθₜ₋₁;  vₜ = ρ·vₜ₋₁ + (1−ρ)·g²",
            "Δxₜ = √(uₜ₋₁ + ε)/√(vₜ + ε)·g,  uₜ = ρ·uₜ₋₁ + (1−ρ)·Δxₜ²",
            "θₜ = θₜ₋₁ − η·Δxₜ",
        ],
        parameters: [
            learningRate(1.0),
            OptimizerParameter(
                "rho", symbol: "ρ", kind: .number(.closedUnitInterval), default: .number(0.9),
                summary: "decay of the running means"),
            eps(1e-6, "added inside both square roots"),
            weightDecay(),
        ],
        recipe: CatalogRecipe(.adadelta))
}

extension OptimizerCatalog {
    /// The chain of `adadelta` (see `CatalogRecipe`).
    static func adadeltaChain<V: ParameterVector>(_ p: RuleParameters<V.Scalar>) -> UpdateRule<V>? {
        p.coupled(ScaleByAdadelta<V>(rho: p.number("rho"), eps: p.number("eps")))
    }
}
