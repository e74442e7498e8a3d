/// Every update rule optrace knows, by name; each is defined in `Definitions/` as a chain of small transformations.
public enum OptimizerCatalog {
    public static let all: [OptimizerDefinition] = [
        sgd, momentum, adam, adamw, adamNoBias, adamax, nadam, radam, adagrad, rmsprop, adadelta, lion,
    ]

    /// The definition called `name`.
    public static func definition(named name: String) -> OptimizerDefinition? {
        all.first { $0.name == name }
    }

    static let learningRate = learningRate(1e-3)

    /// `lr` with torch's default for the optimizer.
    static func learningRate(_ value: Double) -> OptimizerParameter {
        OptimizerParameter(
            "lr", symbol: "η", kind: .number(.positive), default: .number(value),
            summary: "learning rate (torch.optim default \(NumberFormat.short(value)))")
    }

    /// `betas` (β₁, β₂), also accepted as `beta1` and `beta2`.
    static func betas(_ b1: Double, _ b2: Double) -> OptimizerParameter {
        OptimizerParameter(
            "betas", symbol: "β₁,β₂", kind: .pair(.unitInterval, components: ["beta1", "beta2"]), default: .pair(b1, b2),
            summary: "decays of the first and second moments (or give beta1, beta2)")
    }

    /// `eps` ε with the optimizer's default.
    static func eps(_ value: Double, _ summary: String = "added to the denominator for numerical stability") -> OptimizerParameter {
        OptimizerParameter("eps", symbol: "ε", kind: .number(.nonNegative), default: .number(value), summary: summary)
    }

    /// `weight_decay` λ, L2 into the gradient (g ← g + λθ) unless `decoupled`.
    static func weightDecay(_ value: Double = 0, decoupled: Bool = false) -> OptimizerParameter {
        OptimizerParameter(
            "weight_decay", symbol: "λ", kind: .number(.nonNegative), default: .number(value),
            summary: decoupled ? "decoupled weight decay: θ ← θ − ηλθ" : "L2 penalty added to the gradient: g ← g + λθ")
    }

    static let amsgrad = OptimizerParameter(
        "amsgrad", symbol: "ams", kind: .flag, default: .flag(false),
        summary: "AMSGrad: divide by the largest second moment so far")
}
