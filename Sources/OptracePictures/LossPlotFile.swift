import OptraceCore
import OptracePlot

/// A loss-plot scene drawn and written as a PNG file (the network race's, the depth study's pictures).
enum LossPlotFile {
    /// Draws `scene` at `width × height` and writes it to `name` in `folder`; returns `[name]`.
    static func write(_ scene: LossPlotScene, width: Double, height: Double, name: String, into folder: OutputFolder) throws -> [String] {
        let stop = PictureCancellation.interruption
        let image = try PictureCancellation.run {
            try LossPlotRenderer(scene: scene, width: width, height: height, scale: 1).render(cancellation: stop)
        }
        let png = try PictureCancellation.run { try PNGEncoder(options: .standard).encode(image, cancellation: stop) }
        try AtomicFile.write(png, to: folder.file(name))
        return [name]
    }
}
