/// How an optimizer's hyperparameters map onto the quadratic theory: which is η and which is the heavy-ball β.
///
/// Each definition declares its names (`theory`: `sgd` η = `lr`, β = `momentum`; `momentum` η = `lr`,
/// β = `beta`). The theory holds only for the plain heavy ball at a constant η: a racer with Nesterov,
/// dampening, weight decay, a schedule or clipping has none.
public struct TheoryFamily: Sendable, Equatable {
    /// The learning-rate parameter's name.
    public let rate: String
    /// The heavy-ball momentum parameter's name, if the optimizer has one.
    public let momentum: String?

    /// The family of `racer`'s optimizer, or nil when the theory does not describe it.
    public init?(racer: Racer) {
        guard let entry = OptimizerCatalog.definition(named: racer.optimizerName)?.theory else { return nil }
        let hp = racer.hyperparameters
        guard hp[entry.rate]?.number != nil else { return nil }
        if case .flag(true)? = hp["nesterov"] { return nil }
        // A schedule changes η from step to step and clipping changes the gradient: no theory then.
        if racer.schedule != nil || racer.clipping != nil { return nil }
        for name in ["dampening", "weight_decay"] {
            if let v = hp[name]?.number, v != 0 { return nil }
        }
        rate = entry.rate
        momentum = entry.momentum.flatMap { hp[$0]?.number != nil ? $0 : nil }
    }

    /// The heavy-ball β of `hyperparameters` (0 without a momentum parameter).
    public func beta(_ hyperparameters: HyperParameters) -> Double {
        momentum.flatMap { hyperparameters[$0]?.number } ?? 0
    }
}
