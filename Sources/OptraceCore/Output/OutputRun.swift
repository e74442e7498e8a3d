import COptraceSystem
import Foundation

/// One command's hold on its output folder: checked and created before the work, locked for the
/// whole run, and left holding exactly that run's files.
///
/// `begin` checks the path and every output name before anything is computed (a bad `--out`
/// fails at once and creates nothing), creates the missing folders, takes an exclusive lock on
/// the folder (a second run into it fails at once, naming the folder), proves it writable and
/// removes the temporary files of runs that died. Every file committed into the folder while the
/// run is active is recorded (see `AtomicFileWriter.commit`): its name is appended to the record
/// `.optrace-files` before the file is renamed into place, so even a run killed outright (SIGKILL)
/// leaves a record of every file it put there.
/// `finish` removes the files an earlier run wrote that this run did not (only optrace's own
/// names, see `OutputNames`), rewrites the record with this run's files, removes folders it
/// created when nothing was written into them, and releases the lock. It runs after success,
/// errors and interruptions alike, so the folder never mixes two runs.
public final class OutputRun: @unchecked Sendable {
    /// The folder the run writes into.
    public let folder: OutputFolder
    private let plan: OutputPlan
    private let created: [String]
    private let previous: [String]
    private let state = NSLock()
    private var written: Set<String> = []
    /// The names appended to the record so far (each once).
    private var journaled: Set<String> = []
    private var directory: Int32
    private var journal: Int32
    private var finished = false

    /// Runs that are writing now, for `recordCommitted`.
    private static let activeLock = NSLock()
    nonisolated(unsafe) private static var active: [OutputRun] = []

    private init(folder: OutputFolder, plan: OutputPlan, created: [String], previous: [String], directory: Int32, journal: Int32) {
        self.folder = folder
        self.plan = plan
        self.created = created
        self.previous = previous
        self.directory = directory
        self.journal = journal
    }

    deinit { finish() }

