import Foundation
import Testing
@testable import OptraceCLI
import OptracePlot

@Suite struct GradCommandTests {
    @Test func presetAReproducesTheGraphStepper() {
        let run = optrace("grad", "--preset", "A")
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.contains("f = 0.0713   ∂f/∂w = -0.1774   ∂f/∂x = -0.0887   ∂f/∂b = -0.0887   ∂f/∂y = 0.3775"))
        #expect(run.stdout.contains("→ f = 0.0392 (was 0.0713, it drops)"))
        #expect(run.stdout.contains("Forward pass") && run.stdout.contains("Backward sweep"))
        #expect(run.stdout.contains("sigmoid"))
        #expect(!run.stdout.contains("DISAGREE"))
    }

    /// `--out` draws the graph (graph.png) and the stepper (stepper.apng: a frame per node forward, then a frame
    /// per node backward), the same bytes on every run.
    @Test func outDrawsTheGraphAndTheStepper() throws {
        let first = temporaryFolder() + "/stepper", second = temporaryFolder() + "/stepper"
        for out in [first, second] {
            let run = optrace("grad", "--preset", "A", "--out", out)
            #expect(run.code == 0, "\(run.stderr)")
            #expect(run.stdout.hasSuffix("wrote \(out)/: graph.png, stepper.apng\n"))
            #expect(contents(out) == ["graph.png", "stepper.apng"])
        }
        for name in ["graph.png", "stepper.apng"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: first + "/" + name)) == Data(contentsOf: URL(fileURLWithPath: second + "/" + name)), "\(name)")
        }
        let graph = try PNGDecoder.decodeStraight(Array(try Data(contentsOf: URL(fileURLWithPath: first + "/graph.png"))))
        #expect(graph.width > 1000 && graph.height > 300)
        let stepper = try APNGComposer(Array(try Data(contentsOf: URL(fileURLWithPath: first + "/stepper.apng"))))
        // 0.5*(sigmoid(w*x+b)-y)^2: inputs w, x, b, y; ×, +, σ, −, the constant 2, ^, the constant 0.5, ×.
        #expect(stepper.frameCount == 24 && stepper.frames.count == 24)
        for k in 1..<stepper.frames.count { #expect(stepper.frames[k] != stepper.frames[k - 1], "frame \(k) shows the next node") }
    }

    @Test func anOutThatCannotBeAFolderIsRefusedAndNothingIsPrinted() throws {
        let base = temporaryFolder()
        let file = base + "/plain"
        try "not a folder".write(toFile: file, atomically: true, encoding: .utf8)
        let run = optrace("grad", "--preset", "A", "--out", file + "/stepper")
        #expect(run.code != 0 && run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("optrace: ") && run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(contents(base) == ["plain"])
        let proc = optrace("grad", "x^2", "--at", "x=1", "--out", "/proc/optrace-nope")
        #expect(proc.code == 2 && proc.stdout.isEmpty && proc.stderr.split(separator: "\n").count == 1)
    }

    @Test func aGraphTooLargeToDrawIsRefusedBeforeAnythingIsWritten() {
        let base = temporaryFolder()
        let long = (1...45).map { "sin(x + \($0))" }.joined(separator: " + ")
        let run = optrace("grad", long, "--at", "x=1", "--out", base + "/big")
        #expect(run.code != 0 && run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("optrace: --out: the graph has ") && run.stderr.contains("pictures are drawn for at most 80 nodes"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(contents(base).isEmpty)
        // The same expression without --out prints its tape as always.
        #expect(optrace("grad", long, "--at", "x=1").code == 0)
    }

    @Test func presetBFlipsTheSign() {
        let run = optrace("grad", "--preset", "B")
        #expect(run.code == 0)
        #expect(run.stdout.contains("∂f/∂w = 0.2926"))
    }

    @Test func jsonHasValueGradientAndNumerical() throws {
        let run = optrace("grad", "x^2*y + sin(x)", "--at", "x=1,y=2", "--json")
        #expect(run.code == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let value = json["value"] as! Double
        #expect(abs(value - (2 + sin(1.0))) < 1e-15)
        let gradient = json["gradient"] as! [String: Double]
        let numerical = json["numerical"] as! [String: Double]
        #expect(abs(gradient["x"]! - (4 + cos(1.0))) < 1e-14 && gradient["y"] == 1)
        #expect(abs(numerical["x"]! - gradient["x"]!) < 1e-8 && abs(numerical["y"]! - 1) < 1e-8)
    }

    /// `--json` carries the whole stepper: every node with its place, every edge with its local derivative and the
    /// blame it carries back (summing to each operand's adjoint), and the preset's step.
    @Test func jsonHasTheGraphAndTheStep() throws {
        let run = optrace("grad", "--preset", "A", "--json")
        #expect(run.code == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let graph = json["graph"] as! [String: Any]
        let nodes = graph["nodes"] as! [[String: Any]], edges = graph["edges"] as! [[String: Any]]
        #expect(nodes.count == 12 && edges.count == 11 && graph["root"] as? Int == 11 && graph["columns"] as? Int == 7)
        let w = nodes[0]
        #expect(w["operation"] as? String == "input w" && w["column"] as? Int == 0 && abs((w["adjoint"] as! Double) + 0.17744691734927373) < 1e-15)
        for (i, node) in nodes.enumerated() where i != 11 {
            let carried = edges.filter { $0["from"] as? Int == i }.map { $0["carried"] as! Double }.reduce(0, +)
            #expect(abs(carried - (node["adjoint"] as! Double)) < 1e-15, "node \(i)")
        }
        for edge in edges {
            let from = nodes[edge["from"] as! Int], to = nodes[edge["to"] as! Int]
            #expect((from["column"] as! Int) < (to["column"] as! Int))
        }
        let step = json["step"] as! [String: Any]
        #expect(step["lr"] as? Double == 1 && abs((step["value"] as! Double) - 0.0392) < 5e-5)
        #expect((step["inputs"] as! [String: Double]).keys.sorted() == ["b", "w"])
        // Without a step there is no "step".
        let plain = try JSONSerialization.jsonObject(with: Data(optrace("grad", "x^2", "--at", "x=3", "--json").stdout.utf8)) as! [String: Any]
        #expect(plain["step"] == nil && (plain["graph"] as! [String: Any])["columns"] as? Int == 2, "x and the constant 2, then the power")
    }

    @Test func badExpressionsGetACaret() {
        let run = optrace("grad", "x*(y+", "--at", "x=1,y=2")
        #expect(run.code == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 3 && lines[0].hasPrefix("optrace: expression, column 6:"))
        #expect(lines[1] == "x*(y+" && lines[2] == "     ^")
    }

    @Test func missingAndStrayValues() {
        #expect(optrace("grad", "x*y", "--at", "x=1").stderr == "optrace: --at: missing a value for 'y' (give --at y=…)\n")
        #expect(optrace("grad", "x*y", "--at", "x=1,y=2,z=3").stderr.hasPrefix("optrace: --at: 'z' is not a variable"))
        #expect(optrace("grad", "x*y", "--at", "x=1,y=nan").code == 2)
    }

    @Test func aVariableGivenTwiceIsRefused() {
        let twice = "optrace: --at: 'x' is given twice (x=1 and x=2); give each variable once\n"
        for arguments in [["--at", "x=1,x=2"], ["--at", "x=1", "--at", "x=2"], ["--at", "x=1,y=3", "--at", " x = 2"]] {
            let run = optrace(["grad", "x*y"] + arguments)
            #expect(run.code == 2)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr == twice, "\(arguments)")
        }
        // The same value twice is still a mistake; a preset's value may be overridden once.
        #expect(optrace("grad", "x*y", "--at", "x=1,y=2,y=2").stderr == "optrace: --at: 'y' is given twice (y=2 and y=2); give each variable once\n")
        #expect(optrace("grad", "--preset", "A", "--at", "x=3").code == 0)
        #expect(optrace("grad", "--preset", "A", "--at", "x=3,x=4").code == 2)
        #expect(optrace("grad", "x*y", "--at", "x=1,y=2", "--step", "x,y,x").stderr == "optrace: --step: 'x' is given twice; give each variable once\n")
        #expect(optrace("grad", "x*y", "--at", "x=1,y=2", "--lr", "-1").stderr == "optrace: --lr: expected a finite number > 0, found -1.0 (see 'optrace help')\n")
    }
}

