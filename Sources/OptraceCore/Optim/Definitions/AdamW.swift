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
        build: { hp, lr in
            let (b1, b2) = hp.pair("betas")
            let eps = hp.number("eps"), lambda = hp.number("weight_decay")
            if hp.flag("amsgrad") { return decoupled(ScaleByAMSGrad(beta1: b1, beta2: b2, eps: eps), lambda, lr) }
            return decoupled(ScaleByAdam(beta1: b1, beta2: b2, eps: eps), lambda, lr)
        })
}
