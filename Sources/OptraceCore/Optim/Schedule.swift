import Foundation

/// A value as a function of the update count (0 for the first update), as in optax: `step -> value`.
///
/// The learning-rate schedules are optax's: a schedule gives the value used by update
/// count s (s = t − 1 for torch's step t), which is what a torch LR scheduler stepped once
/// after every `optimizer.step()` gives.
public struct Schedule: Sendable {
    private let function: @Sendable (Int) -> Double
    /// The value at every step, when the schedule is `constant`.
    public let constantValue: Double?

    /// A schedule computed by `function` from the update count.
    public init(_ function: @escaping @Sendable (Int) -> Double) {
        self.function = function
        constantValue = nil
    }

    private init(constant value: Double) {
        function = { _ in value }
        constantValue = value
    }

    /// The value at update count `step` (0 for the first update).
    public func callAsFunction(_ step: Int) -> Double { value(at: step) }

    /// The value at update count `step` (0 for the first update).
    public func value(at step: Int) -> Double { function(step) }

    /// The same value at every step.
    public static func constant(_ value: Double) -> Schedule { Schedule(constant: value) }

    /// v·γ^⌊s/step_size⌋: multiplied by γ every `stepSize` updates (torch `StepLR`).
    public static func stepDecay(_ initValue: Double, stepSize: Int, gamma: Double) -> Schedule {
        Schedule { s in initValue * Foundation.pow(gamma, Double(s / stepSize)) }
    }

    /// v·γˢ: multiplied by γ every update (torch `ExponentialLR`).
    public static func exponential(_ initValue: Double, gamma: Double) -> Schedule {
        Schedule { s in initValue * Foundation.pow(gamma, Double(s)) }
    }

    /// v·((1−α)·½(1 + cos(π·min(s, D)/D)) + α): half a cosine from v down to α·v over D updates, then α·v
    /// (optax `cosine_decay_schedule`; torch `CosineAnnealingLR` with T_max = D, η_min = α·v, up to s = D).
    public static func cosineDecay(_ initValue: Double, decaySteps: Int, alpha: Double = 0) -> Schedule {
        Schedule { s in
            let fraction = Double(min(s, decaySteps)) / Double(decaySteps)
            let cosine = 0.5 * (1 + Foundation.cos(Double.pi * fraction))
            return initValue * ((1 - alpha) * cosine + alpha)
        }
    }

    /// From `initValue` straight to `endValue` over `steps` updates, then `endValue` (optax `linear_schedule`).
    public static func linear(from initValue: Double, to endValue: Double, steps: Int) -> Schedule {
        Schedule { s in
            guard steps > 0 else { return endValue }
            let fraction = Double(min(s, steps)) / Double(steps)
            return initValue + (endValue - initValue) * fraction
        }
    }

    /// `schedules[0]` until `boundaries[0]`, then `schedules[1]` counted from that boundary, and so on
    /// (optax `join_schedules`: at s ≥ bᵢ the value is schedules[i+1](s − bᵢ)).
    ///
    /// `boundaries` are increasing and one fewer than `schedules`.
    public static func join(_ schedules: [Schedule], boundaries: [Int]) -> Schedule {
        precondition(!schedules.isEmpty && boundaries.count == schedules.count - 1, "join: one boundary between each two schedules")
        return Schedule { s in
            var value = schedules[0](s)
            for (boundary, schedule) in zip(boundaries, schedules.dropFirst()) where s >= boundary {
                value = schedule(s - boundary)
            }
            return value
        }
    }

    /// Linear warm-up from `initValue` to `peak` over `warmupSteps`, then a cosine decay to α·peak,
    /// reached at update count `decaySteps` (which counts the warm-up, as optax's
    /// `warmup_cosine_decay_schedule`), then α·peak.
    public static func warmupCosine(
        peak: Double, warmupSteps: Int, decaySteps: Int, alpha: Double = 0, initValue: Double = 0
    ) -> Schedule {
        join(
            [linear(from: initValue, to: peak, steps: warmupSteps),
             cosineDecay(peak, decaySteps: decaySteps - warmupSteps, alpha: alpha)],
            boundaries: [warmupSteps])
    }

    /// This schedule divided by 1 + s·d at update count s: torch Adagrad's `lr_decay`, lr/(1 + (t−1)·d) at its step t.
    public func inverseTimeDecayed(_ decay: Double) -> Schedule {
        // v/(1 + s·0) is v exactly: no decay keeps the schedule (and a constant stays constant).
        if decay == 0 { return self }
        let base = self
        return Schedule { s in base(s) / (1 + Double(s) * decay) }
    }
}
