import Testing
@testable import OptraceCore

/// Paths split and joined as strings: every form a user may type, without Foundation's path helpers.
@Suite struct PathTextTests {
    @Test(arguments: [
        ("x", ".", "x"), ("a/", ".", "a"), ("a/x", "a", "x"), ("x/.", "x", "."), ("x//y", "x", "y"), ("-", ".", "-"),
        ("é", ".", "é"), ("/", "/", ""), ("/x", "/", "x"), ("/a/b/", "/a", "b"), ("./x", ".", "x"), ("../x", "..", "x"),
        ("ünï/cödé", "ünï", "cödé"), ("", ".", ""),
    ])
    func parentAndLastComponent(path: String, parent: String, last: String) {
        #expect(PathText.parent(path) == parent)
        #expect(PathText.lastComponent(path) == last)
    }

    @Test func prefixesAndJoin() {
        #expect(PathText.prefixes("a//b/c/") == ["a", "a/b", "a/b/c"])
        #expect(PathText.prefixes("/x/y") == ["/x", "/x/y"])
        #expect(PathText.prefixes("-") == ["-"])
        #expect(PathText.join("a/", "b") == "a/b" && PathText.join("a", "b") == "a/b" && PathText.join("", "b") == "b")
        #expect(PathText.deletingExtension("valley.yaml") == "valley" && PathText.deletingExtension(".hidden") == ".hidden")
        #expect(PathText.deletingExtension("x") == "x")
    }

    @Test func problems() {
        #expect(PathText.problem("") != nil)
        #expect(PathText.problem("a\u{0}b") != nil)
        #expect(PathText.problem(String(repeating: "a", count: 256)) != nil)
        #expect(PathText.problem(String(repeating: "a", count: 255)) == nil)
        #expect(PathText.problem(Array(repeating: String(repeating: "b", count: 200), count: 21).joined(separator: "/")) != nil)
        #expect(PathText.problem("é/x") == nil)
    }

    @Test func outputNames() {
        #expect(OutputNames.isOutput("trajectory.csv") && OutputNames.isOutput("frames/frame_0012.png"))
        #expect(OutputNames.isOutput("tune-shard-2-of-8.json") && OutputNames.isOutput("sgd/heatmap.png"))
        for name in ["notes.txt", "../trajectory.csv", "frames/keep.png", ".hidden/tune.json", "a/b/tune.json", "/etc/passwd",
                     "frames/frame_.png", "tune-shard-x-of-2.json", "Caps/tune.json", ""] {
            #expect(!OutputNames.isOutput(name), "\(name)")
        }
        #expect(OutputNames.isTemporary(".race.apng.1234.00ff00ff00ff00ff.tmp"))
        #expect(!OutputNames.isTemporary(".notes.tmp") && !OutputNames.isTemporary("race.apng.1.ab.tmp"))
    }
}
