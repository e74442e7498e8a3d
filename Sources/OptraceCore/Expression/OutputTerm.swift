/// One weighted slot of a program's output sum.
struct OutputTerm: Sendable, Equatable {
    var slot: Int
    var weight: Double
}
