/// The quadratic theory placed on a sweep's axes: the predicted best point and the stability edge, where they apply.
public struct SweepTheory: Sendable, Equatable {
    public let quadratic: QuadraticTheory
    /// The predicted best value of every swept parameter (axis order), when the theory predicts one.
    public let best: [Double]?
    /// Which axis is the learning rate, and which the heavy-ball β (nil when not swept).
    public let rateAxis: Int?
    public let momentumAxis: Int?
    /// The β held fixed when it is not swept.
    public let fixedBeta: Double?
    /// The learning rate held fixed when it is not swept.
    public let fixedRate: Double?

    /// The theory for sweeping `plan` over `target` on a quadratic with curvatures from `quadratic`; nil when the
    /// optimizer is not plain gradient descent or heavy ball, or a swept parameter is neither η nor β.
    public init?(quadratic: QuadraticTheory, target: TuneTarget, plan: SweepPlan) {
        guard let family = TheoryFamily(racer: target.racer) else { return nil }
        var rateAxis: Int?, momentumAxis: Int?
        for (i, axis) in plan.axes.enumerated() {
            if axis.name == family.rate { rateAxis = i } else if axis.name == family.momentum { momentumAxis = i } else { return nil }
        }
        self.quadratic = quadratic
        self.rateAxis = rateAxis
        self.momentumAxis = momentumAxis
        let hp = target.racer.hyperparameters
        fixedBeta = momentumAxis == nil ? family.beta(hp) : nil
        fixedRate = rateAxis == nil ? hp[family.rate]?.number : nil
        var best = [Double](repeating: 0, count: plan.axes.count)
        if let r = rateAxis, let m = momentumAxis {
            (best[r], best[m]) = quadratic.momentumBest
            self.best = best
        } else if let r = rateAxis, fixedBeta == 0 {
            best[r] = quadratic.gradientDescentBestRate
            self.best = best
        } else {
            self.best = nil
        }
    }

    /// The largest stable learning rate at momentum β: (2 + 2β)/λ₂.
    public func stabilityLimit(beta: Double) -> Double { quadratic.stabilityLimit(beta: beta) }

    /// For a 1-D sweep, the axis value where theory says divergence begins: η = (2 + 2β)/λ₂ when sweeping η,
    /// β = η·λ₂/2 − 1 when sweeping β (below it diverges).
    public var edge: Double? {
        if momentumAxis == nil, let beta = fixedBeta { return stabilityLimit(beta: beta) }
        if rateAxis == nil, let lr = fixedRate { return lr * quadratic.lambda2 / 2 - 1 }
        return nil
    }

    /// One line for the terminal.
    public var summary: String {
        let q = quadratic
        var text = "theory (quadratic, no noise): λ₁ = \(NumberFormat.short(q.lambda1)), λ₂ = \(NumberFormat.short(q.lambda2)), κ = \(NumberFormat.fixedSignificant(q.condition, 4))"
        if rateAxis != nil && momentumAxis != nil {
            let (lr, beta) = q.momentumBest
            text += "; heavy ball best lr = (2/(√λ₁+√λ₂))² = \(NumberFormat.fixedSignificant(lr, 4)), β = ((√λ₂−√λ₁)/(√λ₂+√λ₁))² = \(NumberFormat.fixedSignificant(beta, 4)) (rate \(NumberFormat.fixedSignificant(q.momentumBestContraction, 4))/step); converges iff 0 < lr·λ < 2 + 2β"
        } else if rateAxis != nil, let beta = fixedBeta {
            if beta == 0 {
                text += "; gradient descent best lr = 2/(λ₁+λ₂) = \(NumberFormat.fixedSignificant(q.gradientDescentBestRate, 4)) (rate \(NumberFormat.fixedSignificant(q.gradientDescentBestContraction, 4))/step); diverges for lr ≥ 2/λ₂ = \(NumberFormat.fixedSignificant(stabilityLimit(beta: 0), 4))"
            } else {
                text += "; at β = \(NumberFormat.short(beta)) diverges for lr ≥ (2+2β)/λ₂ = \(NumberFormat.fixedSignificant(stabilityLimit(beta: beta), 4))"
            }
        } else if let edge {
            text += "; at lr = \(NumberFormat.short(fixedRate ?? 0)) converges iff β > lr·λ₂/2 − 1 = \(NumberFormat.fixedSignificant(edge, 4))"
        }
        return text
    }
}
