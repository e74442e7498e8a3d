import Foundation

/// A one-line progress bar on standard error (frames done, rate, time left), drawn only on a terminal.
final class ProgressBar {
    private let console: Console
    private let label: String
    private let enabled: Bool
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0

    init(console: Console, label: String, enabled: Bool) {
        self.console = console
        self.label = label
        self.enabled = enabled && console.errorIsTerminal
    }

    /// Shows `done` of `total` (at most every 50 ms, and always at the end).
    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        let total = max(1, total)
        let now = DispatchTime.now().uptimeNanoseconds
        if done < total && now - lastDraw < 50_000_000 { return }
        lastDraw = now
        let elapsed = Double(now - start) / 1e9
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let width = 24
        let filled = min(width, done * width / total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        console.raw("\r\(label) \(bar) \(done)/\(total)  \(String(format: "%.0f", rate))/s  ETA \(String(format: "%.1f", left)) s ")
        if done >= total { console.raw("\n") }
    }
}
