extension OptimizerCatalog {
    /// torch.optim.SGD: weight decay, momentum with dampening, Nesterov.
    ///
    /// With momentum 0 there is no buffer (torch ignores dampening then); else
    /// `AddDecayedWeights(λ)` → `Trace(μ, τ, nesterov)` → `ScaleByLearningRate(η)`
    /// (`AddDecayedWeights` only when λ ≠ 0, as torch).
    public static let sgd = OptimizerDefinition(
        name: "sgd",
        summary: "stochastic gradient descent with momentum, dampening, Nesterov and weight decay (torch.optim.SGD)",
        formula: [
            "g ← gₜ + λθₜ₋₁",
            "μ ≠ 0: b₁ = g,  bₜ = μ·bₜ₋₁ + (1−τ)·g;  nesterov: g ← g + μ·bₜ, else g ← bₜ",
            "θₜ = θₜ₋₁ − η·g",
        ],
        parameters: [
            learningRate,
            OptimizerParameter(
                "momentum", symbol: "μ", kind: .number(.unitInterval), default: .number(0),
                summary: "momentum factor (0: plain SGD)"),
            OptimizerParameter(
                "dampening", symbol: "τ", kind: .number(.closedUnitInterval), default: .number(0),
                summary: "dampening of the gradient added to the buffer"),
            OptimizerParameter(
                "nesterov", symbol: "nesterov", kind: .flag, default: .flag(false),
                summary: "Nesterov momentum (needs momentum > 0 and dampening 0)"),
            weightDecay(),
        ],
        check: { hp in
            guard hp.flag("nesterov") else { return nil }
            if hp.number("momentum") == 0 {
                return ParameterConflict(parameter: "nesterov", message: "Nesterov momentum requires momentum > 0, found momentum 0")
            }
            if hp.number("dampening") != 0 {
                return ParameterConflict(
                    parameter: "nesterov",
                    message: "Nesterov momentum requires dampening 0, found dampening \(NumberFormat.short(hp.number("dampening")))")
            }
            return nil
        },
        tunedParameters: ["lr", "momentum"], theory: TheoryParameters(rate: "lr", momentum: "momentum"),
        recipe: CatalogRecipe(.sgd))
}

extension OptimizerCatalog {
    /// The chain of `sgd` (see `CatalogRecipe`).
    static func sgdChain<V: ParameterVector>(_ p: RuleParameters<V.Scalar>) -> UpdateRule<V>? {
        guard let plain = p.all("momentum", { $0 == 0 }) else { return nil }
        let step: ScaleByLearningRate<V> = p.descent()
        if plain { return p.l2(step) }
        guard let nesterov = p.flag("nesterov") else { return nil }
        return p.l2(Trace<V>(decay: p.number("momentum"), dampening: p.number("dampening"), nesterov: nesterov).then(step))
    }
}
