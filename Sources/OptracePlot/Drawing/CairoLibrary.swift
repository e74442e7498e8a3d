import CCairo

/// Cairo, which optrace opens at the first drawing: commands that draw nothing never load it.
public enum CairoLibrary {
    /// Nil once Cairo is loaded and usable (loading it now if needed), else one line saying why it is not.
    public static func loadError() -> String? {
        var message = [CChar](repeating: 0, count: 512)
        guard optrace_cairo_load(&message, message.count) != 0 else { return nil }
        return message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
