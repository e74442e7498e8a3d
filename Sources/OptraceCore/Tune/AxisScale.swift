/// How a swept parameter's values are spaced: evenly, or evenly in log.
public enum AxisScale: String, Sendable, Equatable {
    case linear
    case log
}
