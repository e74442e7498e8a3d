import Foundation

/// Wall-clock timing for benchmarks: monotonic nanoseconds and medians of repeated runs.
public enum Stopwatch {
    /// Seconds taken by `body`.
    public static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The median of `repeats` timings of `body` (after one warm-up run).
    public static func median(repeats: Int, _ body: () -> Void) -> Double {
        body()
        var times = (0..<max(1, repeats)).map { _ in seconds(body) }
        times.sort()
        let mid = times.count / 2
        return times.count % 2 == 1 ? times[mid] : (times[mid - 1] + times[mid]) / 2
    }
}
