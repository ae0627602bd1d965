/// Estimates a ``MatchModel`` without labels: u from random pairs (and, for the NIK's
/// near-agreement levels, from the NIKs' actual neighbourhoods), m by EM sessions on the pairs of
/// each blocking rule, and the prior from the expected number of matches.
struct ModelTrainer {
    let settings: TrainingSettings
    let comparer: Comparer
    let rules: EvidenceRules
    let data: CompareData
    let pairScope: PairScopeIndex
    /// The kind of pair this trainer learns, when the run trains each kind apart (for the stage
    /// names); nil otherwise.
    var kind: String? = nil

    /// A training step's stage name.
    private func stage(_ step: String) -> String { "train\(kind.map { " (\($0))" } ?? ""): \(step)" }

    /// u per comparison and level from `settings.uSamplePairs` random allowed pairs. Sample `i` is
    /// a pure function of (seed, i), so the estimate does not depend on the thread count.
    func randomPairU(meter: ProgressMeter? = nil) -> (u: [[Double]], sampled: Int) {
        let c = settings.comparisons.count
        let n = data.records.count
        let samples = uSamples
        let chunkSize = Self.uChunk
        let chunks = (samples + chunkSize - 1) / chunkSize
        // The pairs first, each from its own seeded generator, then compared in order of their
        // first record: the counts are the same whatever the order, and the records are read
        // from memory in order on one side instead of at random on both.
        var ordered = [UInt64](repeating: 0, count: samples)
        ordered.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeSendable(buffer)
            Parallel.forEach(count: samples, threads: settings.threads, minChunk: chunkSize) { range in
                for i in range {
                    var rng = SplitMix64(seed: settings.seed ^ (UInt64(i) &* 0x9E37_79B9_7F4A_7C15))
                    var a = 0, b = 0
                    repeat {
                        a = Int(rng.next() % UInt64(n))
                        b = Int(rng.next() % UInt64(n))
                    } while a == b || !pairScope.allowed(a, b)
                    out.value[i] = UInt64(min(a, b)) << 32 | UInt64(max(a, b))
                }
            }
        }
        ordered.sort()
        let counts = Parallel.map(count: chunks, threads: settings.threads, minChunk: 1, meter: meter) { range -> [[Int]] in
            var counts = settings.comparisons.map { [Int](repeating: 0, count: $0.levels.count) }
            var levels = [UInt8](repeating: 0, count: c)
            for chunk in range {
                for i in chunk * chunkSize ..< min(samples, (chunk + 1) * chunkSize) {
                    let a = Int(ordered[i] >> 32), b = Int(ordered[i] & 0xFFFF_FFFF)
                    levels.withUnsafeMutableBufferPointer {
                        let flags = comparer.levels(data, a, b, into: $0)
                        rules.apply($0, flags: flags)
                    }
                    for k in 0 ..< c where levels[k] != ComparisonLevel.null { counts[k][Int(levels[k])] += 1 }
                }
            }
            return counts
        }
        var total = settings.comparisons.map { [Int](repeating: 0, count: $0.levels.count) }
        for part in counts { for k in 0 ..< c { for l in 0 ..< total[k].count { total[k][l] += part[k][l] } } }
        let u = total.map { levels -> [Double] in
            let sum = Double(levels.reduce(0, +))
            // A level never seen among the random pairs gets half a pair's worth of probability.
            return levels.map { sum == 0 ? 1.0 / Double(levels.count) : max(Double($0), 0.5) / max(sum, 1) }
        }
        return (u, samples)
    }

    /// The random pairs ``randomPairU(meter:)`` draws, in chunks of ``uChunk`` (its meter counts
    /// chunks).
    var uSamples: Int { min(settings.uSamplePairs, max(0, pairScope.totalPairs)) }
    static let uChunk = 16384

    /// Exact-neighbourhood u for the NIK levels `excel_zeroed_tail`, `one_edit`,
    /// `one_edit_in_serial` and `serial_differs`. Random pairs almost never land on these levels,
    /// yet they are exactly where different people meet (twins, neighbours born the same day in
    /// the same district, people whose birthdays are a day apart with the same serial), so their u
    /// is measured rather than floored: for up to `sampleSize` records with a 16-digit NIK, every
    /// allowed record whose NIK shares the first 12 digits, or is one substitution or adjacent
    /// transposition away outside the serial, is found through hash tables and its level counted.
    /// Returns per-level probabilities among pairs of 16-digit NIKs and the number of pairs they
    /// stand for (nil where nothing was sampled).
    ///
    /// Among the sampled pairs at `serial_differs` (region and birth date shared, the serial not a
    /// typo away: different people), the name's levels are counted too: `nameU` is their
    /// distribution, the u of ``MatchModel/Comparison/uGivenNIKPrefix`` (nil with fewer than
    /// ``minimumNamePairs`` such pairs or no name comparison).
    func nikNeighbourhoodU(sampleSize: Int = 20_000) -> Neighbourhood? {
        nikNeighbourhoods(sampleSize: sampleSize, eachKind: false)[0]
    }

    /// What ``nikNeighbourhoodU(sampleSize:)`` measures.
    struct Neighbourhood {
        var u: [Double]
        var pairs: Int
        var nameU: [Double]?
        var namePairs: Int
    }

    /// The NIK neighbourhoods in one pass: with `eachKind` (scope `.all` only), the pairs across
    /// lists and those within one list counted apart, `[across, within]`, each exactly what a
    /// trainer scoped to that kind measures (the same sample, the same partners); else `[all]`.
    func nikNeighbourhoods(sampleSize: Int = 20_000, eachKind: Bool) -> [Neighbourhood?] {
        precondition(!eachKind || pairScope.scope == .all)
        let groups = eachKind ? 2 : 1
        let records = data.records
        var usablePerList = [Int](repeating: 0, count: pairScope.listSizes.count)
        for (i, r) in records.enumerated() where r.nikUsable16 { usablePerList[Int(pairScope.listOf[i])] += 1 }
        let usable = usablePerList.reduce(0, +)
        guard usable > 1 else { return [Neighbourhood?](repeating: nil, count: groups) }
        // The two indexes are independent: build them at once.
        let indexes = Parallel.map(count: 2, threads: settings.threads, minChunk: 1) { range in
            range.map { which -> ChainedIndex in
                var index = ChainedIndex()
                index.reserve(usable)
                for (i, r) in records.enumerated() where r.nikUsable16 {
                    index.insert(BlockingKeys.digitsHash(r.nik, 0 ..< (which == 0 ? 16 : 12)), UInt32(i))
                }
                return index
            }
        }.flatMap { $0 }
        let full = indexes[0], prefix = indexes[1]
        // The sample: the first `wanted` records with a usable NIK in a seeded random order.
        var sample: [Int] = []
        let wanted = min(sampleSize, usable)
        sample.reserveCapacity(wanted)
        var attempt: UInt64 = 0
        while sample.count < wanted && attempt < UInt64(wanted) * 64 {
            var rng = SplitMix64(seed: settings.seed &+ 0x51ED &+ attempt)
            attempt += 1
            let a = Int(rng.next() % UInt64(records.count))
            if records[a].nikUsable16 { sample.append(a) }
        }
        let levelCount = IndonesianLevel.NIK.allCases.count
        let namePlan = comparer.namePosition.map { comparer.plans[$0] }
        let nameLevelCount = IndonesianLevel.Name.allCases.count
        // Integer counts per chunk, summed: the same totals for any thread count.
        // Per group: level counts, partners, name counts.
        let parts = Parallel.map(count: sample.count, threads: settings.threads, minChunk: 256) { range -> [([Int], Int, [Int])] in
            var counts = [[Int]](repeating: [Int](repeating: 0, count: levelCount), count: groups)
            var nameCounts = [[Int]](repeating: [Int](repeating: 0, count: nameLevelCount), count: groups)
            var partners = [Int](repeating: 0, count: groups)
            for a in sample[range] {
                let ra = records[a]
                let list = Int(pairScope.listOf[a])
                switch pairScope.scope {
                case .acrossLists: partners[0] += usable - usablePerList[list]
                case .withinLists: partners[0] += usablePerList[list] - 1
                case .all where eachKind:
                    partners[0] += usable - usablePerList[list]
                    partners[1] += usablePerList[list] - 1
                case .all: partners[0] += usable - 1
                }
                func count(_ b: Int) {
                    guard b != a, pairScope.allowed(a, b) else { return }
                    let g = eachKind && pairScope.listOf[b] == pairScope.listOf[a] ? 1 : 0
                    let rb = records[b]
                    let level = Comparer.nikLevel16(ra, rb)
                    counts[g][Int(level)] += 1
                    if level == IndonesianLevel.NIK.serialDiffers.rawValue, let namePlan {
                        let name = comparer.name(data, ra, rb, min(a, b), max(a, b), namePlan)
                        if name != ComparisonLevel.null { nameCounts[g][Int(name)] += 1 }
                    }
                }
                prefix.forEach(BlockingKeys.digitsHash(ra.nik, 0 ..< 12)) { count(Int($0)) }
                var variant = ra.nik
                for p in 0 ..< 12 {
                    let original = variant[p]
                    for d in UInt8(48) ... 57 where d != original {
                        variant[p] = d
                        full.forEach(BlockingKeys.digitsHash(variant, 0 ..< 16)) { count(Int($0)) }
                    }
                    variant[p] = original
                    let next = variant[p + 1]
                    if original != next {
                        variant[p] = next
                        variant[p + 1] = original
                        full.forEach(BlockingKeys.digitsHash(variant, 0 ..< 16)) { count(Int($0)) }
                        variant[p] = original
                        variant[p + 1] = next
                    }
                }
            }
            return (0 ..< groups).map { (counts[$0], partners[$0], nameCounts[$0]) }
        }
        return (0 ..< groups).map { g -> Neighbourhood? in
            var counts = [Int](repeating: 0, count: levelCount)
            var nameCounts = [Int](repeating: 0, count: nameLevelCount)
            var partners = 0
            for part in parts {
                let (c, p, n) = part[g]
                for l in 0 ..< levelCount { counts[l] += c[l] }
                for l in 0 ..< nameLevelCount { nameCounts[l] += n[l] }
                partners += p
            }
            guard partners > 0 else { return nil }
            let namePairs = nameCounts.reduce(0, +)
            let nameU = namePlan == nil || namePairs < Self.minimumNamePairs
                ? nil : nameCounts.map { max(Double($0), 0.5) / Double(namePairs) }
            // A level never seen gets half a pair's worth, as with random pairs.
            return Neighbourhood(u: counts.map { max(Double($0), 0.5) / Double(partners) }, pairs: partners, nameU: nameU, namePairs: namePairs)
        }
    }

    /// Allowed pairs of records that both have a usable 16-digit NIK.
    func nikPairCount() -> Double {
        var perList = [Double](repeating: 0, count: pairScope.listSizes.count)
        for (i, r) in data.records.enumerated() where r.nikUsable16 { perList[Int(pairScope.listOf[i])] += 1 }
        return pairScope.allowedPairs(perList: perList)
    }

    /// The fewest `serial_differs` pairs from which the name's u among NIK neighbours is taken.
    static let minimumNamePairs = 200

    /// Replaces the NIK's agreement levels (exact up to serial_differs) of `u` with the
    /// neighbourhood estimate, which stands for far more pairs than the random sample, and rescales
    /// the other levels so the row still sums to one.
    static func merge(nik neighbourhood: [Double], into u: [Double]) -> [Double] {
        let measured = 0 ... Int(IndonesianLevel.NIK.closeAgreement.rawValue)
        return replacing(Dictionary(uniqueKeysWithValues: measured.map { ($0, neighbourhood[$0]) }), in: u)
    }

    /// Whether a neighbourhood stands for enough pairs to replace the random pairs' u: in one of a
    /// handful of pairs (a list of a few records, where a level never seen still gets half a
    /// pair) the measured levels leave no room for the others.
    static func usable(_ neighbourhood: Neighbourhood) -> Bool {
        (0 ... Int(IndonesianLevel.NIK.closeAgreement.rawValue)).reduce(0) { $0 + neighbourhood.u[$1] } < 0.5
    }

    /// `u` with the levels of `measured` set to their measured shares (at least the floor) and the
    /// other levels rescaled so the row still sums to one.
    static func replacing(_ measured: [Int: Double], in u: [Double]) -> [Double] {
        let measuredMass = measured.values.reduce(0, +)
        let otherMass = u.indices.filter { measured[$0] == nil }.reduce(0) { $0 + u[$1] }
        return u.indices.map { l in
            if let share = measured[l] { return max(share, MatchModel.floor) }
            return otherMass > 0 ? u[l] * (1 - measuredMass) / otherMass : u[l]
        }
    }

    /// Among all allowed pairs whose two birth dates are both known, the shares with the same date
    /// (`exact`) and the same placeholder date (`exactPlaceholder`), counted from each list's
    /// dates rather than sampled: the same date is rare among random pairs (about 4 in 100,000 on
    /// a city's list), so the 300,000 random pairs held about a dozen, and a draw of one moved the
    /// level's weight by 3.6 bits. Nil when fewer than two records have a date.
    func sameBirthDateShares() -> (exact: Double, placeholder: Double, pairs: Double)? {
        let lists = pairScope.listSizes.count
        // Per date, its records in each list (a key of date and list, counted after a sort).
        var keys: [UInt64] = []
        keys.reserveCapacity(data.records.count)
        var known = [Double](repeating: 0, count: lists)
        for (i, r) in data.records.enumerated() where r.birthDate != 0 {
            let list = Int(pairScope.listOf[i])
            keys.append(UInt64(UInt32(bitPattern: r.birthDate)) << 32 | UInt64(list) << 1 | (r.dateFlags.contains(.placeholder) ? 1 : 0))
            known[list] += 1
        }
        keys.sort()
        let total = pairScope.allowedPairs(perList: known)
        guard total > 0 else { return nil }
        var exact = 0.0, placeholder = 0.0
        var perList = [Double](repeating: 0, count: lists)
        var i = 0
        while i < keys.count {
            let date = keys[i] >> 32
            var j = i
            for l in 0 ..< lists { perList[l] = 0 }
            var isPlaceholder = false
            while j < keys.count && keys[j] >> 32 == date {
                perList[Int(keys[j] >> 1 & 0x7FFF_FFFF)] += 1
                isPlaceholder = keys[j] & 1 == 1
                j += 1
            }
            let same = pairScope.allowedPairs(perList: perList)
            if isPlaceholder { placeholder += same } else { exact += same }
            i = j
        }
        return (exact / total, placeholder / total, total)
    }

    /// Learns m by one EM session per blocking rule over the candidate pairs that agree on that
    /// rule's key, each session updating only the comparisons the rule does not force to agree, and
    /// averages each comparison's m over the sessions that learned it.
    func trainM(levels: [UInt8], flags: [UInt8], agreement: [UInt32], u: [[Double]]) -> (m: [[Double]], sources: [[String]], warnings: [String]) {
        let c = settings.comparisons.count
        var sums = settings.comparisons.map { [Double](repeating: 0, count: $0.levels.count) }
        var sessions = [[String]](repeating: [], count: c)
        var warnings: [String] = []
        let start = settings.comparisons.map { $0.levels.map(\.startingM) }
        // One EM session per rule, all at once; their results are combined in rule order.
        let results = Parallel.map(count: settings.blocking.count, threads: settings.threads, minChunk: 1) { range in
            range.map { k -> (trainable: [Int], m: [[Double]], pairs: Double, lambda: Double)? in
                let rule = settings.blocking[k]
                let bit = UInt32(1) << UInt32(k)
                let trainable = Set((0 ..< c).filter { !settings.comparisons[$0].isForced(by: rule, sources: settings.sources) })
                // The comparisons the rule forced to agree take no part in the session at all (as in
                // Splink): within the rule's pairs their agreement says nothing about matches.
                let active = (0 ..< c).map { trainable.contains($0) }
                let nikActive = rules.nik.map { active[$0] } ?? false
                let em = ExpectationMaximization.patterns(
                    levels: levels, comparisonCount: c, active: active, flags: flags, rules: nikActive ? rules : nil
                ) { agreement[$0] & bit != 0 }
                let pairs = em.counts.reduce(0, +)
                guard pairs >= 50, !trainable.isEmpty else { return nil }
                // m and u both free within the session; only m is kept (u stays the random-pair one).
                let result = em.run(m: start, u: u, lambda: 0.5, trainable: trainable, updateU: true)
                return (trainable.sorted(), result.m, pairs, result.lambda)
            }
        }.flatMap { $0 }
        for (k, session) in results.enumerated() {
            guard let session else { continue }
            for k2 in session.trainable {
                for l in 0 ..< sums[k2].count { sums[k2][l] += session.m[k2][l] }
                sessions[k2].append("\(settings.blocking[k].name) (\(Int(session.pairs)) pairs, λ=\(NumberFormat.decimal(session.lambda, decimals: 3)))")
            }
        }
        var m = start
        for k in 0 ..< c {
            if sessions[k].isEmpty {
                warnings.append("no training session could learn m for '\(settings.comparisons[k].name)'; defaults used")
                sessions[k] = ["default"]
            } else {
                m[k] = sums[k].map { $0 / Double(sessions[k].count) }
            }
        }
        return (m, sessions, warnings)
    }

    /// The prior λ: the expected number of matches among all allowed pairs, found by iterating
    /// λ → Σ P(match | pair, λ) / (all pairs) over the candidate pairs (pairs outside the
    /// candidates are taken to have no matches).
    static func prior(weights: [Double], totalPairs: Int, start: Double) -> Double {
        // Weights binned to 1/64 bit: the iteration runs over a few thousand bins, not every pair.
        let scale = 64.0, limit = 200.0
        var bins = [Double](repeating: 0, count: Int(2 * limit * scale) + 1)
        for w in weights {
            let b = Int(((min(max(w, -limit), limit) + limit) * scale).rounded())
            bins[b] += 1
        }
        let used = bins.indices.filter { bins[$0] > 0 }
        var lambda = start
        for _ in 0 ..< 100 {
            let prior = log2(lambda / (1 - lambda))
            var expected = 0.0
            for b in used {
                expected += bins[b] * MatchModel.probability(weight: prior + Double(b) / scale - limit)
            }
            let next = min(max(expected / Double(max(totalPairs, 1)), 1e-15), 0.5)
            if abs(next - lambda) <= lambda * 1e-6 { return next }
            lambda = next
        }
        return lambda
    }

    /// u among non-matches from the level frequencies `p` among all pairs: (p − λ·m) / (1 − λ),
    /// at least `floor`, renormalized to sum to one.
    static func withoutMatches(_ p: [Double], m: [Double], lambda: Double, floor: Double) -> [Double] {
        let raw = p.indices.map { max((p[$0] - lambda * m[$0]) / (1 - lambda), floor) }
        let sum = raw.reduce(0, +)
        return raw.map { $0 / sum }
    }

    /// Sets the model's priors from the candidate pairs' weights: with pairs both across and within
    /// lists, one prior for each (``MatchModel/lambdaWithin``), since they differ by orders of
    /// magnitude. Returns the share of matches among all allowed pairs (for taking the matches
    /// out of the random pairs' u).
    private func priors(_ weights: [Double], compared: ComparedPairs, model: inout MatchModel) -> Double {
        let across = pairScope.acrossPairs, within = pairScope.withinPairs
        guard across > 0 && within > 0 else {
            model.lambda = Self.prior(weights: weights, totalPairs: pairScope.totalPairs, start: model.lambda)
            model.lambdaWithin = nil
            return model.lambda
        }
        var a: [Double] = [], w: [Double] = []
        a.reserveCapacity(weights.count)
        for p in weights.indices {
            let same = pairScope.listOf[Int(compared.pairs.left[p])] == pairScope.listOf[Int(compared.pairs.right[p])]
            if same { w.append(weights[p]) } else { a.append(weights[p]) }
        }
        model.lambda = Self.prior(weights: a, totalPairs: across, start: model.lambda)
        model.lambdaWithin = Self.prior(weights: w, totalPairs: within, start: model.lambdaWithin ?? model.lambda)
        return (model.lambda * Double(across) + model.lambdaWithin! * Double(within)) / Double(across + within)
    }

    /// The pairs' worth of pooled evidence added to each neighbourhood class.
    static let neighbourhoodPseudoPairs = 10.0

    /// Splits the NIK's serial levels (`one_edit_in_serial`, `serial_differs`) by the size of the
    /// pair's NIK neighbourhood (``MatchModel/Comparison/mByPrefixCount``), where blocking
    /// proposes every pair at them (`covered`; `members` holds each level's pairs).
    ///
    /// The EM update of a level refined into classes: in each class, m is the level's m times
    /// the class's share of Σ p over the level's pairs, u the level's u times its share of
    /// Σ (1 − p), each with ``neighbourhoodPseudoPairs`` pairs' worth added at the level's pooled
    /// share of matches. The name, birth place and home decide each pair's p; the classes only
    /// say how often neighbours and typos meet at each size. Repeated until no class's weight
    /// moves by 0.01 bits (at most 10 rounds), the prior held; only the members' weights move.
    /// Returns whether it split anything (the caller then sets the prior again).
    private func splitSerialLevels(covered: Set<UInt8>, members: [[Int]], compared: ComparedPairs, base: inout [Double],
                                   model: inout MatchModel) -> Bool {
        guard let nik = rules.nik, !data.nikPrefixCount.isEmpty else { return false }
        let split = [IndonesianLevel.NIK.oneEditInSerial, .serialDiffers].map { Int($0.rawValue) }
            .filter { covered.contains(UInt8($0)) && !members[$0].isEmpty }
        guard !split.isEmpty else { return false }
        let classes = MatchModel.neighbourhoodClassBounds.count + 1
        let levelCount = model.comparisons[nik].levels.count
        // Each member's class, and its NIK weight as last set (at first the frequency-scaled one).
        let weigher = PairWeigher(model: model, comparisons: settings.comparisons, data: data, rules: rules)
        var classOf: [[Int]] = [[Int]](repeating: [], count: levelCount)
        var current: [[Double]] = [[Double]](repeating: [], count: levelCount)
        for l in split {
            classOf[l] = members[l].map { MatchModel.neighbourhoodClass(data.nikPrefixCount[Int(compared.pairs.left[$0])]) }
            current[l] = members[l].map { weigher.weight(nik, UInt8(l), Int(compared.pairs.left[$0]), Int(compared.pairs.right[$0])) }
        }
        var mSplit = [[Double]](repeating: [], count: levelCount), uSplit = mSplit
        var previous = [[Double]](repeating: [], count: levelCount)
        for _ in 0 ..< 10 {
            var largest = 0.0
            for l in split {
                var matches = [Double](repeating: 0, count: classes), others = matches, count = matches
                let prior = model.priorWeight, priorWithin = model.priorWeightWithin
                for (i, p) in members[l].enumerated() {
                    let within = pairScope.listOf[Int(compared.pairs.left[p])] == pairScope.listOf[Int(compared.pairs.right[p])]
                    let q = 1 - MatchModel.probability(weight: base[p] + (within ? priorWithin : prior))
                    matches[classOf[l][i]] += 1 - q
                    others[classOf[l][i]] += q
                    count[classOf[l][i]] += 1
                }
                // Ten pairs' worth in each class with pairs, at the level's pooled share of
                // matches: a class of a few pairs stays near the unsplit weight (on a 3,000-row
                // list a class of 14 pairs moved 2.6 bits on their say alone), while a class of
                // thousands follows its own pairs.
                let pooled = matches.reduce(0, +) / max(matches.reduce(0, +) + others.reduce(0, +), .leastNormalMagnitude)
                for c in 0 ..< classes where count[c] > 0 {
                    matches[c] += Self.neighbourhoodPseudoPairs * pooled
                    others[c] += Self.neighbourhoodPseudoPairs * (1 - pooled)
                }
                let m = model.comparisons[nik].m[l], u = model.comparisons[nik].u[l]
                var mAll = matches.reduce(0, +), uAll = others.reduce(0, +)
                // Pairs that are all certain matches, or all certain non-matches (a list of a few
                // records), say nothing about how the classes differ: every class keeps the
                // level's own odds (shared out evenly, not 0 / 0).
                if !(mAll > 0 && uAll > 0) {
                    for c in 0 ..< classes where count[c] > 0 { matches[c] = 1; others[c] = 1 }
                    mAll = count.filter { $0 > 0 }.reduce(0) { a, _ in a + 1 }
                    uAll = mAll
                }
                mSplit[l] = matches.map { m * $0 / mAll }
                uSplit[l] = others.map { u * $0 / uAll }
                // A class without pairs (no neighbourhood that large was proposed) keeps the odds
                // of the nearest smaller class that has some, at half a pair's u: a larger
                // neighbourhood is never taken as stronger evidence than the smaller ones seen.
                var last: Int? = nil
                for c in 0 ..< classes {
                    if count[c] > 0 { last = c; continue }
                    let half = u * 0.5 / uAll
                    uSplit[l][c] = half
                    mSplit[l][c] = last.map { half * mSplit[l][$0] / uSplit[l][$0] } ?? half * m / u
                }
                let weights = (0 ..< classes).map { log2(max(mSplit[l][$0], MatchModel.floor) / max(uSplit[l][$0], MatchModel.floor)) }
                if !previous[l].isEmpty { largest = max(largest, zip(weights, previous[l]).map { abs($0 - $1) }.max() ?? 0) } else { largest = .infinity }
                previous[l] = weights
                for (i, p) in members[l].enumerated() {
                    let w = weights[classOf[l][i]]
                    base[p] += w - current[l][i]
                    current[l][i] = w
                }
            }
            // The prior stays as it was through the rounds (the members are a small share of the
            // candidates); the caller sets it again after.
            if largest < 0.01 { break }
        }
        model.comparisons[nik].mByPrefixCount = mSplit
        model.comparisons[nik].uByPrefixCount = uSplit
        // The members' weights were moved by differences; summed afresh with the split model
        // they are the weights any later run with this model gives, to the last bit. No other
        // pair's weight depends on the split.
        let final = PairWeigher(model: model, comparisons: settings.comparisons, data: data, rules: rules)
        let c = compared.comparisonCount
        compared.levels.withUnsafeBufferPointer { all in
            for l in split {
                for p in members[l] {
                    base[p] = final.total(UnsafeBufferPointer(rebasing: all[p * c ..< (p + 1) * c]), flags: compared.flags[p],
                                          Int(compared.pairs.left[p]), Int(compared.pairs.right[p]))
                }
            }
        }
        let sizes = split.map { l in
            "\(model.comparisons[nik].levels[l]): " + (0 ..< classes).map { c in "\(classOf[l].lazy.filter { $0 == c }.count)" }.joined(separator: "/")
        }
        model.comparisons[nik].uSource += "; serial levels split by neighbourhood size (2, 3, 4, 5, 6-7, 8-11, 12-19, 20+ records), pairs per class \(sizes.joined(separator: ", "))"
        return true
    }

    /// The NIK agreement levels at which blocking proposes every pair: exact agreement when a rule
    /// is the whole NIK or its first 12 digits alone, and with the first-12-digits rule also a typo
    /// in the serial and another serial (those keep the first 12 digits). A rule with more fields
    /// than these (the NIK prefix and the sex, say) leaves pairs out, so it covers nothing.
    static func nikLevelsBlockingEnumerates(_ blocking: [BlockingRule]) -> Set<UInt8> {
        typealias NIK = IndonesianLevel.NIK
        var levels = Set<UInt8>()
        for rule in blocking where rule.columns.isEmpty && rule.fields.count == 1 {
            switch rule.fields[0] {
            case .nik: levels.insert(NIK.exact.rawValue)
            case .nikPrefix12: levels.formUnion([NIK.exact, NIK.oneEditInSerial, NIK.serialDiffers].map(\.rawValue))
            default: break
            }
        }
        return levels
    }

    /// Warnings for parameters a careful statistician would not believe.
    static func plausibility(_ model: MatchModel) -> [String] {
        var warnings: [String] = []
        for c in model.comparisons {
            if c.m[0] <= c.u[0] {
                warnings.append("\(c.name): m(\(c.levels[0])) = \(NumberFormat.decimal(c.m[0], decimals: 4)) is not above u = \(NumberFormat.decimal(c.u[0], decimals: 4)); agreement would count against a match")
            }
            let last = c.levels.count - 1
            if c.m[last] >= c.u[last] {
                warnings.append("\(c.name): m(\(c.levels[last])) = \(NumberFormat.decimal(c.m[last], decimals: 4)) is not below u = \(NumberFormat.decimal(c.u[last], decimals: 4)); disagreement would count for a match")
            }
        }
        return warnings
    }

    /// The whole estimate: u from random pairs (the NIK's agreement levels from its
    /// neighbourhoods), m by one EM session per blocking rule, then the prior, with the matches
    /// among the random pairs taken out of u. Returns the model and each candidate pair's total
    /// weight under it (prior not included). Laps `clock` after each step.
    ///
    /// With pairs both across and within lists, each kind is trained apart on its own pairs
    /// (``trainEachKind(compared:listSizes:clock:)``).
    func train(compared: ComparedPairs, listSizes: [Int], clock: inout StageClock) -> (model: MatchModel, weights: [Double]) {
        if pairScope.acrossPairs > 0 && pairScope.withinPairs > 0 {
            return trainEachKind(compared: compared, listSizes: listSizes, clock: &clock)
        }
        return trainOneKind(compared: compared, listSizes: listSizes, clock: &clock)
    }

    /// Trains the pairs across lists and the pairs within lists as two models, each exactly as
    /// `link` and `dedupe` alone would (the same random pairs, neighbourhoods and EM sessions over
    /// the same candidates), and joins them: the across-list model with the within-list one as
    /// ``MatchModel/comparisonsWithin`` and ``MatchModel/lambdaWithin``.
    ///
    /// One set of parameters for both kinds cannot fit both. People on two lists are about half
    /// of each list; doubles within a list are a few percent, made otherwise (the same family
    /// proposed again by another office, often with another family card or no birth date), and
    /// two records of one list agree by chance otherwise than records of two lists. A shared u is
    /// cleaned of a mixture of both kinds' matches, a shared m is learned mostly from cross-list
    /// pairs, and the within-list pairs pay for it: on a generated 200k × 200k corpus the joint
    /// run found 0.3 points fewer doubles than `dedupe` alone.
    private func trainEachKind(compared: ComparedPairs, listSizes: [Int], clock: inout StageClock) -> (model: MatchModel, weights: [Double]) {
        let listOf = pairScope.listOf
        let isWithin = (0 ..< compared.pairs.count).map { listOf[Int(compared.pairs.left[$0])] == listOf[Int(compared.pairs.right[$0])] }
        var weights = [Double](repeating: 0, count: compared.pairs.count)
        var models: [MatchModel] = []
        // One pass over the NIK neighbourhoods counts both kinds (the same counts as two passes).
        clock.announce("train: u from NIK neighbourhoods (both kinds)")
        let neighbourhoods = rules.nik == nil ? [nil, nil] : nikNeighbourhoods(eachKind: true)
        clock.lap("train: u from NIK neighbourhoods (both kinds)")
        for (scope, within) in [(Blocker.PairScope.acrossLists, false), (.withinLists, true)] {
            let indices = isWithin.indices.filter { isWithin[$0] == within }
            let trainer = ModelTrainer(settings: settings, comparer: comparer, rules: rules, data: data,
                                       pairScope: PairScopeIndex(listSizes: pairScope.listSizes, scope: scope),
                                       kind: within ? "within lists" : "across lists")
            let (model, kindWeights) = trainer.trainOneKind(compared: compared.subset(indices), listSizes: listSizes, clock: &clock,
                                                            neighbourhood: .some(neighbourhoods[within ? 1 : 0]))
            for (i, p) in indices.enumerated() { weights[p] = kindWeights[i] }
            models.append(model)
        }
        var model = models[0]
        model.comparisonsWithin = models[1].comparisons
        model.lambdaWithin = models[1].lambda
        model.warnings = models[0].warnings.map { "across lists: " + $0 } + models[1].warnings.map { "within lists: " + $0 }
        return (model, weights)
    }

    /// ``train(compared:listSizes:clock:)`` for pairs of one kind, or of both kinds with one set
    /// of parameters.
    /// `neighbourhood`: the NIK neighbourhoods already measured for this kind (nil: measured here).
    private func trainOneKind(compared: ComparedPairs, listSizes: [Int], clock: inout StageClock,
                              neighbourhood given: Neighbourhood?? = nil) -> (model: MatchModel, weights: [Double]) {
        let c = settings.comparisons.count
        clock.announce(stage("u from random pairs"))
        var (u, sampled) = randomPairU(meter: clock.meter(total: (uSamples + Self.uChunk - 1) / Self.uChunk))
        clock.lap(stage("u from random pairs"), next: stage(given == nil ? "u from NIK neighbourhoods" : "m by EM, prior"))
        var uSources = settings.comparisons.map { _ in "random pairs: \(sampled)" }
        // Levels never seen get half a pair's worth of probability: half a random pair, or for
        // the NIK half a pair of the (much larger) neighbourhood count.
        var floors = [Double](repeating: 0.5 / Double(max(sampled, 1)), count: c)
        var nameGivenPrefix: [Double]?
        var nameGivenPrefixPairs = 0
        // The name's u source before the neighbourhood part, which a count over every candidate replaces.
        let nameRandomSource = comparer.namePosition.map { uSources[$0] } ?? ""
        var nikMeasured = false
        if let nikIndex = rules.nik, let neighbourhood = given ?? nikNeighbourhoodU(), Self.usable(neighbourhood) {
            nikMeasured = true
            u[nikIndex] = Self.merge(nik: neighbourhood.u, into: u[nikIndex])
            floors[nikIndex] = 0.5 / Double(neighbourhood.pairs)
            uSources[nikIndex] += "; agreement levels from NIK neighbourhoods (\(neighbourhood.pairs) pairs)"
            if let nameU = neighbourhood.nameU, let n = comparer.namePosition {
                nameGivenPrefix = nameU
                nameGivenPrefixPairs = neighbourhood.namePairs
                uSources[n] += "; among NIK neighbours (same region, birth date and sex): \(neighbourhood.namePairs) pairs"
            }
        }
        // The birth date's two levels of the same date, counted over all pairs (see
        // ``sameBirthDateShares()``).
        if let d = settings.comparisons.firstIndex(where: { $0.comparator == .birthDate }),
           settings.comparisons[d].levels.count == IndonesianLevel.BirthDate.allCases.count,
           let same = sameBirthDateShares() {
            u[d] = Self.replacing([Int(IndonesianLevel.BirthDate.exact.rawValue): same.exact,
                                   Int(IndonesianLevel.BirthDate.exactPlaceholder.rawValue): same.placeholder], in: u[d])
            uSources[d] += "; exact and exact_placeholder counted over all \(Int(same.pairs)) pairs with both dates"
        }
        // Timed here unless given (the joint run timed it once for both kinds).
        if given == nil { clock.lap(stage("u from NIK neighbourhoods"), next: stage("m by EM, prior")) }
        let (m, mSources, warnings) = trainM(levels: compared.levels, flags: compared.flags, agreement: compared.agreement, u: u)
        var model = MatchModel(
            comparisons: settings.comparisons.enumerated().map { k, comparison in
                MatchModel.Comparison(name: comparison.name, levels: comparison.levels.map(\.name), m: m[k], u: u[k],
                                      mSource: mSources[k], uSource: uSources[k],
                                      explanations: comparison.levels.map(\.explanation))
            },
            lambda: 0.5, warnings: warnings)
        if let n = comparer.namePosition { model.comparisons[n].uGivenNIKPrefix = nameGivenPrefix }
        // The start: about one match per record of the largest list, but never more than half
        // the pairs (two records make one pair).
        model.lambda = min(0.5, Double(listSizes.max() ?? 1) / Double(max(pairScope.totalPairs, 1)))
        func weights() -> [Double] {
            PairWeigher(model: model, comparisons: settings.comparisons, data: data, rules: rules)
                .totals(compared, threads: settings.threads)
        }
        // P(non-match) of candidate `p` with total weight `weight`, under its kind's prior.
        func nonMatch(_ p: Int, _ weight: Double) -> Double {
            let within = pairScope.listOf[Int(compared.pairs.left[p])] == pairScope.listOf[Int(compared.pairs.right[p])]
            return 1 - MatchModel.probability(weight: weight + (within ? model.priorWeightWithin : model.priorWeight))
        }
        // Random pairs include a fraction λ of matches, which dominate the agreement levels
        // (two random records with the same NIK are mostly the same person): take them out,
        // u = (p − λ·m) / (1 − λ), and re-estimate λ; twice is enough (λ moves < 1% after).
        var base: [Double] = []
        for _ in 0 ..< 2 {
            base = weights()
            let all = priors(base, compared: compared, model: &model)
            for k in 0 ..< c {
                model.comparisons[k].u = Self.withoutMatches(u[k], m: m[k], lambda: all, floor: floors[k])
            }
        }
        // The two conditional rates below are measured on the weights of the last round (the
        // second needs none, the first only of pairs that are nearly all non-matches), so that the
        // one pass after it serves both.
        // The name's u among NIK neighbours (one sex, one birth day, one district): the sampled
        // neighbourhoods hold a few hundred such pairs, too few for names that sound alike (a
        // level never seen there got half a pair's worth, 40× the random pairs' u, and links with a
        // serial typo and a respelled name p ≈ 0.8 though nearly all were true). When blocking
        // enumerates every pair with another serial, those candidates are counted instead, each
        // as a non-match with weight 1 − p (nearly all are).
        if let n = comparer.namePosition, let nik = rules.nik, nikMeasured,
           Self.nikLevelsBlockingEnumerates(settings.blocking).contains(IndonesianLevel.NIK.serialDiffers.rawValue) {
            let levelCount = settings.comparisons[n].levels.count
            var counts = [Double](repeating: 0, count: levelCount)
            for p in 0 ..< compared.pairs.count where compared.levels[p * c + nik] == IndonesianLevel.NIK.serialDiffers.rawValue {
                let level = compared.levels[p * c + n]
                guard level != ComparisonLevel.null else { continue }
                counts[Int(level)] += nonMatch(p, base[p])
            }
            let total = counts.reduce(0, +)
            if total >= Double(Self.minimumNamePairs) && total > Double(nameGivenPrefixPairs) {
                model.comparisons[n].uGivenNIKPrefix = counts.map { max($0, 0.5) / total }
                model.comparisons[n].uSource = nameRandomSource + "; among NIK neighbours (same region, birth date and sex; every candidate pair with another serial): \(Int(total.rounded())) pairs"
            }
        }
        // A NIK one or two edits away between two people born the same day in one district:
        // their NIKs share region and birth date and their serials are near, so one typo more
        // gives one or two edits outside the serial, and the random pairs' u (a handful of pairs
        // at two edits) made such pairs links on the NIK alone. When a rule enumerates every pair
        // of one birth date and district, its candidates whose names differ (nearly all different
        // people) give the NIK's levels among such neighbours.
        if let nik = rules.nik, let n = comparer.namePosition, let d = settings.comparisons.firstIndex(where: { $0.comparator == .birthDate }),
           let h = comparer.householdPosition,
           settings.blocking.contains(where: { $0.columns.isEmpty && Set($0.fields) == [.birthDate, .district] }) {
            var counts = [Int](repeating: 0, count: settings.comparisons[nik].levels.count)
            for p in 0 ..< compared.pairs.count where PairWeigher.sameDayNearby(date: compared.levels[p * c + d], household: compared.levels[p * c + h], flags: compared.flags[p])
                && compared.levels[p * c + n] == IndonesianLevel.Name.different.rawValue {
                let level = compared.levels[p * c + nik]
                if level != ComparisonLevel.null { counts[Int(level)] += 1 }
            }
            let population = counts.reduce(0, +)
            if population >= Self.minimumNamePairs {
                model.comparisons[nik].uGivenSameDayNearby = counts.map { max(Double($0), 0.5) / Double(population) }
                let near = [IndonesianLevel.NIK.oneEdit, .twoEdits].map { "\(counts[Int($0.rawValue)])" }.joined(separator: " and ")
                model.comparisons[nik].uSource += "; one_edit and two_edits among people born the same day in one district: \(near) of \(population) pairs with different names"
            }
        }
        base = weights()
        _ = priors(base, compared: compared, model: &model)
        // The NIK's levels that blocking enumerates completely (exact agreement, and with the
        // first-12-digits rule also a serial typo and another serial): the pairs there are nearly
        // all matches (but for another serial), so (p − λ·m) / (1 − λ) is the difference of two
        // nearly equal numbers, and a small error in m or λ leaves matches in u (on a noisy list,
        // 50× too many at exact agreement: those links' probabilities too low; at the other two
        // levels the count has not moved u on the 200k corpora, but it is the same estimate).
        // Every pair at these levels is a candidate, so their non-matches are counted
        // directly, the EM update Σ (1 − p) over those pairs / all pairs of usable NIKs, until u
        // settles (within 5 %; at most 8 rounds), never below the floor nor above the first
        // estimate. The levels are disjoint, so each round moves each level's pairs alone.
        if let nik = rules.nik, nikMeasured {
            let covered = Self.nikLevelsBlockingEnumerates(settings.blocking)
            let pairs = nikPairCount()
            // Per level byte, its pairs (a table: a set lookup per pair hashed each byte).
            var atLevel = [[Int]](repeating: [], count: 256)
            var isCovered = [Bool](repeating: false, count: 256)
            for level in covered { isCovered[Int(level)] = true }
            for p in 0 ..< compared.pairs.count where isCovered[Int(compared.levels[p * c + nik])] {
                atLevel[Int(compared.levels[p * c + nik])].append(p)
            }
            // Within the rounds only these pairs' weights move, by the change of log2(m / u); the
            // weights are recomputed in full once after.
            var moved = false
            var settled = Set<UInt8>()
            for _ in 0 ..< 8 {
                guard pairs > 0 && settled.count < covered.count else { break }
                for level in covered.sorted() where !settled.contains(level) {
                    let members = atLevel[Int(level)]
                    var nonMatches = 0.0
                    for p in members { nonMatches += nonMatch(p, base[p]) }
                    let l = Int(level)
                    let old = model.comparisons[nik].u[l]
                    let fresh = min(old, max(nonMatches / pairs, floors[nik]))
                    guard fresh < old else { settled.insert(level); continue }
                    model.comparisons[nik].u[l] = fresh
                    let shift = log2(old / fresh)
                    for p in members { base[p] += shift }
                    moved = true
                    if old - fresh <= 0.05 * old { settled.insert(level) }
                }
                _ = priors(base, compared: compared, model: &model)
            }
            if moved {
                base = weights()
                _ = priors(base, compared: compared, model: &model)
            }
            if splitSerialLevels(covered: covered, members: atLevel, compared: compared, base: &base, model: &model) {
                _ = priors(base, compared: compared, model: &model)
            }
        }
        clock.lap(stage("m by EM, prior"))
        model.warnings += Self.plausibility(model)
        return (model, base)
    }
}

