/// How a swept parameter's values are spaced: evenly, evenly in log, or evenly in log of 1 − value (`log1m`, for
/// momenta and decays near 1: 0 … 0.999 puts as many values between 0.9 and 0.99 as between 0.99 and 0.999).
public enum AxisScale: String, Sendable, Equatable {
    case linear
    case log
    case log1m
}
