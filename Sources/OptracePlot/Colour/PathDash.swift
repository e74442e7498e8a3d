/// How a racer's path is stroked: solid, dashed, dotted or dash-dot (the second channel after colour).
public enum PathDash: String, Sendable, CaseIterable {
    case solid, dashed, dotted, dashdot

    /// Cairo dash lengths in figure units (on, off, …; empty for solid). With round caps a 0 dash is a dot, and
    /// the gaps are wide enough that a path drawn under this one shows through them, casing included.
    public var pattern: [Double] {
        switch self {
        case .solid: return []
        case .dashed: return [7, 7]
        case .dotted: return [0, 6]
        case .dashdot: return [9, 6, 0, 6]
        }
    }
}
