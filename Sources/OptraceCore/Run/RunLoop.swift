/// The one loop every run takes (a race's racer, a sweep's group of lanes, a start map's starts): θₜ = θₜ₋₁ + uₜ
/// with the update uₜ from the rule's transformations, the gradient and everything else from a `SteppedRun`.
///
/// Specialised for each rule's concrete chain where the chain's type is known (`UpdateRule.init`), so the state
/// stays a value in the loop: no closure call, allocation or reference count per step.
enum RunLoop {
    /// Runs `transformation` from `start` until `run` says stop.
    @inline(__always)
    static func run<T: GradientTransformation>(_ transformation: T, from start: T.Vector, in run: any SteppedRun<T.Vector>) {
        var gradient = start
        guard run.start(at: start, gradient: &gradient) else { return }
        var params = start
        var state = transformation.initialState(params: start)
        while true {
            let (updates, next) = transformation.update(gradient, state: state, params: params)
            state = next
            params = params + updates
            guard run.advance(to: params, gradient: &gradient) else { return }
        }
    }
}
