/// How a racer's run ended: it ran all its steps, or diverged at a step for a reason.
public enum RacerStatus: Sendable, Equatable, CustomStringConvertible {
    case finished
    case diverged(step: Int, reason: String)

    public var isDiverged: Bool {
        if case .diverged = self { return true }
        return false
    }

    /// The step of divergence, if any.
    public var divergedAtStep: Int? {
        if case .diverged(let step, _) = self { return step }
        return nil
    }

    /// "finished" or "diverged at step k".
    public var description: String {
        switch self {
        case .finished: return "finished"
        case .diverged(let step, _): return "diverged at step \(step)"
        }
    }

    /// The status as of step `step`: still "running" before a later divergence.
    public func label(at step: Int, of steps: Int) -> String {
        switch self {
        case .diverged(let k, _) where k <= step: return "diverged at step \(k)"
        case _ where step < steps: return "running"
        default: return "finished"
        }
    }
}
