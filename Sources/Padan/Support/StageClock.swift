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
    var progress: (@Sendable (String) -> Void)?

    init(progress: (@Sendable (String) -> Void)? = nil) { self.progress = progress }

    /// Ends the stage `stage`, and announces `next` if given.
    mutating func lap(_ stage: String, next: String? = nil) {
        let now = DispatchTime.now().uptimeNanoseconds
        timings.append(StageTiming(stage: stage, seconds: Double(now - last) / 1e9))
        last = now
        if let next { progress?(next) }
    }
}
