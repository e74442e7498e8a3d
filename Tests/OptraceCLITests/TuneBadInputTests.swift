import Foundation
import Testing
@testable import OptraceCLI

/// Bad tune and map input: one line on standard error, exit code 2, nothing written.
@Suite struct TuneBadInputTests {
    func refuse(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let out = temporaryFolder() + "/out"
        let run = optrace(arguments + ["--out", out])
        #expect(run.code == 2, "exit code \(run.code): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, "stdout: \(run.stdout)", sourceLocation: sourceLocation)
        #expect(run.stderr.hasPrefix("optrace: ") && run.stderr.filter { $0 == "\n" }.count == 1, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: out), "wrote \(out)", sourceLocation: sourceLocation)
        return run.stderr
    }

    func tune(_ extra: String...) -> [String] { ["tune", "valley-bump", "--racer", "Momentum"] + extra }

    @Test func refusals() {
        #expect(refuse(["tune", "valley-bump", "--racer", "Momentun", "--param", "lr=0.1:1:4"]).contains("unknown racer 'Momentun' (did you mean 'Momentum'?)"))
        #expect(refuse(tune("--param", "bta=0:0.9:4")).contains("has no parameter 'bta' (did you mean 'beta'?); its parameters: lr, beta"))
        #expect(refuse(tune("--param", "eps=1e-8:1e-4:log:4")).contains("has no parameter 'eps'"))
        #expect(refuse(tune("--param", "lr=0.1:0.1:4")).contains("empty"))
        #expect(refuse(tune("--param", "lr=1:0.1:4")).contains("inverted"))
        #expect(refuse(tune("--param", "lr=0:1:log:4")).contains("log axis needs both ends > 0"))
        #expect(refuse(tune("--param", "lr=-1:1:log:4")).contains("log axis"))
        #expect(refuse(tune("--param", "lr=0.1:1:1")).contains("at least 2"))
        #expect(refuse(tune("--param", "lr=0.1:1:log:2000", "--param", "beta=0:0.9:1000")).contains("the limit is 1000000"))
        #expect(refuse(tune("--param", "beta=0:1:4")).contains("not a valid beta for momentum; expected a number in [0, 1)"))
        #expect(refuse(tune("--param", "lr=-1:1:4")).contains("not a valid lr"))
        #expect(refuse(tune("--param", "lr=0.1:1:4", "--param", "lr=0.1:1:4")).contains("given twice"))
        #expect(refuse(tune("--param", "lr=0.1:1:4", "--objective", "final")).contains("unknown objective"))
        #expect(refuse(tune("--param", "lr=0.1:1:4", "--shard", "4/3")).contains("1 ≤ I ≤ N"))
        #expect(refuse(tune("--random", "10", "--param", "lr=0.1:1:4")).contains("without a count"))
        #expect(refuse(tune("--random", "1", "--param", "lr=0.1:1")).contains("at least 2 samples"))
        #expect(refuse(tune()).contains("give the hyperparameters to sweep"))
        #expect(refuse(["tune", "valley-bump", "--param", "lr=0.1:1:4"]).contains("--racer"))
        #expect(refuse(["tune", "nowhere", "--racer", "M", "--param", "lr=0.1:1:4"]).contains("no such scenario"))
        #expect(refuse(tune("--param", "lr=0.1:1:4", "--steps", "0")).contains("--steps"))
        #expect(refuse(["tune", "valley-bump", "--all-racers", "--param", "momentum=0:0.9"]).contains("no racer of valley-bump has 'momentum'"))
        #expect(refuse(["tune", "merge", "/nonexistent/tune-shard-1-of-2.json"]).contains("no such shard file"))
    }

    @Test func mapRefusals() {
        #expect(refuse(["map", "valley-bump", "--racer", "SGD", "--grid", "200"]).contains("COLUMNSxROWS"))
        #expect(refuse(["map", "valley-bump", "--racer", "SGD", "--grid", "1x5"]).contains("at least 2"))
        #expect(refuse(["map", "valley-bump", "--racer", "SGD", "--grid", "2000x2000"]).contains("the limit is 1000000"))
        #expect(refuse(["map", "valley-bump", "--racer", "Nobody"]).contains("unknown racer"))
    }
}
