import Foundation

/// A file format an animation can be written in.
public enum AnimationFormat: String, CaseIterable, Sendable, Comparable {
    case apng, gif, mp4, webm, webp

    /// The file name's extension (the format's name).
    public var fileExtension: String { rawValue }

    /// Whether the file is made by the `ffmpeg` program (MP4 and WebM) rather than inside optrace.
    public var needsFFmpeg: Bool { self == .mp4 || self == .webm }

    /// Whether the encoder needs every frame's whole image in order (rather than a change computed in parallel).
    var needsWholeFrames: Bool { self == .webp || needsFFmpeg }

    /// `base.ext` for this format, e.g. `race.gif`.
    public func fileName(_ base: String) -> String { base + "." + fileExtension }

    public static func < (a: AnimationFormat, b: AnimationFormat) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The formats in a comma-separated list such as `apng,gif,mp4`, in the order of `allCases`, each once;
    /// `none` alone gives no format. Throws one line naming what is wrong.
    public static func list(_ text: String) throws(AnimationFormatError) -> [AnimationFormat] {
        let names = text.lowercased().split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if names == ["none"] { return [] }
        var formats = Set<AnimationFormat>()
        for name in names {
            guard let format = AnimationFormat(rawValue: name) else {
                let found = name.isEmpty ? "an empty name" : "'\(name)'"
                throw AnimationFormatError(
                    "expected a comma-separated list of \(allCases.map(\.rawValue).joined(separator: ", ")), or none; found \(found)")
            }
            formats.insert(format)
        }
        return formats.sorted()
    }
}
