import CAnimationCodecs
import CPNGHelpers

/// libpng, giflib and libwebp, which optrace opens at the first picture of each kind: commands that write no picture
/// never load them.
public enum ImageLibraries {
    /// Nil once the libraries that pictures and `formats` need are loaded and usable (loading them now if needed):
    /// libpng for every picture, giflib for GIF, libwebp for WebP. Otherwise one line saying why one is not.
    public static func loadError(for formats: [AnimationFormat]) -> String? {
        var loads: [(UnsafeMutablePointer<CChar>?, Int) -> Int32] = [optrace_png_load]
        if formats.contains(.gif) { loads.append(optrace_gif_load) }
        if formats.contains(.webp) { loads.append(optrace_webp_load) }
        for load in loads {
            var message = [CChar](repeating: 0, count: 512)
            if load(&message, message.count) == 0 {
                return message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            }
        }
        return nil
    }
}
