/// One optimizer's run: its iterates for steps 0…N (non-finite after divergence is fine) and the loss at each step.
public struct RacerTrack: Sendable {
    /// Short name, e.g. "Momentum".
    public var name: String
    /// Legend text, e.g. "Momentum  momentum η=0.22 β=0.9"; when it starts with `name`, that part is set in bold.
    public var legendLabel: String
    /// Position at step k is `points[k]`.
    public var points: [SIMD2<Double>]
    /// Loss at step k is `losses[k]`.
    public var losses: [Double]
    /// First step at which the run was declared diverged, if it was.
    public var divergedAtStep: Int?
    /// Path colour; `nil` picks `RacerPalette.color(index)`.
    public var color: RGBColor?

    public init(name: String, legendLabel: String, points: [SIMD2<Double>], losses: [Double],
                divergedAtStep: Int? = nil, color: RGBColor? = nil) {
        self.name = name
        self.legendLabel = legendLabel
        self.points = points
        self.losses = losses
        self.divergedAtStep = divergedAtStep
        self.color = color
    }

    /// Whether the racer counts as diverged at `step`.
    public func isDiverged(at step: Int) -> Bool {
        if let d = divergedAtStep, step >= d { return true }
        return false
    }

    /// Loss shown at `step` (the last one recorded when `step` is past the end), or `nil` if none.
    public func loss(at step: Int) -> Double? {
        guard !losses.isEmpty else { return nil }
        return losses[min(max(step, 0), losses.count - 1)]
    }

    /// Index of the last finite point at or before `step`.
    public func lastFiniteIndex(upTo step: Int) -> Int? {
        guard !points.isEmpty else { return nil }
        var k = min(step, points.count - 1)
        while k >= 0 {
            if points[k].x.isFinite && points[k].y.isFinite { return k }
            k -= 1
        }
        return nil
    }
}
