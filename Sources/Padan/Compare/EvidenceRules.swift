/// Which comparisons a pair's NIK comparison has already counted, so that Fellegi-Sunter (which
/// adds comparisons as if independent) counts each piece of evidence once.
///
/// - When both NIKs are within two edits and carry the same birth-date digits (or are one edit
///   apart, the edit among them), the NIK comparison
///   has counted the birth date and sex (sex is in the day digits). The columns can then only add
///   a contradiction (someone else's NIK typed in): agreement, a swapped day and month or a typo in
///   one column say nothing new and are not counted (nor a placeholder in the same year); `different`
///   and `within_a_year` still are.
/// - When the NIKs agree on region and birth date (exact, up to the serial, or up to a tail Excel
///   zeroed), household agreement is not independent evidence: twins and neighbours born the same
///   day share KK and address as often as the same person does. Household is not counted. When
///   they differ by one edit outside the serial, it counts: no twin or family member shares region,
///   birth date and serial but one digit, where someone lives is independent of a typo in the
///   district or date digits, and people born the same day in two districts with the same low
///   serial (common in dense lists) are told apart by their households.
///
/// The rules apply only where the NIK comparison takes part: in an EM session whose blocking rule
/// forced the NIKs to agree, the NIK comparison is left out and the others speak in full.
struct EvidenceRules: Sendable {
    static let nikCoversBirthDate: UInt8 = 1

    let nik: Int?
    let birthDate: Int?
    let sex: Int?
    let household: Int?

    init(_ comparisons: [Comparison]) {
        nik = comparisons.firstIndex { $0.comparator == .nik }
        birthDate = comparisons.firstIndex { $0.comparator == .birthDate }
        sex = comparisons.firstIndex { $0.comparator == .sex }
        household = comparisons.firstIndex { $0.comparator == .household }
    }

    /// Whether comparison `k` at `level` counts for a pair with `nikLevel` and `flags`.
    @inline(__always)
    func counts(_ k: Int, _ level: UInt8, nikLevel: UInt8, flags: UInt8) -> Bool {
        if level == ComparisonLevel.null { return false }
        if k == household { return !Self.nikSilencesHousehold(nikLevel) }
        if flags & Self.nikCoversBirthDate != 0 {
            if k == birthDate { return level == IndonesianLevel.BirthDate.different.rawValue || level == IndonesianLevel.BirthDate.withinAYear.rawValue }
            if k == sex { return level == IndonesianLevel.Sex.different.rawValue }
        }
        return true
    }

    /// Whether a NIK level says the NIKs share region and birth date, so that household agreement
    /// says nothing new (see above).
    @inline(__always)
    static func nikSilencesHousehold(_ nikLevel: UInt8) -> Bool {
        nikLevel == IndonesianLevel.NIK.exact.rawValue || nikLevel == IndonesianLevel.NIK.excelZeroedTail.rawValue
            || nikLevel == IndonesianLevel.NIK.oneEditInSerial.rawValue || nikLevel == IndonesianLevel.NIK.serialDiffers.rawValue
    }

    /// Sets to null the levels that do not count (when the NIK comparison takes part).
    func apply(_ levels: UnsafeMutableBufferPointer<UInt8>, flags: UInt8) {
        guard let nik else { return }
        let nikLevel = levels[nik]
        for k in 0 ..< levels.count where !counts(k, levels[k], nikLevel: nikLevel, flags: flags) {
            levels[k] = ComparisonLevel.null
        }
    }
}
