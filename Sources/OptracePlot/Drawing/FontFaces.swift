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

    private static let lock = NSLock()
    nonisolated(unsafe) private static var library: FT_Library?
    nonisolated(unsafe) private static var userDataKey = cairo_user_data_key_t()

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

    /// A Cairo face for the font file at `path`, or nil.
    ///
    /// `lock` guards the shared FreeType library and is held around FreeType calls only, never while calling into
    /// Cairo: Cairo calls the face's destroy callback (which takes `lock`) with its own font mutex held, so
    /// creating a Cairo face under `lock` could deadlock against another thread's face being released.
    private static func load(_ path: String?) -> OpaquePointer? {
        guard let path else { return nil }
        let face: FT_Face? = withLock {
            if library == nil {
                var lib: FT_Library?
                guard FT_Init_FreeType(&lib) == 0 else { return nil }
                library = lib
            }
            var face: FT_Face?
            guard FT_New_Face(library, path, 0, &face) == 0 else { return nil }
            return face
        }
        guard let face else { return nil }
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(face, 0) else {
            withLock { _ = FT_Done_Face(face) }
            return nil
        }
        // Free the FT_Face only when Cairo drops its last reference to the font face.
        let status = cairo_font_face_set_user_data(cairoFace, &userDataKey, UnsafeMutableRawPointer(face)) { raw in
            guard let raw else { return }
            FontFaces.withLock { _ = FT_Done_Face(raw.assumingMemoryBound(to: FT_FaceRec.self)) }
        }
        if status != CAIRO_STATUS_SUCCESS {
            cairo_font_face_destroy(cairoFace)
            withLock { _ = FT_Done_Face(face) }
            return nil
        }
        return cairoFace
    }

    private static func withLock<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