    /// Checks, creates and locks the output folder `path` for a run that writes what `plan` says.
    public static func begin(_ path: String, plan: OutputPlan) throws(OutputError) -> OutputRun {
        if let problem = PathText.problem(path) { throw OutputError(path: path, message: problem) }
        let longest = (plan.files + plan.folders.map { $0 + "/frame_000000.png" }).map(\.utf8.count).max() ?? 0
        if path.utf8.count + longest + 48 > PathText.maximumLength {
            throw OutputError(path: String(path.prefix(40)) + "…", message: "the folder path is too long (\(path.utf8.count) bytes) for the files written inside it; the limit is about \(PathText.maximumLength - longest - 48)")
        }
        let folderPath = (PathText.isAbsolute(path) ? "/" : "") + PathText.components(path).joined(separator: "/")
        let created = try createFolders(folderPath)
        var directory: Int32 = -1
        do throws(OutputError) {
            directory = open(folderPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if directory < 0 {
                throw OutputError(path: folderPath, message: "cannot open the output folder (\(String(cString: strerror(errno))))")
            }
            if flock(directory, LOCK_EX | LOCK_NB) != 0 {
                let reason = errno
                if reason == EWOULDBLOCK {
                    throw OutputError(path: folderPath, message: "another optrace run is writing into this folder; wait for it to finish or choose another --out")
                }
                throw OutputError(path: folderPath, message: "cannot lock the output folder (\(String(cString: strerror(reason))))")
            }
            try probe(directory, folderPath)
            try check(plan, in: directory, folderPath)
        } catch {
            if directory >= 0 { close(directory) }
            removeFolders(created)
            throw error
        }
        let previous = readManifest(directory)
        let subfolders = Set(plan.folders + previous.compactMap { $0.contains("/") ? String($0.split(separator: "/")[0]) : nil })
        removeTemporaries(directory, subfolders: subfolders)
        let journal = openJournal(directory, previous: previous)
        let run = OutputRun(
            folder: OutputFolder(path: folderPath), plan: plan, created: created, previous: previous, directory: directory, journal: journal)
        activeLock.withLock { active.append(run) }
        return run
    }

    /// Appends `path` to the record of the active run whose folder holds it (the innermost one), before the
    /// file is renamed into place: a process killed between the two leaves its file recorded, so the next run
    /// can remove it. (A name recorded for a rename that then fails is one of optrace's own names, harmless.)
    static func recordIntent(_ path: String) {
        activeLock.withLock {
            guard let (owner, name) = owner(of: path) else { return }
            owner.state.withLock {
                if owner.journaled.insert(name).inserted && owner.journal >= 0 {
                    _ = Array((name + "\n").utf8).withUnsafeBytes { FileDescriptorIO.writeAll(owner.journal, $0) }
                }
            }
        }
    }

    /// Records that `path` was written, for the active run whose folder holds it (the innermost one).
    static func recordCommitted(_ path: String) {
        activeLock.withLock {
            guard let (owner, name) = owner(of: path) else { return }
            _ = owner.state.withLock { owner.written.insert(name) }
        }
    }

    /// The innermost active run whose folder holds `path`, and the path's name relative to that folder.
    private static func owner(of path: String) -> (OutputRun, String)? {
        let owner = active.filter { path.hasPrefix(PathText.join($0.folder.path, "")) }
            .max { $0.folder.path.utf8.count < $1.folder.path.utf8.count }
        guard let owner else { return nil }
        let relative = String(path.dropFirst(PathText.join(owner.folder.path, "").count))
        return (owner, PathText.components(relative).joined(separator: "/"))
    }

    /// The files this run has written so far (relative to its folder), sorted.
    public var writtenFiles: [String] { state.withLock { written.sorted() } }

    /// Removes what earlier runs wrote and this one did not, records this run's files and releases the folder.
    public func finish() {
        let done: Bool = state.withLock {
            if finished { return true }
            finished = true
            return false
        }
        if done { return }
        Self.activeLock.withLock { Self.active.removeAll { $0 === self } }
        let written = state.withLock { self.written }
        if journal >= 0 { close(journal) }
        journal = -1
        var kept = Set(written)
        var emptied = Set<String>()
        for name in previous where !written.contains(name) {
            if plan.keeps(name) { kept.insert(name); continue }
            if !Self.removeFile(name, in: directory) { kept.insert(name); continue }
            if let slash = name.firstIndex(of: "/") { emptied.insert(String(name[..<slash])) }
        }
        for sub in emptied where !kept.contains(where: { $0.hasPrefix(sub + "/") }) {
            unlinkat(directory, sub, AT_REMOVEDIR)  // only succeeds when empty
        }
        if kept.isEmpty {
            unlinkat(directory, OutputNames.manifest, 0)
            Self.removeFolders(created)
        } else {
            Self.writeManifest(kept.sorted(), in: directory)
        }
        flock(directory, LOCK_UN)
        close(directory)
        directory = -1
    }

    // MARK: before the run

    /// Creates the missing folders of `path`, outermost first; returns those it created.
    private static func createFolders(_ path: String) throws(OutputError) -> [String] {
        var created: [String] = []
        for prefix in PathText.prefixes(path) {
            var info = stat()
            if stat(prefix, &info) == 0 {
                if (info.st_mode & S_IFMT) != S_IFDIR {
                    removeFolders(created)
                    throw OutputError(path: path, message: "'\(prefix)' exists and is not a folder")
                }
                continue
            }
            let missing = errno
            if missing != ENOENT || mkdir(prefix, 0o755) != 0 {
                let reason = missing != ENOENT ? missing : errno
                if reason == EEXIST { continue }
                removeFolders(created)
                throw OutputError(path: path, message: "cannot create the output folder ('\(prefix)': \(String(cString: strerror(reason))))")
            }
            created.append(prefix)
        }
        return created
    }

    /// Removes `folders` innermost first, each only if empty.
    private static func removeFolders(_ folders: [String]) {
        for folder in folders.reversed() { rmdir(folder) }
    }

    /// Proves the folder writable by creating and removing a fresh file (exclusive, never through a link).
    private static func probe(_ directory: Int32, _ path: String) throws(OutputError) {
        let name = AtomicFileWriter.temporaryName(for: "optrace-probe")
        let fd = openat(directory, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd < 0 {
            throw OutputError(path: path, message: "output folder is not writable (\(String(cString: strerror(errno))))")
        }
        close(fd)
        unlinkat(directory, name, 0)
    }

    /// Refuses a planned file that exists as a folder and a planned folder that exists as anything but a real folder.
    private static func check(_ plan: OutputPlan, in directory: Int32, _ path: String) throws(OutputError) {
        for name in plan.folders {
            var info = stat()
            if fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) != S_IFDIR {
                throw OutputError(path: PathText.join(path, name), message: OutputFolder.notAFolder(info))
            }
        }
        for name in plan.files {
            var info = stat()
            if fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                throw OutputError(path: PathText.join(path, name), message: "is a folder, where optrace writes a file: move it away or choose another --out")
            }
        }
    }

