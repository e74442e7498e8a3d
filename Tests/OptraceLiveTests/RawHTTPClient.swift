import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking loopback TCP client that sends raw bytes and reads the answer, for requests no HTTP library would send.
struct RawHTTPClient {
    let port: Int

    /// Sends `bytes` on a new connection, half-closes it, and returns everything the server answers (up to `limit`
    /// bytes, waiting at most `timeout` seconds for each read). The timeout is only a watchdog against a hung server:
    /// while other suites keep both of a 2-core machine's cooperative threads busy with long synchronous work, an
    /// answer can wait that long for a thread to resume its handler.
    func exchange(_ bytes: [UInt8], limit: Int = 8 << 20, timeout: Int = 120) -> [UInt8]? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }
            sent += n
        }
        shutdown(fd, Int32(SHUT_WR))
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while answer.count < limit {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            answer += buffer[0..<n]
        }
        return answer
    }

    /// The status code of every response in `answer` (pipelined or one).
    static func statuses(_ answer: [UInt8]) -> [Int] {
        let text = String(decoding: answer, as: UTF8.self)
        return text.components(separatedBy: "HTTP/1.1 ").dropFirst().compactMap { Int($0.prefix(3)) }
    }

    /// One request with `Connection: close`; returns the status and the body.
    func request(_ method: String, _ target: String, body: String = "") -> (status: Int, body: String)? {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        if !body.isEmpty || method == "POST" { head += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n" }
        guard let answer = exchange(Array((head + "\r\n" + body).utf8)) else { return nil }
        let text = String(decoding: answer, as: UTF8.self)
        guard let status = Self.statuses(answer).first, let split = text.range(of: "\r\n\r\n") else { return nil }
        return (status, String(text[split.upperBound...]))
    }
}
