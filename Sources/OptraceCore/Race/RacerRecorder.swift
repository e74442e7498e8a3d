/// Collects one racer's `RacerTrajectory` step by step, keeping what a `TrajectoryRecording` asks for.
///
/// A strided recorder keeps positions and losses at multiples of the stride and, exactly, at
/// the checkpoints, at the last two steps seen and at the first step below the threshold.
struct RacerRecorder {
    let stride: Int
    private var positions: [Vec2] = []
    private var losses: [Double] = []
    private var gradients: [Vec2] = []
    private var noise: [Vec2] = []
    private let checkpoints: [Int]
    private var nextCheckpoint = 0
    private let threshold: Double
    private var firstBelow: Int?
    private var exact: [Int: RacerTrajectory.StepValue] = [:]
    /// Steps until the next kept point.
    private var countdown = 0
    private var previous: (step: Int, value: RacerTrajectory.StepValue)?
    private var latest: (step: Int, value: RacerTrajectory.StepValue)?

    init(_ recording: TrajectoryRecording, setup: RaceSetup) {
        stride = recording.stride
        checkpoints = setup.checkpoints
        threshold = setup.threshold
        let kept = setup.steps / stride + 2
        positions.reserveCapacity(kept)
        losses.reserveCapacity(kept)
        if stride == 1 {
            gradients.reserveCapacity(kept)
            noise.reserveCapacity(kept)
        }
    }

    /// Step `t` (0 first, then 1, 2, … in order).
    @inline(__always)
    mutating func record(_ t: Int, position: Vec2, loss: Double, gradient: Vec2, noise xi: Vec2) {
        if stride == 1 {
            positions.append(position); losses.append(loss); gradients.append(gradient); noise.append(xi)
            return
        }
        if countdown == 0 {
            positions.append(position); losses.append(loss)
            countdown = stride
        }
        countdown -= 1
        let value = RacerTrajectory.StepValue(position: position, loss: loss)
        if nextCheckpoint < checkpoints.count && checkpoints[nextCheckpoint] == t {
            exact[t] = value
            nextCheckpoint += 1
        }
        if firstBelow == nil && loss < threshold { firstBelow = t }
        previous = latest
        latest = (t, value)
    }

    /// The record of a racer that ended with `status`.
    func finish(_ racer: Racer, status: RacerStatus) -> RacerTrajectory {
        if stride == 1 {
            return RacerTrajectory(
                racer: racer, positions: positions, losses: losses, gradients: gradients, noise: noise, status: status)
        }
        var positions = self.positions, losses = self.losses, exact = self.exact
        var lastStep = 0
        if let latest {
            lastStep = latest.step
            if lastStep % stride != 0 { positions.append(latest.value.position); losses.append(latest.value.loss) }
        }
        if let previous { exact[previous.step] = previous.value }
        return RacerTrajectory(
            racer: racer, positions: positions, losses: losses, gradients: [], noise: [], status: status,
            stride: stride, lastStep: lastStep, exact: exact, crossing: (threshold, firstBelow))
    }
}
