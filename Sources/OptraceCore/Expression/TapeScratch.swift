/// The values a compiled tape runs on (`Double`s for one point, `Lanes` for a sweep's 16), owned by one evaluator and
/// copied when a copy of the evaluator writes.
///
/// A plain zeroed allocation behind a class reference: evaluators check uniqueness and copy on write,
/// so they keep value semantics without a closure or bounds checks around every evaluation.
final class TapeScratch<L: TapeLane>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<L>
    let count: Int

    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(1, count))
        pointer.initialize(repeating: .zero, count: max(1, count))
    }

    deinit { pointer.deallocate() }

    /// A new scratch with the same contents.
    func copy() -> TapeScratch {
        let other = TapeScratch(count: count)
        other.pointer.update(from: pointer, count: max(1, count))
        return other
    }
}
