import Foundation
import Testing
@testable import OptraceCLI

/// Every file in `Malformed/` is refused with exactly the error in its `.expected` twin
/// (`{file}` stands for the path given), exit code 2, no stack trace and nothing written.
@Suite struct MalformedCorpusTests {
    static let folder = packageRoot + "/Tests/OptraceCLITests/Malformed"

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test func theCorpusIsLargeAndPaired() throws {
        #expect(Self.cases.count >= 40)
        for name in Self.cases {
            #expect(FileManager.default.fileExists(atPath: "\(Self.folder)/\(name).expected"), "\(name).expected missing")
        }
    }

    @Test(arguments: cases)
    func refusedWithTheExactError(name: String) throws {
        let path = "\(Self.folder)/\(name).yaml"
        let expected = try String(contentsOfFile: "\(Self.folder)/\(name).expected", encoding: .utf8)
            .replacingOccurrences(of: "{file}", with: path)
        let out = temporaryFolder() + "/out"
        let run = optrace("race", path, "--out", out)
        #expect(run.code == 2)
        #expect(run.stderr == expected)
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(expected.split(separator: "\n").first!.hasPrefix("optrace: \(path)"))
    }

    @Test func tooLargeNotTextAndNotAFile() throws {
        let big = temporaryFolder() + "/big.yaml"
        try Data(repeating: UInt8(ascii: "#"), count: (1 << 20) + 1).write(to: URL(fileURLWithPath: big))
        #expect(optrace("race", big).stderr == "optrace: \(big): is 1048577 bytes, larger than the 1048576-byte limit for a scenario\n")
        let binary = temporaryFolder() + "/binary.yaml"
        try Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: binary))
        #expect(optrace("race", binary).stderr == "optrace: \(binary): is not UTF-8 text\n")
        let folder = temporaryFolder()
        #expect(optrace("race", folder + "/").stderr == "optrace: \(folder)/: is a folder, expected a scenario file (.yaml)\n")
        #expect(optrace("race", folder + "/missing.yaml").stderr == "optrace: \(folder)/missing.yaml: no such file\n")
        // A device or pipe has no size: reading stops one byte past the limit.
        #expect(optrace("race", "/dev/zero").stderr == "optrace: /dev/zero: is more than 1048576 bytes, the limit for a scenario\n")
        #expect(optrace("race", "/dev/null").stderr.hasPrefix("optrace: /dev/null"))
        if getuid() != 0 {
            let locked = temporaryFolder() + "/locked.yaml"
            try Data("name: x\n".utf8).write(to: URL(fileURLWithPath: locked))
            chmod(locked, 0)
            #expect(optrace("race", locked).stderr == "optrace: \(locked): cannot be read (permission denied?)\n")
        }
    }
}
