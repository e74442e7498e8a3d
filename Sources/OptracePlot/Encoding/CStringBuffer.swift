/// Reads a NUL-terminated message out of a `CChar` buffer filled by C code.
enum CStringBuffer {
    static func string(_ buffer: [CChar]) -> String {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
