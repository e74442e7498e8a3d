import Foundation
import Testing

/// libpng, giflib and libwebp are opened at the first picture of each kind: commands that write none run without
/// them, and one that would write one says in one line that it cannot, before writing anything.
@Suite struct ImageLibraryLoadingTests {
    private let missing = [
        "OPTRACE_LIBPNG": "/nonexistent/libpng16.so.16", "OPTRACE_GIFLIB": "/nonexistent/libgif.so.7",
        "OPTRACE_LIBWEBPMUX": "/nonexistent/libwebpmux.so.3",
    ]

    @Test func theExecutableDoesNotLinkTheImageLibraries() throws {
        let executable = try #require(InterruptedRun.executable)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["readelf", "-d", executable]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && text.contains("(NEEDED)"), "\(text)")
        for library in ["libpng", "libz.", "libgif", "libwebp"] { #expect(!text.contains(library), "\(library) in \(text)") }
    }

    @Test func commandsThatWriteNoPictureRunWithoutThem() throws {
        let out = temporaryFolder() + "/race"
        let race = try runExecutable(["race", "--steps", "20", "--no-render", "--quiet", "--out", out], adding: missing)
        #expect(race.code == 0, "\(race.stderr)")
        #expect(contents(out) == ["scoreboard.json", "trajectory.csv"])
        let tune = try runExecutable(
            ["tune", "valley-bump", "--racer", "Momentum", "--param", "lr=0.01:0.5:log:4", "--steps", "20", "--no-render", "--quiet", "--out", out + "-tune"],
            adding: missing)
        #expect(tune.code == 0, "\(tune.stderr)")
    }

    @Test func aMissingLibraryStopsTheCommandInOneLineBeforeAnythingIsWritten() throws {
        for (variable, format, name, package) in [
            ("OPTRACE_LIBPNG", "apng", "libpng", "libpng16-16"), ("OPTRACE_GIFLIB", "gif", "giflib", "libgif7"),
            ("OPTRACE_LIBWEBPMUX", "webp", "libwebpmux", "libwebpmux3"),
        ] {
            let out = temporaryFolder() + "/race"
            let race = try runExecutable(
                ["race", "--steps", "20", "--no-frames", "--animation", format, "--quiet", "--out", out],
                adding: [variable: missing[variable]!])
            #expect(race.code == 1, "\(format): \(race.stderr)")
            #expect(race.stderr.split(separator: "\n").count == 1, "\(race.stderr)")
            #expect(race.stderr.hasPrefix("optrace: cannot load \(name) (\(missing[variable]!)"), "\(race.stderr)")
            #expect(race.stderr.contains("apt-get install \(package)"), "\(race.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out), "\(format)")
        }
    }

    @Test func aLibraryThatIsNotAskedForIsNotNeeded() throws {
        let out = temporaryFolder() + "/race"
        let race = try runExecutable(
            ["race", "--steps", "20", "--no-frames", "--animation", "apng", "--quiet", "--out", out],
            adding: ["OPTRACE_GIFLIB": missing["OPTRACE_GIFLIB"]!, "OPTRACE_LIBWEBPMUX": missing["OPTRACE_LIBWEBPMUX"]!])
        #expect(race.code == 0, "\(race.stderr)")
        #expect(contents(out).contains("race.apng") && !contents(out).contains("race.gif"))
    }
}
