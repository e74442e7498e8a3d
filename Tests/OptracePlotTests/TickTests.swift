import Testing
@testable import OptracePlot

@Suite struct TickTests {
    @Test func niceStepsAreOneTwoFive() {
        #expect(TickLocator.niceStep(span: 18, target: 9) == 2)
        #expect(TickLocator.niceStep(span: 18, target: 6) == 5)
        #expect(TickLocator.niceStep(span: 1, target: 5) == 0.2)
        #expect(TickLocator.niceStep(span: 0.07, target: 7) == 0.01)
    }

    @Test func linearTicksCoverTheRangeWithCleanLabels() {
        let t = TickLocator.linear(0...1, target: 5)
        #expect(t.map(\.label) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        let x = TickLocator.linear(-6...12, target: 9)
        #expect(x.map(\.label) == ["−6", "−4", "−2", "0", "2", "4", "6", "8", "10", "12"])
        #expect(x.map(\.value).first == -6)
        let y = TickLocator.linear(-5...5, target: 5)
        #expect(y.map(\.label) == ["−4", "−2", "0", "2", "4"])
    }

    @Test func formatterDropsTrailingZerosAndUsesTrueMinus() {
        #expect(TickFormatter.format(0.30000000000000004, step: 0.1) == "0.3")
        #expect(TickFormatter.format(-2.5, step: 0.5) == "−2.5")
        #expect(TickFormatter.format(-0.0000001, step: 1) == "0")
        #expect(TickFormatter.format(1500, step: 500) == "1500")
        #expect(TickFormatter.plain(2.50, decimals: 3) == "2.5")
    }

    @Test func logTicksAreDecadesWithMinorSubticks() {
        let t = TickLocator.log(0.001...100)
        #expect(t.filter(\.isMajor).map(\.label) == ["10⁻³", "0.01", "0.1", "1", "10", "100"])
        #expect(t.filter { !$0.isMajor }.count == 5 * 8)
        #expect(t.filter { !$0.isMajor }.allSatisfy { $0.label.isEmpty })
        let tiny = TickLocator.log(1e-6...1e-4)
        #expect(tiny.filter(\.isMajor).map(\.label) == ["10⁻⁶", "2×10⁻⁶", "5×10⁻⁶", "10⁻⁵", "2×10⁻⁵", "5×10⁻⁵", "10⁻⁴"])
    }

    @Test func shortLogRangesLabelTwoAndFiveSubticks() {
        let t = TickLocator.log(0.5...3)
        #expect(t.filter(\.isMajor).map(\.label) == ["0.5", "1", "2"])
        // Less than a factor of 2: falls back to linear ticks.
        let narrow = TickLocator.log(1.1...1.9)
        #expect(narrow.allSatisfy { $0.isMajor })
        #expect(narrow.count >= 2)
    }

    @Test func lossLabels() {
        #expect(TickFormatter.loss(1.25187) == "1.252")
        #expect(TickFormatter.loss(0.0199) == "0.01990")
        #expect(TickFormatter.loss(-42) == "−42.00")
        #expect(TickFormatter.loss(0.00001234) == "1.234e−5")
        #expect(TickFormatter.loss(123456) == "1.235e5")
        #expect(TickFormatter.loss(.nan) == "—")
        #expect(TickFormatter.formatLog(2e5) == "2×10⁵")
    }
}
