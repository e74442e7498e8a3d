import CCairo
import Foundation

/// DejaVu Sans regular and bold loaded from their files with FreeType and wrapped as Cairo font faces.
///
/// Each renderer gets its own faces: Cairo 1.16 shares one FT_Face per font file between threads when faces come
/// from its toy API, and concurrent renderers then produced differently rasterised text. Private faces keep
/// rendering deterministic whatever runs in parallel. Falls back to Cairo's toy API when the files cannot be found.
final class FontFaces {
    let regular: OpaquePointer?
    let bold: OpaquePointer?

    /// Font files: the Debian paths, else whatever `fc-match` reports.
    static let files: (regular: String?, bold: String?) = {
        func find(_ debian: String, _ pattern: String) -> String? {
            if FileManager.default.fileExists(atPath: debian) { return debian }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/fc-match")
            p.arguments = ["-f", "%{file}", pattern]
            let pipe = Pipe()
            p.standardOutput = pipe
            guard (try? p.run()) != nil else { return nil }
            p.waitUntilExit()
            let path = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return path.contains("DejaVuSans") && FileManager.default.fileExists(atPath: path) ? path : nil
        }
        return (find("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVu Sans"),
                find("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "DejaVu Sans:bold"))
    }()

    init() {
        regular = FontFaces.load(FontFaces.files.regular)
        bold = FontFaces.load(FontFaces.files.bold)
    }

    deinit {
        if let regular { cairo_font_face_destroy(regular) }
        if let bold { cairo_font_face_destroy(bold) }
    }

    /// A Cairo face for the font file at `path` (with a FreeType face of its own), or nil.
    private static func load(_ path: String?) -> OpaquePointer? {
        guard let path else { return nil }
        return optrace_cairo_font_face_create_from_file(path)
    }
}
