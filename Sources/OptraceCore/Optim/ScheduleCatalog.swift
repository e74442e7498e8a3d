/// The learning-rate schedule types a racer can name; η is the racer's `lr`, s the update count from 0.
public enum ScheduleCatalog {
    public static let all: [ScheduleType] = [constant, step, exponential, cosine, linearWarmup, warmupCosine]

    /// The type called `name`.
    public static func type(named name: String) -> ScheduleType? { all.first { $0.name == name } }

    static let alpha = ScheduleType.Key(
        "alpha", .closedUnitInterval, default: 0, summary: "the floor as a fraction of η")
    static let initValue = ScheduleType.Key(
        "init_value", .nonNegative, default: 0, summary: "the learning rate at the first update")

    /// ηₛ = η.
    public static let constant = ScheduleType(
        name: "constant", summary: "the racer's lr at every update", formula: "ηₛ = η", keys: [],
        make: { peak, _ in .constant(peak) })

    /// ηₛ = η·γ^⌊s/step_size⌋ (torch StepLR).
    public static let step = ScheduleType(
        name: "step", summary: "multiplied by gamma every step_size updates (torch StepLR)",
        formula: "ηₛ = η·γ^⌊s/step_size⌋",
        keys: [
            .init("step_size", integer: true, .positive, summary: "updates between two decays"),
            .init("gamma", .positive, summary: "the factor γ of each decay"),
        ],
        make: { peak, v in .stepDecay(peak, stepSize: Int(v["step_size"]!), gamma: v["gamma"]!) })

    /// ηₛ = η·γˢ (torch ExponentialLR).
    public static let exponential = ScheduleType(
        name: "exponential", summary: "multiplied by gamma every update (torch ExponentialLR)",
        formula: "ηₛ = η·γˢ",
        keys: [.init("gamma", .positive, summary: "the factor γ per update")],
        make: { peak, v in .exponential(peak, gamma: v["gamma"]!) })

    /// Half a cosine from η to αη over decay_steps updates, then αη.
    public static let cosine = ScheduleType(
        name: "cosine", summary: "half a cosine down to alpha·lr, then flat (optax cosine_decay_schedule)",
        formula: "ηₛ = η·((1−α)·½(1 + cos(π·min(s, D)/D)) + α),  D = decay_steps",
        keys: [.init("decay_steps", integer: true, .positive, summary: "updates to reach the floor"), alpha],
        make: { peak, v in .cosineDecay(peak, decaySteps: Int(v["decay_steps"]!), alpha: v["alpha"]!) })

    /// Linear from init_value to η over warmup_steps updates, then η.
    public static let linearWarmup = ScheduleType(
        name: "linear_warmup", summary: "a straight line from init_value up to lr, then flat (optax linear_schedule)",
        formula: "ηₛ = η₀ + (η − η₀)·min(s, W)/W,  W = warmup_steps, η₀ = init_value",
        keys: [.init("warmup_steps", integer: true, .nonNegative, summary: "updates to reach lr"), initValue],
        make: { peak, v in .linear(from: v["init_value"]!, to: peak, steps: Int(v["warmup_steps"]!)) })

    /// Linear warm-up then cosine decay: `Schedule.join` of the two.
    public static let warmupCosine = ScheduleType(
        name: "warmup_cosine",
        summary: "linear warm-up to lr, then cosine decay to alpha·lr at decay_steps (counted from the start; optax warmup_cosine_decay_schedule)",
        formula: "s < W: η₀ + (η − η₀)·s/W;  s ≥ W: η·((1−α)·½(1 + cos(π·min(s−W, D−W)/(D−W))) + α)",
        keys: [
            .init("warmup_steps", integer: true, .nonNegative, summary: "updates to reach lr"),
            .init("decay_steps", integer: true, .positive, summary: "update count at which the floor is reached, warm-up included"),
            alpha, initValue,
        ],
        check: { v in
            v["decay_steps"]! > v["warmup_steps"]!
                ? nil
                : (key: "decay_steps", message: "expected decay_steps > warmup_steps (\(Int(v["warmup_steps"]!))), found \(Int(v["decay_steps"]!))")
        },
        make: { peak, v in
            .warmupCosine(
                peak: peak, warmupSteps: Int(v["warmup_steps"]!), decaySteps: Int(v["decay_steps"]!),
                alpha: v["alpha"]!, initValue: v["init_value"]!)
        })
}
