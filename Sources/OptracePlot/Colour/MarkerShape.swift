/// The shape of a racer's current-position marker (the third channel after colour and dash).
public enum MarkerShape: String, Sendable, CaseIterable {
    case circle, square, triangle, diamond
}
