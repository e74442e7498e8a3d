extension StringProtocol {
    /// The text without leading and trailing blanks (tabs, space separators, the zero-width space): what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` gives, without its bridging through `NSString`.
    public var trimmingBlanks: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isBlank }), let end = scalars.lastIndex(where: { !$0.isBlank }) else { return "" }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[start...end])
        return String(kept)
    }
}

extension Unicode.Scalar {
    /// A tab, a Unicode space separator or the zero-width space: the members of Foundation's `CharacterSet.whitespaces`.
    var isBlank: Bool { self == "\t" || self == "\u{200B}" || properties.generalCategory == .spaceSeparator }
}