/// Expressions and numbers that start with a minus are read as such, and a bad one says what is wrong.
@Suite struct LeadingMinusTests {
    @Test func anExpressionMayStartWithAMinus() {
        let run = optrace("grad", "-x^2", "--at", "x=3")
        #expect(run.code == 0, "\(run.stderr)")
        #expect(run.stdout.contains("f = -9.0000   ∂f/∂x = -6.0000"))
        let after = optrace("grad", "--at", "x=3", "-(x-1)^2", "--json")
        #expect(after.code == 0, "\(after.stderr)")
        #expect(after.stdout.range(of: #""value" ?: ?-4"#, options: .regularExpression) != nil, "\(after.stdout)")
        let unknown = optrace("grad", "x^2", "--bogus")
        #expect(unknown.code == 2 && unknown.stderr.hasPrefix("optrace: unknown option '--bogus'"))
    }

    @Test func negativeNumbersReachTheirRangeCheck() {
        let tail = optrace("race", "--tail", "-5", "--no-render")
        #expect(tail.code == 2 && tail.stderr.hasPrefix("optrace: --tail: expected a whole number ≥ 1, found -5"), "\(tail.stderr)")
        let seed = optrace("race", "--seed", "-1")
        #expect(seed.code == 2 && seed.stderr.hasPrefix("optrace: --seed: expected a whole number from 0 to 18446744073709551615, found -1"))
    }
}

/// A disagreement between autodiff and central differences is explained by the node that causes it.
@Suite struct GradientDisagreementTests {
    func why(_ arguments: String...) -> String {
        let run = optrace(["grad"] + arguments)
        guard let range = run.stdout.range(of: "Why they disagree:\n") else { return "" }
        return String(run.stdout[range.upperBound...].prefix { $0 != "\n" })
    }

    @Test func kinksAndUndefinedPointsAreNamed() {
        #expect(why("max(x,y)", "--at", "x=1,y=1") == "  n2 = max(x, y) has equal arguments (x = 1, y = 1): a kink, where autodiff takes one side's slope and the central difference averages both")
        #expect(why("log(x)", "--at", "x=0") == "  n1 = log(x) is -inf at x = 0: f is not defined there, so neither gradient means anything")
        #expect(why("sqrt(x)", "--at", "x=0") == "  n1 = sqrt(x) has an infinite slope at x = 0: f is not differentiable there")
        #expect(why("min(x,2*y)", "--at", "x=2,y=1").contains("min(x, n"))
    }

    @Test func agreementPrintsNoReason() {
        let run = optrace("grad", "x^2*y", "--at", "x=1,y=2")
        #expect(run.code == 0 && !run.stdout.contains("Why they disagree"))
    }
}
