/// One race-frame renderer per worker (renderers are not thread-safe), built concurrently.
public final class RendererPool: @unchecked Sendable {
    private let renderers: [RaceFrameRenderer]

    /// `count` renderers of `scene`, their static layers drawn in parallel looking at `cancellation`.
    public init(count: Int, scene: RaceScene, width: Double, height: Double, scale: Double,
                cancellation: Cancellation = .never) throws {
        let built = try ParallelPNGEncoder.map(count: max(1, count), threads: max(1, count)) { _ in
            UncheckedRenderer(try RaceFrameRenderer(scene: scene, width: width, height: height, scale: scale, cancellation: cancellation))
        }
        renderers = built.map(\.renderer)
    }

    public var count: Int { renderers.count }

    public subscript(index: Int) -> RaceFrameRenderer { renderers[index] }
}

/// A renderer handed from the worker that built it to the pool.
private struct UncheckedRenderer: @unchecked Sendable {
    let renderer: RaceFrameRenderer
    init(_ renderer: RaceFrameRenderer) { self.renderer = renderer }
}
