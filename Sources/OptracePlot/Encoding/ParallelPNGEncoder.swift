import Dispatch
import Foundation

/// Encodes many frames concurrently (DispatchQueue.concurrentPerform) and returns results in input order.
/// Each item is encoded independently, so the bytes do not depend on the thread count.
public enum ParallelPNGEncoder {
    /// Default thread count: the active processor count.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// PNG bytes for each image, in order.
    public static func encode(_ images: [RGBAImage], options: PNGOptions = .standard, threads: Int? = nil) throws -> [[UInt8]] {
        let encoder = PNGEncoder(options: options)
        return try map(count: images.count, threads: threads) { try encoder.encode(images[$0]) }
    }

    /// `body(0..<count)` on `threads` workers (worker w takes items w, w + threads, …); results in index order.
    /// The first error thrown (by index) is rethrown.
    public static func map<T: Sendable>(count: Int, threads: Int? = nil,
                                        _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let workers = max(1, min(threads ?? defaultThreads, count))
        var results = [Result<T, Error>?](repeating: nil, count: count)
        if workers == 1 {
            for k in 0..<count { results[k] = Result { try body(k) } }
        } else {
            results.withUnsafeMutableBufferPointer { slots in
                let base = SlotPointer(pointer: slots.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    var k = w
                    while k < count {
                        // Each slot is written by exactly one worker, and read only after all workers finish.
                        (base.pointer + k).pointee = Result { try body(k) }
                        k += workers
                    }
                }
            }
        }
        return try results.map { try $0!.get() }
    }
}

/// Result slots shared by the workers of `ParallelPNGEncoder.map`; each slot has a single writer.
private struct SlotPointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Result<T, Error>?>
}
