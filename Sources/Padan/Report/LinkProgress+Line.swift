extension LinkProgress {
    /// The progress line for this report, `elapsed` seconds into its stage: the stage, the share
    /// of it done when the stage can tell, and once it has run a second and done at least 1 %, the
    /// time left at its pace so far (`padan: compare 1162219 pairs: 45% (sisa sekitar 3 detik)...`).
    /// Stage names stay as the engine names them, as in `--verbose` timings.
    public func line(elapsed: Double, language: OutputLanguage = .indonesian) -> String {
        guard let f = fraction else { return "padan: \(stage)..." }
        var line = "padan: \(stage): \(Int(f * 100))%"
        if elapsed >= 1, f >= 0.01, f < 1 {
            let left = elapsed * (1 - f) / f
            let seconds = max(1, Int(left.rounded())), minutes = max(1, Int((left / 60).rounded()))
            switch language {
            case .indonesian: line += left < 60 ? " (sisa sekitar \(seconds) detik)" : " (sisa sekitar \(minutes) menit)"
            case .english: line += left < 60 ? " (about \(seconds) s left)" : " (about \(minutes) min left)"
            }
        }
        return line + "..."
    }
}
