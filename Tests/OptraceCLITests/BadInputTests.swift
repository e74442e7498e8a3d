import Foundation
import Testing
@testable import OptraceCLI
import OptraceTestSupport

/// Bad input: one line naming the file, key path and line:column, exit code 2, nothing written.
@Suite struct BadInputTests {
    static let valid = ValleyScenario.yaml(
        steps: 50, noise: "{sigma: 0.2, seed: 1}",
        racers: ["{name: SGD, optimizer: sgd, lr: 1.6}", "{name: Adam, optimizer: adam, lr: 0.3}"])

    /// Runs a race on `yaml` and returns stderr, checking exit code 2 and that nothing was written.
    func refuse(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let path = scenarioFile(yaml)
        let out = temporaryFolder() + "/out"
        let run = optrace("race", path, "--out", out)
        #expect(run.code == 2, "exit code", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, "stdout: \(run.stdout)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: out), "wrote \(out)", sourceLocation: sourceLocation)
        #expect(!run.stderr.contains("Fatal") && !run.stderr.contains("Stack"), sourceLocation: sourceLocation)
        return run.stderr.replacingOccurrences(of: path, with: "FILE")
    }

    func edited(_ from: String, _ to: String) -> String {
        precondition(Self.valid.contains(from))
        return Self.valid.replacingOccurrences(of: from, with: to)
    }

    @Test func theValidScenarioRuns() {
        let out = temporaryFolder()
        #expect(optrace("race", scenarioFile(Self.valid), "--out", out, "--quiet", "--no-render").code == 0)
    }

    @Test func yamlSyntaxError() {
        let e = refuse(edited("start: [10, 4]", "start: [10, 4"))
        #expect(e.hasPrefix("optrace: FILE:7:"))
        #expect(e.contains("YAML syntax error"))
    }

    @Test func unknownKeyWithSuggestion() {
        #expect(refuse(edited("steps: 50", "stpes: 50")) == "optrace: FILE:7:1: stpes: unknown key 'stpes' (did you mean 'steps'?); expected one of 'name', 'title', 'description', 'surface', 'start', 'steps', 'noise', 'racers', 'checkpoints', 'threshold'\n")
    }

    @Test func wrongType() {
        #expect(refuse(edited("steps: 50", "steps: many")) == "optrace: FILE:7:8: steps: expected a whole number of steps from 1 to 10000000, found many\n")
    }

    @Test func missingKey() {
        #expect(refuse(edited("start: [10, 4]\n", "")) == "optrace: FILE:1:1: start: missing key 'start' (expected [x, y])\n")
    }

    @Test func unknownOptimizer() {
        #expect(refuse(edited("optimizer: adam", "optimizer: adma")) == "optrace: FILE:11:29: racers[1].optimizer: unknown optimizer 'adma' (did you mean 'adam'?); expected one of sgd, momentum, adam, adamw, adam_nobias, adamax, nadam, radam, adagrad, rmsprop, adadelta, lion\n")
    }

    @Test func parameterTheOptimizerDoesNotTake() {
        #expect(refuse(edited("lr: 1.6}", "lr: 1.6, beta: 0.9}")) == "optrace: FILE:10:42: racers[0].beta: optimizer 'sgd' has no parameter 'beta'; it takes lr, momentum, dampening, nesterov, weight_decay\n")
    }

    @Test func unknownTerm() {
        let e = refuse(edited("- valley:", "- valey:"))
        #expect(e.hasPrefix("optrace: FILE:4:7: surface.terms[0]: unknown term 'valey' (did you mean 'valley'?)"))
    }

    @Test func expressionSyntaxErrorWithCaret() {
        let e = refuse(edited("terms:\n    - valley: {curvatures: [0.1, 1.0]}", "expr: \"0.5*(x^2 + y^2\""))
        #expect(e.hasPrefix("optrace: FILE:3:"))
        #expect(e.contains("surface.expr:"))
        let lines = e.split(separator: "\n")
        #expect(lines.count == 3 && lines[1] == "0.5*(x^2 + y^2" && lines[2].hasSuffix("^"))
    }

    @Test func unknownFunctionInExpression() {
        let e = refuse(edited("terms:\n    - valley: {curvatures: [0.1, 1.0]}", "expr: \"sinh(x) + y^2\""))
        #expect(e.hasPrefix("optrace: FILE:3:10: surface.expr: unknown function 'sinh'"))
    }

