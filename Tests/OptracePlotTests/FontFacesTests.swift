import Dispatch
import Foundation
import Testing
@testable import OptracePlot

@Suite struct FontFacesTests {
    /// Faces created on some threads while others release theirs: Cairo calls the release callback with its font
    /// mutex held, so `FontFaces` must never call into Cairo while holding its own lock.
    @Test func facesAreCreatedAndReleasedConcurrentlyWithoutDeadlock() {
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: 4) { worker in
                if worker % 2 == 0 {
                    // New faces all the time (every canvas loads its own), each used once and dropped.
                    for i in 0..<400 {
                        let canvas = CairoCanvas(pixelWidth: 40, pixelHeight: 20, scale: 1)
                        canvas.text("\(i)", x: 2, y: 14, TextStyle(size: 6 + Double(i % 30), bold: i % 2 == 0))
                    }
                } else {
                    // One canvas cycling through sizes: each change drops scaled fonts, which releases faces.
                    let canvas = CairoCanvas(pixelWidth: 40, pixelHeight: 20, scale: 1)
                    for i in 0..<4000 {
                        canvas.text("\(i)", x: 2, y: 14, TextStyle(size: 6 + Double(i % 97) / 3, bold: i % 3 == 0))
                    }
                }
            }
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 60) == .success, "font faces deadlocked")
    }
}
