/// Where a run loop's parameters live: it evaluates f and ∇f, adds the noise, records each step and says when to stop.
///
/// The one run loop (`RunLoop`) owns the update rule's state and asks the run for everything else: a race's
/// racer (`RacerRun`: trajectory, CSV rows, the divergence rule's reason), a sweep's group of lanes (`LaneGroupRun`:
/// loss sums, first step below a level, the divergence rule per lane) or one lane of a sweep on its own
/// (`SingleSweepRun`). A class, so the loop reaches it through one indirect call a step.
public protocol SteppedRun<Vector>: AnyObject {
    associatedtype Vector: ParameterVector

    /// Evaluates the start θ₀ and records step 0; sets `gradient` to g₁ = ∇f(θ₀) + ξ₁, the gradient of the first
    /// update, and returns true, or returns false when the run ends at the start (it diverged there, or it has no steps).
    func start(at params: Vector, gradient: inout Vector) -> Bool

    /// Evaluates θₜ after update t and records step t; sets `gradient` to gₜ₊₁ = ∇f(θₜ) + ξₜ₊₁ and returns true, or
    /// returns false when the run ends (its last step, a divergence, an interruption). (The gradient is passed in
    /// place: a vector of lanes is too large to return by value through a protocol without a copy.)
    func advance(to params: Vector, gradient: inout Vector) -> Bool
}