    @Test func undefinedVariable() {
        let e = refuse(edited("terms:\n    - valley: {curvatures: [0.1, 1.0]}", "expr: \"x^2 + z^2\""))
        #expect(e.hasPrefix("optrace: FILE:3:16: surface.expr: undefined variable 'z'"))
    }

    @Test func nanInfAndNegativeNumbers() {
        #expect(refuse(edited("lr: 1.6", "lr: .nan")).hasSuffix("racers[0].lr: expected a finite number > 0, found NaN\n"))
        #expect(refuse(edited("lr: 1.6", "lr: -1.6")).hasSuffix("racers[0].lr: expected a finite number > 0, found -1.6\n"))
        #expect(refuse(edited("lr: 0.3", "lr: .inf")).hasSuffix("racers[1].lr: expected a finite number > 0, found infinity\n"))
        #expect(refuse(edited("sigma: 0.2", "sigma: -0.2")).hasSuffix("noise.sigma: expected σ ≥ 0, found -0.2\n"))
        #expect(refuse(edited("steps: 50", "steps: -50")).hasSuffix("steps: expected a whole number of steps from 1 to 10000000, found -50\n"))
        #expect(refuse(edited("steps: 50", "steps: 0")).hasSuffix("found 0\n"))
    }

    @Test func malformedStart() {
        #expect(refuse(edited("start: [10, 4]", "start: [10]")) == "optrace: FILE:6:8: start: expected [x, y], two finite numbers, found a list\n")
        #expect(refuse(edited("start: [10, 4]", "start: [10, abc]")).hasSuffix("start[1]: expected a finite number, found abc\n"))
    }

    @Test func duplicateRacerNamesAndKeys() {
        #expect(refuse(edited("name: Adam", "name: SGD")).contains("two racers are called 'SGD'"))
        #expect(refuse(edited("steps: 50", "steps: 50\nsteps: 60")).contains("key 'steps' appears twice"))
    }

    @Test func checkpointsOutsideTheRace() {
        #expect(refuse(Self.valid + "\ncheckpoints: [10, 60]").hasSuffix("checkpoints[1]: expected a step from 1 to 50 (the scenario's steps), found 60\n"))
    }

    @Test func badDomain() {
        #expect(refuse(edited("x: [-6, 12]", "x: [12, -6]")).hasSuffix("surface.domain.x: expected [lo, hi] with lo < hi, found [12, -6]\n"))
    }

    @Test func missingAndUnreadableFiles() {
        let run = optrace("race", "/nonexistent/scenario.yaml")
        #expect(run.code == 2 && run.stderr == "optrace: /nonexistent/scenario.yaml: no such file\n")
        let folder = temporaryFolder()
        let dir = optrace("race", folder + "/")
        #expect(dir.code == 2 && dir.stderr.contains("is a folder"))
    }

    @Test func unwritableOutputFolder() {
        let blocker = scenarioFile("not a folder", name: "file")
        let run = optrace("race", "--out", blocker + "/results")
        #expect(run.code == 2)
        #expect(run.stderr.hasPrefix("optrace: \(blocker)/results: '\(blocker)' exists and is not a folder"))
        #expect(run.stdout.isEmpty)
    }

    @Test func badArguments() {
        let steps = optrace("race", "--steps", "-5")
        #expect(steps.code == 2 && steps.stderr.split(separator: "\n").count == 1)
        #expect(steps.stderr.contains("--steps"))
        let seed = optrace("race", "--seed", "x")
        #expect(seed.code == 2 && seed.stderr.split(separator: "\n").count == 1)
    }

    // MARK: The optimizer zoo, schedules and clipping

    @Test func contradictoryOptionsAsTorchRaises() {
        #expect(refuse(edited("lr: 1.6}", "lr: 1.6, nesterov: true}")) == "optrace: FILE:10:52: racers[0].nesterov: Nesterov momentum requires momentum > 0, found momentum 0\n")
        #expect(refuse(edited("lr: 1.6}", "lr: 1.6, momentum: 0.9, dampening: 0.1, nesterov: true}")) == "optrace: FILE:10:83: racers[0].nesterov: Nesterov momentum requires dampening 0, found dampening 0.1\n")
    }

    @Test func betasGivenInBothForms() {
        #expect(refuse(edited("lr: 0.3}", "lr: 0.3, betas: [0.9, 0.99], beta2: 0.9}")) == "optrace: FILE:11:71: racers[1].beta2: 'beta2' and 'betas' both given; give either 'betas' or 'beta1'/'beta2'\n")
    }

