/// One optimizer's run: its iterates for steps 0…N (non-finite after divergence is fine) and the loss at each step.
///
/// A long run may be kept at a stride s: then point i is step i·s, except the last point, which
/// is step `lastStep`, and a path drawn from the track passes through the kept points only.
public struct RacerTrack: Sendable {
    /// Short name, e.g. "Momentum".
    public var name: String
    /// Legend text, e.g. "Momentum  momentum η=0.22 β=0.9"; when it starts with `name`, that part is set in bold.
    public var legendLabel: String
    /// Position at step k is `points[k]` (at step `step(ofIndex: k)` when strided).
    public var points: [SIMD2<Double>]
    /// Loss at step k is `losses[k]` (at step `step(ofIndex: k)` when strided).
    public var losses: [Double]
    /// Steps between kept points (1: every step).
    public var stride: Int
    /// The step of the last kept point of a strided track (nil: the last index times the stride).
    public var finalStep: Int?
    /// First step at which the run was declared diverged, if it was.
    public var divergedAtStep: Int?
    /// Path colour; `nil` picks `RacerPalette.style(index)`'s.
    public var color: RGBColor?
    /// Path dash pattern; `nil` picks `RacerPalette.style(index)`'s.
    public var dash: PathDash?
    /// Position-marker shape; `nil` picks `RacerPalette.style(index)`'s.
    public var marker: MarkerShape?

    public init(name: String, legendLabel: String, points: [SIMD2<Double>], losses: [Double],
                divergedAtStep: Int? = nil, color: RGBColor? = nil, stride: Int = 1, finalStep: Int? = nil,
                dash: PathDash? = nil, marker: MarkerShape? = nil) {
        self.name = name
        self.legendLabel = legendLabel
        self.points = points
        self.losses = losses
        self.stride = max(1, stride)
        self.finalStep = finalStep
        self.divergedAtStep = divergedAtStep
        self.color = color
        self.dash = dash
        self.marker = marker
    }

    /// The style of this track as racer `index` of its scene: the palette's, with this track's own choices over it.
    public func style(index: Int) -> RacerStyle {
        let base = RacerPalette.style(index)
        return RacerStyle(color: color ?? base.color, dash: dash ?? base.dash, marker: marker ?? base.marker)
    }

    /// Whether the racer counts as diverged at `step`.
    public func isDiverged(at step: Int) -> Bool {
        if let d = divergedAtStep, step >= d { return true }
        return false
    }

    /// Points kept (the longer of `points` and `losses`).
    var keptCount: Int { max(points.count, losses.count) }

    /// Whether the track keeps fewer points than steps (a stride or a final step of its own).
    public var isStrided: Bool { stride > 1 || finalStep != nil }

    /// The last step the track reaches.
    public var lastStep: Int { finalStep ?? (keptCount - 1) * stride }

    /// The step of kept point `index`.
    public func step(ofIndex index: Int) -> Int {
        if !isStrided { return index }
        return index >= keptCount - 1 ? lastStep : index * stride
    }

    /// The index of the last kept point at or before `step` (may exceed the points kept when not strided).
    public func index(atOrBefore step: Int) -> Int {
        if !isStrided { return step }
        if step >= lastStep { return keptCount - 1 }
        return step < 0 ? step : step / stride
    }

    /// Whether a point is kept at `step`.
    public func keeps(step: Int) -> Bool {
        step >= 0 && step <= lastStep && (step % stride == 0 || step == lastStep)
    }

    /// Loss shown at `step` (the last one recorded when `step` is past the end), or `nil` if none.
    public func loss(at step: Int) -> Double? {
        guard !losses.isEmpty else { return nil }
        return losses[min(max(index(atOrBefore: step), 0), losses.count - 1)]
    }

    /// Index of the last finite point at or before `step`.
    public func lastFiniteIndex(upTo step: Int) -> Int? {
        guard !points.isEmpty else { return nil }
        var k = min(index(atOrBefore: step), points.count - 1)
        while k >= 0 {
            if points[k].x.isFinite && points[k].y.isFinite { return k }
            k -= 1
        }
        return nil
    }
}