    /// Removes the temporary files of runs that died (the lock is held, so no live run owns one).
    private static func removeTemporaries(_ directory: Int32, subfolders: Set<String>) {
        removeTemporaries(in: directory)
        for sub in subfolders where OutputNames.isSubfolder(sub) {
            let fd = openat(directory, sub, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if fd < 0 { continue }
            removeTemporaries(in: fd)
            close(fd)
        }
    }

    private static func removeTemporaries(in directory: Int32) {
        for name in entries(of: directory) where OutputNames.isTemporary(name) {
            var info = stat()
            if fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFREG {
                unlinkat(directory, name, 0)
            }
        }
    }

    /// The names in a folder (without "." and "..").
    private static func entries(of directory: Int32) -> [String] {
        let copy = dup(directory)
        guard copy >= 0, let stream = fdopendir(copy) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    // MARK: the record of a run's files

    /// The largest record read back (a run writes at most 20 000 frames).
    static let maximumManifestBytes = 4 << 20

    /// The files the last run recorded, keeping only optrace's own names.
    private static func readManifest(_ directory: Int32) -> [String] {
        let fd = openat(directory, OutputNames.manifest, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 { return [] }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= maximumManifestBytes else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            filled += n
        }
        let text = String(decoding: bytes[..<filled], as: UTF8.self)
        return text.split(separator: "\n").dropFirst().map(String.init).filter(OutputNames.isOutput)
    }

    /// The record's first line.
    static let manifestHeader = "optrace: the files of the last run in this folder (the next run removes those it does not write)\n"

    /// The record, rewritten to hold the earlier run's files and opened for appending this run's as they are
    /// written (-1 when it cannot be written: then only `finish` records).
    private static func openJournal(_ directory: Int32, previous: [String]) -> Int32 {
        writeManifest(previous, in: directory)
        return openat(directory, OutputNames.manifest, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
    }

    private static func writeManifest(_ names: [String], in directory: Int32) {
        let text = manifestHeader + names.map { $0 + "\n" }.joined()
        let temporary = AtomicFileWriter.temporaryName(for: String(OutputNames.manifest.dropFirst()))
        let fd = openat(directory, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 { return }
        let bytes = Array(text.utf8)
        _ = optrace_reserve_file(fd, Int64(bytes.count))
        let failure = bytes.withUnsafeBytes { FileDescriptorIO.writeAll(fd, $0) }
        if close(fd) != 0 || failure != 0 || renameat(directory, temporary, directory, OutputNames.manifest) != 0 {
            unlinkat(directory, temporary, 0)
        }
    }

    /// Removes the regular file `name` (relative, at most one subfolder deep), never following a link; false if it stays.
    private static func removeFile(_ name: String, in directory: Int32) -> Bool {
        let parts = name.split(separator: "/").map(String.init)
        var parent = directory
        if parts.count == 2 {
            parent = openat(directory, parts[0], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if parent < 0 { return errno == ENOENT }
        }
        defer { if parent != directory { close(parent) } }
        var info = stat()
        if fstatat(parent, parts[parts.count - 1], &info, AT_SYMLINK_NOFOLLOW) != 0 { return errno == ENOENT }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return true }  // not optrace's any more: leave it, forget it
        return unlinkat(parent, parts[parts.count - 1], 0) == 0 || errno == ENOENT
    }
}
