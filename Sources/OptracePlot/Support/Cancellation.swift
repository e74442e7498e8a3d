/// A stop request that long drawing and encoding loops poll, ending early with `Cancelled`.
///
/// The plotting library knows nothing of signals: a caller wires `shouldStop` to whatever asks for a
/// stop (the command line to SIGINT/SIGTERM). Loops poll it per row, band or group of cells, so a
/// request is seen within milliseconds whatever the picture's size.
public struct Cancellation: Sendable {
    private let shouldStop: @Sendable () -> Bool

    /// A cancellation that fires once `shouldStop` returns true.
    public init(_ shouldStop: @escaping @Sendable () -> Bool) {
        self.shouldStop = shouldStop
    }

    /// A cancellation that never fires.
    public static let never = Cancellation { false }

    /// Whether a stop has been requested.
    public var isRequested: Bool { shouldStop() }

    /// Throws `Cancelled` when a stop has been requested.
    public func check() throws(Cancelled) {
        if shouldStop() { throw Cancelled() }
    }
}
