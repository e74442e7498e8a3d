import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import OptraceLive

/// The live instruments on Hummingbird: each request's body (up to the limit) goes to `LiveApp`, its answer back.
public struct LiveServer: Sendable {
    public let app: LiveApp
    public let host: String
    public let port: Int

    public init(app: LiveApp, host: String, port: Int) {
        self.app = app
        self.host = host
        self.port = port
    }

    /// Runs until SIGINT or SIGTERM (then finishes open requests and returns); `onRunning` gets the bound port.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onRunning: onRunning).runService()
    }

    /// Runs until the calling task is cancelled (no signal handling), for a server inside another program or a test.
    public func runUntilCancelled(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onRunning: onRunning).run()
    }

    /// The Hummingbird application (tests run it as a service and cancel it).
    public func application(onRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let app = self.app
        let limit = app.limits.maximumBodyBytes
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            var request = request
            let target = request.uri.description
            if target.utf8.count > app.limits.maximumTargetBytes {
                return Self.response(LiveResponse.error(414, "request target of \(target.utf8.count) bytes is over the \(app.limits.maximumTargetBytes)-byte limit"))
            }
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: limit)
            } catch {
                return Self.response(LiveResponse.error(413, "request body is over the \(limit)-byte limit"))
            }
            let live = LiveRequest(
                method: request.method.rawValue, target: target, body: Array(body.readableBytesView))
            // The answer is computed off Swift's cooperative threads (two on a two-core machine), so a second-long
            // sweep cannot hold back every other request.
            let answer = await withCheckedContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(returning: app.respond(to: live)) }
            }
            return Self.response(answer)
        }
        var logger = Logger(label: "optrace-serve")
        logger.logLevel = .warning
        return Application(
            responder: responder,
            server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(host, port: port), serverName: "optrace"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    static func response(_ live: LiveResponse) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = live.contentType
        headers[.cacheControl] = "no-store"
        for (name, value) in live.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: live.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: live.body)))
    }
}
