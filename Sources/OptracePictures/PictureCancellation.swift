import Foundation
import OptraceCore
import OptracePlot

/// The plotting library's cancellation wired to `Interruption`: drawing and encoding stop on SIGINT/SIGTERM.
enum PictureCancellation {
    /// Fires once SIGINT or SIGTERM has requested a stop.
    static let interruption = Cancellation { Interruption.isRequested }

    /// Runs `body` (drawing or encoding), turning a `Cancelled` from the plotting library into `Interrupted`.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let cancelled as Cancelled {
            // The cancellation fires only on a request, so this throws `Interrupted`.
            try Interruption.check()
            throw cancelled
        }
    }

    /// `image` as PNG bytes, then a last look at the interruption before they are written.
    static func png(_ image: RGBAImage) throws -> [UInt8] {
        let bytes = try run { try PNGEncoder().encode(image, cancellation: interruption) }
        try Interruption.check()
        return bytes
    }
}
