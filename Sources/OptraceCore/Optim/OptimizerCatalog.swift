/// Every update rule optrace knows, by name.
public enum OptimizerCatalog {
    public static let all: [OptimizerDefinition] = [sgd, momentum, adam]

    /// The definition called `name`.
    public static func definition(named name: String) -> OptimizerDefinition? {
        all.first { $0.name == name }
    }

    static let learningRate = OptimizerParameter(
        "lr", symbol: "η", kind: .number(.positive), default: .number(1e-3),
        summary: "learning rate (torch.optim default 1e-3)")

    /// Plain stochastic gradient descent: θₜ = θₜ₋₁ − η·gₜ.
    public static let sgd = OptimizerDefinition(
        name: "sgd",
        summary: "stochastic gradient descent (torch.optim.SGD, momentum 0)",
        formula: ["θₜ = θₜ₋₁ − η·gₜ"],
        parameters: [learningRate],
        build: { hp in Optimizer(ScaleByLearningRate(hp.number("lr"))) })

    /// Heavy-ball momentum, EQ M8.5 (torch.optim.SGD with momentum β, dampening 0).
    public static let momentum = OptimizerDefinition(
        name: "momentum",
        summary: "heavy-ball momentum, EQ M8.5 (torch.optim.SGD with momentum=β, dampening=0)",
        formula: ["v₁ = g₁,  vₜ = β·vₜ₋₁ + gₜ", "θₜ = θₜ₋₁ − η·vₜ"],
        parameters: [
            learningRate,
            OptimizerParameter(
                "beta", symbol: "β", kind: .number(.unitInterval), default: .number(0.9),
                summary: "momentum (friction): the velocity's decay per step"),
        ],
        build: { hp in Optimizer(Trace(decay: hp.number("beta")).then(ScaleByLearningRate(hp.number("lr")))) })

    /// Adam with bias-corrected moments (torch.optim.Adam).
    public static let adam = OptimizerDefinition(
        name: "adam",
        summary: "Adam with bias correction (torch.optim.Adam)",
        formula: [
            "mₜ = β₁·mₜ₋₁ + (1−β₁)·gₜ,  vₜ = β₂·vₜ₋₁ + (1−β₂)·gₜ²",
            "m̂ₜ = mₜ/(1−β₁ᵗ),  v̂ₜ = vₜ/(1−β₂ᵗ)",
            "θₜ = θₜ₋₁ − η·m̂ₜ/(√v̂ₜ + ε)",
        ],
        parameters: [
            learningRate,
            OptimizerParameter(
                "beta1", symbol: "β₁", kind: .number(.unitInterval), default: .number(0.9),
                summary: "decay of the first moment (mean of gradients)"),
            OptimizerParameter(
                "beta2", symbol: "β₂", kind: .number(.unitInterval), default: .number(0.999),
                summary: "decay of the second moment (mean of squared gradients)"),
            OptimizerParameter(
                "eps", symbol: "ε", kind: .number(.positive), default: .number(1e-8),
                summary: "added to √v̂ₜ for numerical stability"),
        ],
        build: { hp in
            Optimizer(
                ScaleByAdam(beta1: hp.number("beta1"), beta2: hp.number("beta2"), eps: hp.number("eps"))
                    .then(ScaleByLearningRate(hp.number("lr"))))
        })
}
