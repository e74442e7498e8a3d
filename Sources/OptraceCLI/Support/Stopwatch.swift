import Foundation

/// Wall-clock timing for benchmarks: monotonic nanoseconds and medians of repeated runs.
public enum Stopwatch {
    /// Seconds taken by `body`.
    public static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Medians of `repeats` timings of each body, timed in turn (A, B, A, B, …) so that both see
    /// the same machine load; one warm-up run each first.
    public static func interleavedMedians(repeats: Int, _ bodies: [() -> Void]) -> [Double] {
        for body in bodies { body() }
        var times = [[Double]](repeating: [], count: bodies.count)
        for _ in 0..<max(1, repeats) {
            for (i, body) in bodies.enumerated() { times[i].append(seconds(body)) }
        }
        return times.map(median)
    }

    /// The median of `values`.
    public static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
