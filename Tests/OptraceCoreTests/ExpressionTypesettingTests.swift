import Testing
@testable import OptraceCore

private func typeset(_ source: String) throws -> String {
    try Expression(parsing: source).typeset
}

@Test func typesetTheDefaultSurface() throws {
    #expect(try typeset("0.5 * (0.1 * x^2 + 1 * y^2)") == "0.5(0.1x² + y²)")
    #expect(try typeset("1.5 * exp(-((x - 3)^2 + (y - 0.2)^2) / (2 * 0.8^2))")
        == "1.5·exp(−((x − 3)² + (y − 0.2)²)/(2·0.8²))")
}

@Test func typesetPowersProductsAndSymbols() throws {
    #expect(try typeset("x^2 + y^3 - x^10") == "x² + y³ − x¹⁰")
    #expect(try typeset("x^-1") == "x⁻¹")
    #expect(try typeset("x^0.5 + x^(1/3)") == "x^0.5 + x^(1/3)")
    #expect(try typeset("(-2)^2") == "(−2)²")
    #expect(try typeset("2 * pi * x") == "2πx")
    #expect(try typeset("x * y") == "xy")
    #expect(try typeset("-1 * x + 3 * x^2 * y") == "−x + 3x²y")
    #expect(try typeset("x * 2") == "x·2")
    #expect(try typeset("2 * 3") == "2·3")
    #expect(try typeset("sqrt(x^2 + y^2)") == "√(x² + y²)")
    #expect(try typeset("1 - cos(2 * pi * x) / 4") == "1 − cos(2πx)/4")
    #expect(try typeset("-x - (y - 1)") == "−x − (y − 1)")
    #expect(try typeset("(x + 1) * (y - 1)") == "(x + 1)·(y − 1)")
    #expect(try typeset("max(x, -y) + e") == "max(x, −y) + e")
}

@Test func typesetNamesEveryBuiltInTermReadably() throws {
    let surface = try ScenarioLoader.parse(yaml: """
        name: t
        surface: {terms: [valley: {curvatures: [0.1, 1.0]}, bump: {center: [3, 0.2], height: 1.5, width: 0.8}]}
        start: [1, 1]
        steps: 1
        racers: [{name: A, optimizer: sgd, lr: 0.1}]
        """, file: "t.yaml").surface
    #expect(surface.typesetFormula == "0.5(0.1x² + y²) + 1.5·exp(−((x − 3)² + (y − 0.2)²)/(2·0.8²))")
}
