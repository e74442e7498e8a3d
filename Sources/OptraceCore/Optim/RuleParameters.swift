/// The hyperparameters of every lane of a rule being built, read as the rule's scalar type (one value per lane),
/// with the lanes' learning rates and clipping.
///
/// A recipe asks structural questions (`flag`, `all`) that must have one answer for every lane; when the lanes
/// disagree the answer is nil and the recipe returns nil (the lanes are then stepped one by one).
public struct RuleParameters<Scalar: ParameterScalar>: Sendable {
    private let lanes: LaneHyperParameters
    /// η of every lane.
    public let learningRate: LearningRate<Scalar>
    private let clipping: Clipping?
    /// The sweep's shared table of βᵗ, if any (`AdamMoments` reads its bias corrections from it).
    private let powers: PowerTable?

    /// The clipping of every lane: one kind, a threshold per lane.
    private enum Clipping: Sendable {
        case norm(Scalar)
        case value(Scalar)
    }

    /// The parameters of `configurations` (one per lane), or nil when their clipping kinds differ; `powers` is
    /// a sweep's shared table of βᵗ.
    init?(_ configurations: [OptimizerConfiguration], powers: PowerTable? = nil) {
        let kinds = configurations.map { $0.clipping?.key }
        guard kinds.allSatisfy({ $0 == kinds[0] }) else { return nil }
        self.init(
            LaneHyperParameters(each: configurations.map(\.hyperparameters)),
            learningRate: LearningRate(lanes: configurations.map(\.learningRate)), clipping: configurations[0].clipping,
            thresholds: Scalar(lanes: { configurations[$0].clipping?.threshold ?? 0 }), powers: powers)
    }

    /// The parameters of lanes with `hyperparameters`, η `learningRate`, and clipping of `clipping`'s kind with
    /// each lane's threshold in `thresholds` (ignored without clipping).
    public init(
        _ hyperparameters: LaneHyperParameters, learningRate: LearningRate<Scalar>, clipping: GradientClipping?,
        thresholds: Scalar, powers: PowerTable? = nil
    ) {
        lanes = hyperparameters
        self.learningRate = learningRate
        self.powers = powers
        switch clipping {
        case nil: self.clipping = nil
        case .norm: self.clipping = .norm(thresholds)
        case .value: self.clipping = .value(thresholds)
        }
    }

    /// The number called `name`, lane by lane.
    public func number(_ name: String) -> Scalar { lanes.number(name) }

    /// The pair called `name`, lane by lane.
    public func pair(_ name: String) -> (Scalar, Scalar) { lanes.pair(name) }

    /// The flag called `name` when every lane has the same, else nil.
    public func flag(_ name: String) -> Bool? { lanes.flag(name) }

    /// The text (a choice) called `name` when every lane has the same, else nil.
    public func text(_ name: String) -> String? { lanes.text(name) }

    /// Whether the number `name` passes `test` in the lanes: true for all, false for none, nil when they differ.
    public func all(_ name: String, _ test: (Double) -> Bool) -> Bool? { lanes.all(name, test) }

    /// The rule of `chain`, after the lanes' gradient clipping (`clip_grad_*` before `optimizer.step()`).
    public func rule<T: GradientTransformation>(_ chain: T) -> UpdateRule<T.Vector> where T.Vector.Scalar == Scalar {
        switch clipping {
        case nil: return UpdateRule(chain)
        case .norm(let c): return UpdateRule(ClipByGlobalNorm<T.Vector>(c).then(chain))
        case .value(let c): return UpdateRule(ClipByValue<T.Vector>(c).then(chain))
        }
    }

    /// The descent step η of the lanes.
    public func descent<V: ParameterVector>() -> ScaleByLearningRate<V> where V.Scalar == Scalar {
        ScaleByLearningRate(rate: learningRate)
    }

    /// β₁, β₂ (`betas`) and ε (`eps`) of the lanes, for the Adam family.
    public var moments: AdamMoments<Scalar> {
        let (b1, b2) = pair("betas")
        return AdamMoments(beta1: b1, beta2: b2, eps: number("eps"), powers: powers)
    }

    /// L2 weight decay (as `l2`), then `scaling`, then the learning rate: torch's coupled form.
    public func coupled<T: GradientTransformation>(_ scaling: T) -> UpdateRule<T.Vector>? where T.Vector.Scalar == Scalar {
        let step: ScaleByLearningRate<T.Vector> = descent()
        return l2(scaling.then(step))
    }

    /// `rest` after L2 weight decay g ← g + λθ (`weight_decay`); without the `AddDecayedWeights` leaf when λ = 0,
    /// as torch skips it. Nil when some lanes have λ = 0 and others not.
    public func l2<T: GradientTransformation>(_ rest: T) -> UpdateRule<T.Vector>? where T.Vector.Scalar == Scalar {
        guard let none = all("weight_decay", { $0 == 0 }) else { return nil }
        return none ? rule(rest) : rule(AddDecayedWeights<T.Vector>(number("weight_decay")).then(rest))
    }

    /// `scaling`, then decoupled weight decay (update + λθ, left out when λ = 0), then the learning rate.
    public func decoupled<T: GradientTransformation>(_ scaling: T) -> UpdateRule<T.Vector>? where T.Vector.Scalar == Scalar {
        guard let none = all("weight_decay", { $0 == 0 }) else { return nil }
        let step: ScaleByLearningRate<T.Vector> = descent()
        return none ? rule(scaling.then(step)) : rule(scaling.then(AddDecayedWeights<T.Vector>(number("weight_decay"))).then(step))
    }
}
