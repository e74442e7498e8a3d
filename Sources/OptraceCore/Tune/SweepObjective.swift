/// What a sweep minimises for each run: the final loss, the mean loss, the steps to reach a level, or the final distance.
public enum SweepObjective: Sendable, Equatable, CustomStringConvertible {
    /// f(θ) at the last step.
    case finalLoss
    /// The mean of f(θₜ) over t = 1 … steps (the area under the loss curve).
    case meanLoss
    /// The first step t with f(θₜ) − f* < ε (f* the lowest known minimum, 0 when none is known);
    /// runs that never get there are counted as not reached.
    case stepsTo(Double)
    /// The distance from θ at the last step to the nearest known minimum.
    case distance

    /// Parses `final-loss`, `mean-loss`, `steps-to:1e-3` or `distance`.
    public static func parse(_ text: String) throws(TuneError) -> SweepObjective {
        switch text {
        case "final-loss": return .finalLoss
        case "mean-loss": return .meanLoss
        case "distance": return .distance
        default: break
        }
        if text.hasPrefix("steps-to:") {
            let level = text.dropFirst("steps-to:".count)
            guard let epsilon = Double(level), epsilon.isFinite, epsilon > 0 else {
                throw TuneError("--objective '\(text)': expected steps-to:EPS with EPS a finite number > 0, found '\(level)'")
            }
            return .stepsTo(epsilon)
        }
        let names = ["final-loss", "mean-loss", "steps-to", "distance"]
        throw TuneError(
            "--objective '\(text)': unknown objective\(Suggestion.hint(for: text, in: names)); expected final-loss, mean-loss, steps-to:EPS or distance")
    }

    /// As written on the command line.
    public var description: String {
        switch self {
        case .finalLoss: return "final-loss"
        case .meanLoss: return "mean-loss"
        case .stepsTo(let epsilon): return "steps-to:\(NumberFormat.short(epsilon))"
        case .distance: return "distance"
        }
    }

    /// A short label for tables and axes.
    public var label: String {
        switch self {
        case .finalLoss: return "final loss"
        case .meanLoss: return "mean loss"
        case .stepsTo(let epsilon): return "steps to f−f* < \(NumberFormat.short(epsilon))"
        case .distance: return "final distance to a minimum"
        }
    }

    /// The loss level whose first crossing the engine must report (only `stepsTo` needs it).
    public func threshold(floor: Double) -> Double {
        if case .stepsTo(let epsilon) = self { return floor + epsilon }
        return -Double.infinity
    }

    /// The objective's value for one run that did not diverge; nil when a `stepsTo` run never reached its level.
    public func value(of outcome: RunOutcome, steps: Int, minima: [KnownMinimum]) -> Double? {
        switch self {
        case .finalLoss: return outcome.finalLoss
        case .meanLoss: return outcome.lossSum / Double(steps)
        case .stepsTo: return outcome.firstStepBelow.map(Double.init)
        case .distance:
            let p = outcome.finalPosition
            return minima.map { (($0.point - p) * ($0.point - p)).sum().squareRoot() }.min()
        }
    }

    /// The value the objective takes at its ideal (the window is measured as excess over it).
    public func ideal(floor: Double) -> Double {
        switch self {
        case .finalLoss, .meanLoss: return floor
        case .stepsTo, .distance: return 0
        }
    }
}
