import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Makes an MP4 (H.264) or WebM (VP9) with the `ffmpeg` program, as matplotlib's FFMpegWriter does: the frames
/// are piped to it as raw RGB, padded with white to even sides, and encoded in `yuv420p`, which every player
/// decodes; the last frame is held by ffmpeg's `tpad` filter.
public final class FFmpegVideoWriter {
    public let format: AnimationFormat
    public let width: Int
    public let height: Int
    /// The sides after padding to even numbers.
    public let paddedWidth: Int
    public let paddedHeight: Int
    public let outputPath: String
    /// The file's name in messages.
    public let name: String
    private let executable: String
    private var pid: pid_t = 0
    private var input: Int32 = -1
    private var errors: Int32 = -1
    private var row: [UInt8]
    private var done = false

    /// The environment variable naming the ffmpeg program to use instead of the one on PATH.
    public static let environmentKey = "OPTRACE_FFMPEG"

    /// The ffmpeg program: `$OPTRACE_FFMPEG`, else the first `ffmpeg` on PATH; nil when there is none.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let named = environment[environmentKey], !named.isEmpty {
            return access(named, X_OK) == 0 ? named : nil
        }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/ffmpeg"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// One line for a missing ffmpeg, naming what needed it (a file or an option) and the package.
    public static func missingMessage(for what: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let named = environment[environmentKey], !named.isEmpty {
            return "\(what) needs the ffmpeg program: \(environmentKey)=\(named) is not an executable file"
        }
        return "\(what) needs the ffmpeg program, which is not on PATH: install it (apt-get install ffmpeg) or leave mp4 and webm out of --animation"
    }

    /// ffmpeg's arguments after the input: the codec, its settings and the container.
    static func encoderArguments(_ format: AnimationFormat) -> [String] {
        switch format {
        case .mp4:
            // veryfast: on the default race 1.1 s of encoding against 1.9 s at medium, and 3 % fewer bytes.
            return ["-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-tune", "animation", "-pix_fmt", "yuv420p",
                    "-movflags", "+faststart", "-f", "mp4"]
        case .webm:
            // realtime, speed 6: on the default race 1.6 s of encoding and 392 KiB, against 12 s and 347 KiB at
            // good, speed 4.
            return ["-c:v", "libvpx-vp9", "-crf", "32", "-b:v", "0", "-pix_fmt", "yuv420p", "-deadline", "realtime",
                    "-cpu-used", "6", "-row-mt", "1", "-f", "webm"]
        default:
            preconditionFailure("\(format) is not a video format")
        }
    }

    /// Starts ffmpeg writing `outputPath` (which it overwrites); messages call the file `name` (default: the path's
    /// last part).
    public init(format: AnimationFormat, width: Int, height: Int, timing: AnimationTiming, outputPath: String,
                name: String? = nil) throws {
        precondition(format.needsFFmpeg)
        self.name = name ?? outputPath.split(separator: "/").last.map(String.init) ?? outputPath
        guard let executable = Self.locate() else {
            throw AnimationError(Self.missingMessage(for: self.name))
        }
        self.format = format
        self.width = width
        self.height = height
        paddedWidth = width + width % 2
        paddedHeight = height + height % 2
        self.outputPath = outputPath
        self.executable = executable
        row = [UInt8](repeating: 255, count: 3 * paddedWidth)
        var arguments = [executable, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                         "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", "\(paddedWidth)x\(paddedHeight)",
                         "-framerate", Self.rate(timing.fps), "-i", "pipe:0", "-an"]
        let hold = timing.lastFrameSeconds - 1 / timing.fps
        if hold > 0.0005 { arguments += ["-vf", "tpad=stop_mode=clone:stop_duration=\(Self.rate(hold))"] }
        arguments += ["-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact"]
        arguments += Self.encoderArguments(format) + [outputPath]
        try start(arguments)
    }

    deinit { abort() }

    /// A decimal without exponent, e.g. 30 or 12.5.
    static func rate(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.6f", value)
    }

    private func start(_ arguments: [String]) throws {
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else {
            throw AnimationError("cannot start ffmpeg: \(String(cString: strerror(errno)))")
        }
        var template = Array("/tmp/optrace-ffmpeg-XXXXXX".utf8CString)
        let log = mkstemp(&template)
        guard log >= 0 else {
            close(pair[0]); close(pair[1])
            throw AnimationError("cannot start ffmpeg: \(String(cString: strerror(errno)))")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        _ = fcntl(log, F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pair[1], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, log, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, argv, environ)
        close(pair[1])
        guard status == 0 else {
            close(pair[0]); close(log)
            throw AnimationError("cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        input = pair[0]
        errors = log
    }

    /// Pipes the next frame to ffmpeg.
    public func append(_ image: RGBAImage) throws {
        guard !done else { throw AnimationError("a frame after the video's end") }
        guard image.width == width, image.height == height else {
            throw AnimationError("video frame is \(image.width)×\(image.height), the video \(width)×\(height)")
        }
        var frame = [UInt8](repeating: 255, count: 3 * paddedWidth * paddedHeight)
        image.pixels.withUnsafeBytes { raw in
            let p = raw.bindMemory(to: UInt32.self)
            frame.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    var o = 3 * paddedWidth * y
                    for x in 0..<width {
                        let c = GIFPalette.opaqueColor(p[y * width + x])
                        out[o] = UInt8(c & 0xFF); out[o + 1] = UInt8((c >> 8) & 0xFF); out[o + 2] = UInt8(c >> 16)
                        o += 3
                    }
                }
            }
        }
        try send(frame)
    }

    private func send(_ bytes: [UInt8]) throws {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.send(input, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if failure != 0 {
            let message = reap()
            throw AnimationError("ffmpeg stopped while writing \(name)\(message.isEmpty ? " (\(String(cString: strerror(failure))))" : ": \(message)")")
        }
    }

    /// Closes the pipe and waits for ffmpeg to finish the file.
    public func finish() throws {
        guard !done else { return }
        let message = reap()
        if !message.isEmpty {
            throw AnimationError("ffmpeg could not write \(name): \(message)")
        }
    }

    /// Stops ffmpeg without waiting for the file (it is the caller's to remove).
    public func abort() {
        guard !done else { return }
        if pid > 0 { kill(pid, SIGTERM) }
        _ = reap()
    }

    /// Ends the pipe, waits for ffmpeg, and returns its last error line when it failed ("" when it succeeded).
    private func reap() -> String {
        guard !done else { return "" }
        done = true
        if input >= 0 { close(input); input = -1 }
        var status: Int32 = 0
        while pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        defer { if errors >= 0 { close(errors); errors = -1 } }
        let exited = (status & 0x7f) == 0, code = (status >> 8) & 0xff
        if exited && code == 0 { return "" }
        var text = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        lseek(errors, 0, SEEK_SET)
        while true {
            let n = read(errors, &buffer, buffer.count)
            if n <= 0 { break }
            text += buffer[..<n]
            if text.count > 1 << 16 { break }
        }
        let lines = String(decoding: text, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        if let last = lines.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) { return last }
        return exited ? "exit status \(code)" : "stopped by signal \(status & 0x7f)"
    }
}
