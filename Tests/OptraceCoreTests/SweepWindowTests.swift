import Testing
@testable import OptraceCore

/// The usable window says when it or the best touches an end of the swept range, and why it is one value wide.
@Suite struct SweepWindowTests {
    func cells(_ means: [Double?], failed: Set<Int> = []) -> [SweepCell] {
        means.enumerated().map { i, mean in
            SweepCell(
                index: i, values: [Double(i + 1) / 10], runs: 1, mean: failed.contains(i) ? nil : mean, std: 0,
                diverged: failed.contains(i) ? 1 : 0, unreached: 0)
        }
    }

    @Test func aWindowInsideTheRange() {
        let w = SweepWindow(line: cells([50, 5, 1, 2, 40]), best: 2, factor: 10, ideal: 0)
        #expect(w.low == 0.2 && w.high == 0.4)
        #expect(!w.lowIsRangeEnd && !w.highIsRangeEnd && !w.bestIsRangeEnd && w.loneBest == nil)
    }

    @Test func aWindowOrBestAtAnEndOfTheRange() {
        let low = SweepWindow(line: cells([2, 1, 3, 400]), best: 1, factor: 10, ideal: 0)
        #expect(low.lowIsRangeEnd && !low.highIsRangeEnd && !low.bestIsRangeEnd)
        let top = SweepWindow(line: cells([400, 30, 3, 1]), best: 3, factor: 10, ideal: 0)
        #expect(top.highIsRangeEnd && top.bestIsRangeEnd)
    }

    @Test func aOneValueWindowSaysWhy() {
        let w = SweepWindow(line: cells([nil, 1, 50], failed: [0]), best: 1, factor: 10, ideal: 0)
        #expect(w.low == w.high)
        #expect(w.loneBest == "0.1: 100% of its runs failed; 0.3: 50× as far from the ideal")
    }
}
