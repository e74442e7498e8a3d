import Foundation
import Testing
@testable import OptraceCore
import Yams

/// Nesting is counted on libyaml's events, exactly as the composer nests; tags are refused.
@Suite struct YAMLEventCheckTests {
    let limit = YAMLEventCheck.maximumDepth

    func depthProblem(_ yaml: String) -> Bool {
        if case .tooDeep = YAMLEventCheck.firstProblem(yaml) { return true }
        return false
    }

    /// Documents whose deepest collection is at `depth` (the root collection is level 1).
    func shapes(depth n: Int) -> [String: String] {
        [
            "flow sequences": String(repeating: "[", count: n) + String(repeating: "]", count: n),
            "flow mappings": String(repeating: "{a: ", count: n) + "1" + String(repeating: "}", count: n),
            "block sequences": String(repeating: "- ", count: n) + "a",
            "complex keys": String(repeating: "? ", count: n) + "a",
            "block mappings": (0..<n).map { String(repeating: "  ", count: $0) + "a:" }.joined(separator: "\n") + " 1",
            "multi-line flow": String(repeating: "[\n", count: n) + String(repeating: "]\n", count: n),
            "quote before brackets": "[a\"b, " + String(repeating: "[", count: n - 1) + String(repeating: "]", count: n - 1) + "]",
            "apostrophe before brackets": "[it's, " + String(repeating: "[", count: n - 1) + String(repeating: "]", count: n - 1) + "]",
            "flow in block": "a:\n  - " + String(repeating: "{b: [", count: (n - 2) / 2) + (n % 2 == 1 ? "[1]" : "1")
                + String(repeating: "]}", count: (n - 2) / 2),
        ]
    }

    @Test func theLimitItselfPassesAndOneMoreLevelIsRefused() {
        for (shape, yaml) in shapes(depth: limit) {
            #expect(YAMLEventCheck.firstProblem(yaml) == nil, "\(shape) at the limit")
            #expect((try? Yams.compose(yaml: yaml, .basic)) != nil, "\(shape) composes")
        }
        for depth in [limit + 1, limit + 2, 500, 5000] {
            for (shape, yaml) in shapes(depth: depth) {
                #expect(depthProblem(yaml), "\(shape) at depth \(depth)")
            }
        }
    }

    @Test func bracketsInScalarsAndCommentsDoNotCount() {
        let deep = String(repeating: "[", count: 5000)
        for yaml in [
            "a: x\(deep)", "a: a\"b \(deep)", "a: it's \(deep)", "a: '\(deep)'", "a: \"\(deep)\"", "a: 1 # \(deep)",
            "# \(deep)\na: 1", "a: |\n  \(deep)\n  \(String(repeating: "- ", count: 3000))\n", "a: >\n  \(deep)\n",
            "a: [\"\(deep)\", '\(deep)']", "a: '\(String(repeating: "{", count: 5000))'",
        ] {
            #expect(YAMLEventCheck.firstProblem(yaml) == nil, "\(yaml.prefix(20))")
        }
    }

    @Test func anAliasReachesAsDeepAsItsAnchoredNode() {
        // An anchored node of height h repeated at depth d nests d + h deep once composed.
        func document(anchorHeight h: Int, aliasDepth d: Int) -> String {
            let anchored = "shape: &s " + String(repeating: "[", count: h) + String(repeating: "]", count: h)
            let path = (1..<d).map { String(repeating: "  ", count: $0) + "a:" }.joined(separator: "\n")
            return "\(anchored)\nroot:\n\(path)\n\(String(repeating: "  ", count: d))x: *s"
        }
        // The alias sits in the mapping at level d + 1 (the root is 1, `root:` holds level 2, …).
        #expect(YAMLEventCheck.firstProblem(document(anchorHeight: 30, aliasDepth: limit - 31)) == nil)
        #expect(depthProblem(document(anchorHeight: 30, aliasDepth: limit - 30)))
        // A chain of aliases, each one level higher than the last, nests without any deep text.
        func chain(_ n: Int) -> String {
            "l0: &l0 [0]\n" + (1..<n).map { "l\($0): &l\($0) [*l\($0 - 1)]" }.joined(separator: "\n")
        }
        #expect(YAMLEventCheck.firstProblem(chain(limit - 1)) == nil)
        #expect(depthProblem(chain(limit)))
        #expect(depthProblem(chain(3000)))
        // A redefined anchor counts as its latest node; a scalar anchor has height 0.
        let redefined = "a: &s " + String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "\nb: &s 1\nc: [[[[[[*s]]]]]]"
        #expect(YAMLEventCheck.firstProblem(redefined) == nil)
        let aliasKey = "a: &s " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + "\nb: {*s : 1}"
        #expect(depthProblem(aliasKey))
    }

    @Test func tagsAreFoundWithTheirKeyPaths() {
        func tag(_ yaml: String) -> (String, String)? {
            if case .tag(let tag, let path, _, _) = YAMLEventCheck.firstProblem(yaml) { return (YAMLEventCheck.shorthand(tag), path) }
            return nil
        }
        #expect(tag("noise: {seed: !!str 50}")! == ("!!str", "noise.seed"))
        #expect(tag("racers:\n  - {name: a}\n  - !!python/object:os.system {}")! == ("!!python/object:os.system", "racers[1]"))
        #expect(tag("a: [1, !foo 2]")! == ("!foo", "a[1]"))
        #expect(tag("a: {!!str b: 1}")! == ("!!str", "a.b"))
        #expect(tag("!!map {a: 1}")! == ("!!map", ""))
        #expect(tag("a: ! 1")! == ("!", "a"))
        #expect(tag("%TAG !e! tag:example.com,2000:\n---\na: !e!x 1")! == ("tag:example.com,2000:x", "a"))
        #expect(tag("a: '!!str'\nb: \"!foo\"\nc: x!y") == nil)
    }

    @Test func syntaxErrorsReadAsTheComposersDo() throws {
        for yaml in ["a: [1, 2\nb: 3", "a:\n\tb: 1", "a: 'open", "a: *missing", "- a\nb: c", "a: 1\n---\nb: 2", "a: \u{7}"] {
            let fromCheck = YAMLEventCheck.firstProblem(yaml).map { ScenarioLoader.eventProblem($0, file: "f", source: yaml) }
            var fromComposer: ScenarioError?
            do { _ = try Yams.compose(yaml: yaml, .basic) } catch let error as YamlError { fromComposer = ScenarioLoader.yamlError(error, file: "f") }
            // Undefined aliases and extra documents are the composer's to refuse; the event pass lets them by.
            if let fromCheck { #expect(fromCheck == fromComposer, "\(yaml)") } else { #expect(fromComposer != nil, "\(yaml)") }
        }
    }

    /// A file at the size limit, nested 31 levels on every line, passes (no wall-time assertion: the suite must
    /// pass on a loaded machine; the event pass is one linear scan by construction).
    @Test func aMebibyteOfYAMLIsChecked() {
        let line = "  - [1.25, -3.5, {a: 'x', b: \"y\"}, [[[[[[[[[[[[[[[[[[[[[[[[[[[[0]]]]]]]]]]]]]]]]]]]]]]]]]]]]] # [[[[\n"
        let yaml = "a:\n" + String(repeating: line, count: (1 << 20) / line.utf8.count - 1)
        #expect(YAMLEventCheck.firstProblem(yaml) == nil)
    }
}
