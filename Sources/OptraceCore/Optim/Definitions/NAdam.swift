extension OptimizerCatalog {
    /// torch.optim.NAdam: `AddDecayedWeights(λ)` → `ScaleByNadam(β₁, β₂, ε, ψ)` → `ScaleByLearningRate(η)`.
    public static let nadam = OptimizerDefinition(
        name: "nadam",
        summary: "Adam with Nesterov momentum and torch's momentum schedule (torch.optim.NAdam)",
        formula: [
            "g ← gₜ + λθₜ₋₁;  μₜ = β₁(1 − ½·0.96^(tψ)),  μₜ₊₁ = β₁(1 − ½·0.96^((t+1)ψ))",
            "mₜ = β₁·mₜ₋₁ + (1−β₁)·g,  vₜ = β₂·vₜ₋₁ + (1−β₂)·g²",
            "m̂ₜ = μₜ₊₁·mₜ/(1 − ∏ᵢ₌₁ᵗ⁺¹μᵢ) + (1−μₜ)·g/(1 − ∏ᵢ₌₁ᵗμᵢ),  v̂ₜ = vₜ/(1−β₂ᵗ)",
            "θₜ = θₜ₋₁ − η·m̂ₜ/(√v̂ₜ + ε)",
        ],
        parameters: [
            learningRate(2e-3), betas(0.9, 0.999), eps(1e-8, "added to √v̂ₜ for numerical stability"), weightDecay(),
            OptimizerParameter(
                "momentum_decay", symbol: "ψ", kind: .number(.nonNegative), default: .number(4e-3),
                summary: "ψ of the momentum schedule μₜ"),
        ],
        build: { hp, lr in
            let (b1, b2) = hp.pair("betas")
            return l2(
                hp.number("weight_decay"),
                ScaleByNadam(beta1: b1, beta2: b2, eps: hp.number("eps"), momentumDecay: hp.number("momentum_decay"))
                    .then(ScaleByLearningRate(schedule: lr)))
        })
}
