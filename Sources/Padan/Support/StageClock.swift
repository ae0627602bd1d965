import Dispatch

/// Time spent in one stage.
public struct StageTiming: Codable, Sendable {
    public var stage: String
    public var seconds: Double

    public init(stage: String, seconds: Double) {
        self.stage = stage
        self.seconds = seconds
    }
}

/// Wall-clock time per stage.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var timings: [StageTiming] = []
    var progress: (@Sendable (LinkProgress) -> Void)?
    /// The stage last announced.
    private var current = ""

    init(progress: (@Sendable (LinkProgress) -> Void)? = nil) { self.progress = progress }

    /// Announces that `stage` starts.
    mutating func announce(_ stage: String) {
        current = stage
        progress?(LinkProgress(stage: stage))
    }

    /// Ends the stage `stage`, and announces `next` if given.
    mutating func lap(_ stage: String, next: String? = nil) {
        let now = DispatchTime.now().uptimeNanoseconds
        timings.append(StageTiming(stage: stage, seconds: Double(now - last) / 1e9))
        last = now
        if let next { announce(next) }
    }

    /// A meter for the stage last announced, over `total` units of work; nil without a progress
    /// display.
    func meter(total: Int) -> ProgressMeter? {
        progress.map { ProgressMeter(stage: current, total: total, report: $0) }
    }
}
