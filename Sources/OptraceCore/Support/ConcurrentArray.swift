import Dispatch

/// Arrays whose elements are computed side by side, each written straight into the array's own storage.
enum ConcurrentArray {
    /// `[element(0), …, element(count − 1)]`, computed in `blocks` contiguous blocks on concurrent iterations (one
    /// block: on the calling thread). The elements do not depend on `blocks`.
    static func make<T: Sendable>(count: Int, blocks: Int, _ element: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let storage = Storage(base: buffer.baseAddress!)
            let blocks = Swift.max(1, Swift.min(blocks, count))
            withoutActuallyEscaping(element) { element in
                let body: @Sendable (Int) -> Void = { b in
                    for i in (b * count / blocks)..<((b + 1) * count / blocks) { (storage.base + i).initialize(to: element(i)) }
                }
                if blocks == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: blocks, execute: body) }
            }
            initialized = count
        }
    }

    /// The storage being filled: every element written by exactly one iteration.
    private struct Storage<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>
    }
}
