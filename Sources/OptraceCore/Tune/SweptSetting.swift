/// A swept value that is not one of the optimizer's hyperparameters: a key of the racer's schedule or its clipping threshold.
public enum SweptSetting: Sendable {
    /// A key of the racer's learning-rate schedule (`warmup_steps`, `decay_steps`, `alpha`, …).
    case schedule(ScheduleType.Key)
    /// The racer's clipping threshold (`clip_norm` or `clip_value`, whichever it has).
    case clipping
}