    @Test func outOfRangeOptimizerParameters() {
        #expect(refuse(edited("lr: 0.3}", "lr: 0.3, betas: [0.9, 1.0]}")).hasSuffix("racers[1].betas: expected two numbers, each a number in [0, 1), found [0.9, 1]\n"))
        #expect(refuse(edited("lr: 0.3}", "lr: 0.3, beta1: 1.5}")).hasSuffix("racers[1].beta1: expected a number in [0, 1), found 1.5\n"))
        #expect(refuse(edited("lr: 0.3}", "lr: 0.3, eps: -1e-8}")).hasSuffix("racers[1].eps: expected a finite number ≥ 0, found -1e-08\n"))
        #expect(refuse(edited("lr: 0.3}", "lr: 0.3, weight_decay: -0.1}")).hasSuffix("racers[1].weight_decay: expected a finite number ≥ 0, found -0.1\n"))
        #expect(refuse(edited("optimizer: adam, lr: 0.3}", "optimizer: adadelta, rho: 1.1}")) == "optrace: FILE:11:44: racers[1].rho: expected a number in [0, 1], found 1.1\n")
        #expect(refuse(edited("optimizer: adam, lr: 0.3}", "optimizer: rmsprop, alpha: -0.1}")).hasSuffix("racers[1].alpha: expected a number in [0, 1], found -0.1\n"))
        #expect(refuse(edited("optimizer: adam, lr: 0.3}", "optimizer: momentum, convention: nesterov}")).hasSuffix("racers[1].convention: expected one of pytorch, classic, found nesterov\n"))
    }

    @Test func parameterOfAnotherOptimizerNamesThePairForms() {
        #expect(refuse(edited("lr: 0.3}", "lr: 0.3, beta: 0.9}")) == "optrace: FILE:11:44: racers[1].beta: optimizer 'adam' has no parameter 'beta' (did you mean 'betas'?); it takes lr, betas (or beta1, beta2), eps, weight_decay, amsgrad\n")
    }

    @Test func unknownScheduleType() {
        #expect(refuse(edited("lr: 0.3}", "lr: 0.3, schedule: {type: cosin, decay_steps: 50}}")) == "optrace: FILE:11:61: racers[1].schedule.type: unknown schedule type 'cosin' (did you mean 'cosine'?); expected one of constant, step, exponential, cosine, linear_warmup, warmup_cosine\n")
        #expect(refuse(edited("lr: 0.3}", "lr: 0.3, schedule: {decay_steps: 10}}")).hasSuffix("racers[1].schedule.type: missing key 'type' (expected one of constant, step, exponential, cosine, linear_warmup, warmup_cosine)\n"))
    }

    @Test func scheduleMissingOrBadKeys() {
        #expect(refuse(edited("lr: 0.3}", "lr: 0.3, schedule: {type: cosine}}")) == "optrace: FILE:11:54: racers[1].schedule.decay_steps: missing key 'decay_steps' (expected a whole number ≥ 1: updates to reach the floor; schedule 'cosine' takes decay_steps, alpha)\n")
        #expect(refuse(edited("lr: 0.3}", "lr: 0.3, schedule: {type: warmup_cosine, warmup_steps: 20, decay_steps: 10}}")).hasSuffix("racers[1].schedule.decay_steps: expected decay_steps > warmup_steps (20), found 10\n"))
        #expect(refuse(edited("lr: 0.3}", "lr: 0.3, schedule: {type: step, step_size: 0, gamma: 0.5}}")).hasSuffix("racers[1].schedule.step_size: expected a whole number ≥ 1 (at most 10000000), found 0\n"))
        #expect(refuse(edited("lr: 0.3}", "lr: 0.3, schedule: {type: step, step_size: 10, gama: 0.5}}")).hasSuffix("racers[1].schedule.gama: unknown key 'gama' (did you mean 'gamma'?); expected one of 'type', 'step_size', 'gamma'\n"))
    }

    @Test func clipThresholdsMustBePositive() {
        #expect(refuse(edited("lr: 0.3}", "lr: 0.3, clip_norm: 0}")) == "optrace: FILE:11:55: racers[1].clip_norm: expected a clipping threshold > 0, found 0\n")
        #expect(refuse(edited("lr: 0.3}", "lr: 0.3, clip_value: -1}")).hasSuffix("racers[1].clip_value: expected a clipping threshold > 0, found -1\n"))
        #expect(refuse(edited("lr: 0.3}", "lr: 0.3, clip_value: 1, clip_norm: 1}")).hasSuffix("racers[1].clip_value: 'clip_norm' and 'clip_value' both given; give one of them\n"))
    }
}
