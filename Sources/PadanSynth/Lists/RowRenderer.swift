/// Writes the rows of one list: each row an independent copy of a person, corrupted by the
/// catalogue in ``Corruption`` and formatted as the list's office writes it.
struct RowRenderer {
    let c: Corpora
    let profile: ListProfile
    let listIndex: Int
    let scale: Double
    var rng: SynthRandom
    var tally = CorruptionTally()
    private var field: [UInt8] = []
    private var tokens: [[UInt8]] = []
    private var ids: [Int32] = []

    init(corpora: Corpora, profile: ListProfile, listIndex: Int, scale: Double, rng: SynthRandom) {
        self.c = corpora
        self.profile = profile
        self.listIndex = listIndex
        self.scale = scale
        self.rng = rng
        field.reserveCapacity(128)
    }

    func rate(_ k: Corruption) -> Double { min(1, k.defaultRate * scale) }

    /// Draws one of several mutually exclusive corruptions: each gets its own band of one uniform
    /// number, so each keeps its rate; a band whose corruption is not eligible means no error.
    private mutating func exclusive(_ options: [(Corruption, Bool)]) -> Corruption? {
        let u = rng.unit()
        var low = 0.0
        var chosen: Corruption?
        for (k, eligible) in options {
            let high = low + rate(k)
            if eligible {
                tally.eligible(k)
                if chosen == nil && u >= low && u < high {
                    chosen = k
                    tally.applied(k)
                }
            }
            low = high
        }
        return chosen
    }

    /// An independent corruption: counts eligibility and draws.
    private mutating func maybe(_ k: Corruption, _ eligible: Bool = true) -> Bool {
        guard eligible else { return false }
        tally.eligible(k)
        if rng.chance(rate(k)) {
            tally.applied(k)
            return true
        }
        return false
    }

    // MARK: - Row

    mutating func writeRow(id: String, person p: Person, household h: Household, persons: [Person],
                           stale: Bool, into out: inout [UInt8]) {
        var residence = h.residence(atList: listIndex)
        var kk = h.kk(atList: listIndex)
        let moved = h.movedBeforeList >= 0 && listIndex >= Int(h.movedBeforeList)
        if maybe(.addressStale, stale && moved) {
            residence = h.residence
            kk = h.kk
        }
        var rtRwInline = false
        var rtRwBlank = false
        var first = true
        for (f, _) in profile.columns {
            if !first { out.append(profile.delimiter) }
            first = false
            field.removeAll(keepingCapacity: true)
            switch f {
            case .id: field.append(contentsOf: id.utf8)
            case .nik: writeNIK(p, h, kk: kk, persons: persons)
            case .kk: writeKK(kk)
            case .name: writeName(p, h, persons: persons)
            case .birthPlace: writeBirthPlace(p)
            case .birthDate: writeBirthDate(p)
            case .sex: writeSex(p)
            case .address: rtRwInline = writeAddress(residence)
            case .rt:
                // Every profile has the address before RT, and RT before RW.
                rtRwBlank = rtRwInline || maybe(.rtRwBlank)
                if !rtRwBlank { writeRtRw(residence.rt) }
            case .rw:
                if !rtRwBlank { writeRtRw(residence.rw) }
            case .village: writeVillage(residence)
            case .district: writeDistrict(residence)
            case .regency: writeRegency(residence)
            }
            appendField(&out)
        }
        if profile.crlf { out.append(13) }
        out.append(10)
    }

    mutating func writeHeader(into out: inout [UInt8]) {
        if profile.encoding == .utf8BOM { out.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        for (i, (_, header)) in profile.columns.enumerated() {
            if i > 0 { out.append(profile.delimiter) }
            field.removeAll(keepingCapacity: true)
            field.append(contentsOf: header.utf8)
            appendField(&out)
        }
        if profile.crlf { out.append(13) }
        out.append(10)
    }

    /// Appends `field`, quoted when needed (RFC 4180) and transcoded for the list's encoding.
    private func appendField(_ out: inout [UInt8]) {
        let d = profile.delimiter
        var needsQuotes = false
        for b in field where b == d || b == 0x22 || b == 10 || b == 13 { needsQuotes = true; break }
        if needsQuotes { out.append(0x22) }
        var i = 0
        let n = field.count
        while i < n {
            let b = field[i]
            if b == 0x22 { out.append(0x22); out.append(0x22); i += 1; continue }
            if b < 0x80 || profile.encoding != .windows1252 { out.append(b); i += 1; continue }
            // UTF-8 to Windows-1252 for the characters the generator writes.
            if b == 0xE2 && i + 2 < n && field[i + 1] == 0x80 {
                switch field[i + 2] {
                case 0x98: out.append(0x91)
                case 0x99: out.append(0x92)
                case 0x9C: out.append(0x93)
                case 0x9D: out.append(0x94)
                default: out.append(UInt8(ascii: "?"))
                }
                i += 3
            } else if (b == 0xC2 || b == 0xC3) && i + 1 < n {
                out.append(b == 0xC2 ? field[i + 1] : field[i + 1] &+ 0x40)
                i += 2
            } else {
                out.append(UInt8(ascii: "?"))
                i += 1
                while i < n && field[i] & 0xC0 == 0x80 { i += 1 }
            }
        }
        if needsQuotes { out.append(0x22) }
    }

    // MARK: - NIK and KK

    private static let padNeighbours: [[UInt8]] = [
        [1, 2], [2, 4, 0], [1, 3, 5, 0], [2, 6], [1, 5, 7], [2, 4, 6, 8], [3, 5, 9], [4, 8], [5, 7, 9], [6, 8],
    ]

    private mutating func digits(_ value: UInt64, count: Int = 16) -> [UInt8] {
        var d = [UInt8](repeating: 0, count: count)
        var v = value
        for i in stride(from: count - 1, through: 0, by: -1) {
            d[i] = UInt8(v % 10)
            v /= 10
        }
        return d
    }

    private mutating func writeNIK(_ p: Person, _ h: Household, kk: UInt64, persons: [Person]) {
        var d = digits(p.nik)
        let others = h.memberCount > 1
        let choice = exclusive([
            (.nikBlank, true), (.nikDigitTypo, true), (.nikTransposition, true), (.nikDroppedDigit, true),
            (.nikExtraDigit, true), (.nikExcelScientific, profile.excel), (.nikExcelZeroed, profile.excel && d[15] != 0),
            (.nikIsKK, true), (.nikOtherMember, others),
        ])
        switch choice {
        case .nikBlank?: return
        case .nikDigitTypo?: typo(&d)
        case .nikTransposition?: transpose(&d)
        case .nikDroppedDigit?: d.remove(at: rng.below(d.count))
        case .nikExtraDigit?: let i = rng.below(d.count); d.insert(d[i], at: i)
        case .nikExcelScientific?: scientific(d); return
        case .nikExcelZeroed?: d[15] = 0
        case .nikIsKK?: d = digits(kk)
        case .nikOtherMember?:
            var other = Int(h.firstMember) + rng.below(Int(h.memberCount))
            if persons[other].nik == p.nik { other = Int(h.firstMember) + (other - Int(h.firstMember) + 1) % Int(h.memberCount) }
            d = digits(persons[other].nik)
        default: break
        }
        if maybe(.nikFormatting) {
            let u = rng.unit()
            if u < 0.5 {
                field.append(UInt8(ascii: "'"))
                for x in d { field.append(48 + x) }
            } else if u < 0.75 {
                for (i, x) in d.enumerated() {
                    if i > 0 && i % 4 == 0 { field.append(32) }
                    field.append(48 + x)
                }
            } else {
                for (i, x) in d.enumerated() {
                    if i == 2 || i == 4 || i == 6 || i == 12 { field.append(UInt8(ascii: ".")) }
                    field.append(48 + x)
                }
            }
        } else {
            for x in d { field.append(48 + x) }
        }
    }

    private mutating func writeKK(_ kk: UInt64) {
        var d = digits(kk)
        switch exclusive([(.kkBlank, true), (.kkDigitTypo, true), (.kkExcelScientific, profile.excel)]) {
        case .kkBlank?: return
        case .kkDigitTypo?: typo(&d)
        case .kkExcelScientific?: scientific(d); return
        default: break
        }
        for x in d { field.append(48 + x) }
    }

    private mutating func typo(_ d: inout [UInt8]) {
        let i = rng.below(d.count)
        if rng.chance(0.6) {
            d[i] = rng.element(Self.padNeighbours[Int(d[i])])
        } else {
            d[i] = UInt8((Int(d[i]) + rng.int(1...9)) % 10)
        }
    }

    private mutating func transpose(_ d: inout [UInt8]) {
        for _ in 0 ..< 12 {
            let i = rng.below(d.count - 1)
            if d[i] != d[i + 1] { d.swapAt(i, i + 1); return }
        }
        d.swapAt(14, 15)
    }

    /// Excel's General format for a 16-digit number: six significant digits, `3.27305E+15`.
    private mutating func scientific(_ d: [UInt8]) {
        var m = 0
        for i in 0 ..< 6 { m = m * 10 + Int(d[i]) }
        if d[6] >= 5 { m += 1 }
        var exponent = d.count - 1
        if m >= 1_000_000 { m /= 10; exponent += 1 }
        var mantissa = Array(String(m).utf8)
        while mantissa.count > 1 && mantissa.last == UInt8(ascii: "0") { mantissa.removeLast() }
        field.append(mantissa[0])
        if mantissa.count > 1 {
            field.append(UInt8(ascii: "."))
            field.append(contentsOf: mantissa[1...])
        }
        field.append(contentsOf: "E+\(exponent)".utf8)
    }

    // MARK: - Name

    private mutating func writeName(_ p: Person, _ h: Household, persons: [Person]) {
        tokens.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
        for i in 0 ..< 4 where p.name[i] >= 0 { ids.append(p.name[i]) }
        let age = p.birth.age(at: profile.date)

        // Token-level changes first, while every token is still an interned one.
        if let i = ids.firstIndex(where: c.muhammadSet.contains), maybe(.nameMuhammadVariant) {
            var pick = ids[i]
            while pick == ids[i] { pick = rng.element(c.muhammad) }
            ids[i] = pick
        }
        let variantIndexes = ids.indices.filter { c.variantGroup[ids[$0]] != nil }
        if maybe(.nameSpellingVariant, !variantIndexes.isEmpty) {
            let i = rng.element(variantIndexes)
            let group = c.variantGroup[ids[i]]!
            var pick = ids[i]
            while pick == ids[i] { pick = rng.element(group) }
            ids[i] = pick
        }
        for t in ids { tokens.append(c.tokens[Int(t)]) }
        let oldIndexes = ids.indices.filter { c.oldSpelling[Int(ids[$0])] != nil }
        if maybe(.nameOldSpelling, age >= 45 && !oldIndexes.isEmpty) {
            let i = rng.element(oldIndexes)
            tokens[i] = c.oldSpelling[Int(ids[i])]!
        }
        if maybe(.nameInitial, tokens.count >= 2) {
            let i = c.muhammadSet.contains(ids[0]) || rng.chance(0.3) ? 0 : tokens.count - 1
            tokens[i] = [tokens[i][0], UInt8(ascii: ".")]
        }
        if maybe(.nameDroppedToken, tokens.count >= 2) {
            tokens.remove(at: rng.chance(0.7) ? tokens.count - 1 : 0)
        }
        if maybe(.nameSwappedTokens, tokens.count >= 2) {
            tokens.swapAt(0, 1)
        }
        if maybe(.nameSpacing, tokens.count >= 2) {
            let i = rng.below(tokens.count - 1)
            tokens[i] += tokens[i + 1]
            tokens.remove(at: i + 1)
        }
        if maybe(.nameBinBinti) {
            tokens.append(Array((p.sex == 1 ? "BIN" : "BINTI").utf8))
            let head = persons[Int(h.firstMember)]
            if p.role == .child && head.sex == 1 {
                let t = c.prefixSet.contains(head.name[0]) && head.name[1] >= 0 ? head.name[1] : head.name[0]
                tokens.append(c.tokens[Int(t)])
            } else {
                tokens.append(c.tokens[Int(c.given[0][0].pick(&rng))])
            }
        }
        if maybe(.nameTypo) {
            let i = rng.below(tokens.count)
            Self.letterTypo(&tokens[i], &rng)
        }
        if p.title >= 0 && maybe(.nameTitle) {
            let t = c.titles.items[Int(p.title)]
            if t.isPrefix {
                tokens.insert(c.tokens[Int(t.token)], at: 0)
            } else {
                tokens[tokens.count - 1].append(UInt8(ascii: ","))
                tokens.append(c.tokens[Int(t.token)])
            }
        }
        for (i, t) in tokens.enumerated() {
            if i > 0 { field.append(32) }
            for b in t {
                if b == UInt8(ascii: "'") && profile.curlyApostrophe {
                    field.append(contentsOf: [0xE2, 0x80, 0x99])
                } else {
                    field.append(b)
                }
            }
        }
    }

    /// The pre-1972 (Soewandi) spelling of a token, by the first rule that applies: KH>CH, SY>SJ,
    /// NY>NJ, C>TJ, J>DJ, Y>J, U>OE. Nil when none applies.
    static func oldSpelling(_ t: [UInt8]) -> [UInt8]? {
        let s = String(decoding: t, as: UTF8.self)
        if s.hasSuffix(".") { return nil }
        for (new, old) in [("KH", "CH"), ("SY", "SJ"), ("NY", "NJ"), ("C", "TJ"), ("J", "DJ"), ("Y", "J"), ("U", "OE")]
        where s.contains(new) {
            return Array(s.replacingOccurrences(of: new, with: old).utf8)
        }
        return nil
    }

    private static let keyboardRows: [[UInt8]] = ["QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"].map { Array($0.utf8) }

    /// One letter replaced by a keyboard neighbour, dropped, doubled, or swapped with the next.
    static func letterTypo(_ t: inout [UInt8], _ rng: inout SynthRandom) {
        let letters = t.indices.filter { t[$0] >= 65 && t[$0] <= 90 }
        guard let i = letters.isEmpty ? nil : rng.element(letters) else { return }
        let u = rng.unit()
        if u < 0.5 {
            for row in keyboardRows {
                if let j = row.firstIndex(of: t[i]) {
                    let k = j == 0 ? 1 : (j == row.count - 1 ? j - 1 : (rng.chance(0.5) ? j - 1 : j + 1))
                    t[i] = row[k]
                    return
                }
            }
        } else if u < 0.7 && t.count > 2 {
            t.remove(at: i)
        } else if u < 0.85 {
            t.insert(t[i], at: i)
        } else if i + 1 < t.count && t[i + 1] != t[i] {
            t.swapAt(i, i + 1)
        } else {
            t.insert(t[i], at: i)
        }
    }

    // MARK: - Dates, sex, places

    private static let monthNames = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                                     "September", "Oktober", "November", "Desember"]

    private mutating func writeBirthDate(_ p: Person) {
        var d = p.birth
        let age = d.age(at: profile.date)
        let choice = exclusive([
            (.birthDateDayMonthSwap, d.day <= 12 && d.day != d.month),
            (.birthDateTypo, true),
            (.birthDatePlaceholder, age >= 50 && !(d.month == 1 && d.day == 1)),
            (.birthDateBlank, true),
        ])
        switch choice {
        case .birthDateBlank?: return
        case .birthDateDayMonthSwap?: d = Day(d.year, d.day, d.month)
        case .birthDatePlaceholder?: d = Day(d.year, 1, 1)
        case .birthDateTypo?:
            if rng.chance(0.5) {
                d = Day(d.year + (rng.chance(0.5) ? 1 : -1), d.month, min(d.day, 28))
            } else {
                let day = d.day == 1 ? 2 : (d.day >= 28 ? d.day - 1 : d.day + (rng.chance(0.5) ? 1 : -1))
                d = Day(d.year, d.month, day)
            }
        default: break
        }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let text: String
        if profile.longDateShare > 0 && rng.chance(profile.longDateShare) {
            text = "\(d.day) \(Self.monthNames[d.month - 1]) \(d.year)"
        } else {
            switch profile.dateStyle {
            case .dmyDash: text = "\(two(d.day))-\(two(d.month))-\(d.year)"
            case .dmySlash: text = "\(two(d.day))/\(two(d.month))/\(d.year)"
            case .iso: text = "\(d.year)-\(two(d.month))-\(two(d.day))"
            case .longIndonesian: text = "\(d.day) \(Self.monthNames[d.month - 1]) \(d.year)"
            }
        }
        field.append(contentsOf: text.utf8)
    }

    private mutating func writeSex(_ p: Person) {
        var sex = p.sex
        switch exclusive([(.sexFlip, true), (.sexBlank, true)]) {
        case .sexBlank?: return
        case .sexFlip?: sex = 3 - sex
        default: break
        }
        let text: String
        switch profile.sexStyle {
        case .words: text = sex == 1 ? "LAKI-LAKI" : "PEREMPUAN"
        case .letters: text = sex == 1 ? "L" : "P"
        case .digits: text = sex == 1 ? "1" : "2"
        }
        field.append(contentsOf: text.utf8)
    }

    private mutating func writeBirthPlace(_ p: Person) {
        let place = c.tokens[Int(c.birthPlaces.items[Int(p.birthPlace)].token)]
        switch exclusive([(.birthPlaceBlank, true), (.birthPlaceVariant, true)]) {
        case .birthPlaceBlank?: return
        case .birthPlaceVariant?:
            let s = String(decoding: place, as: UTF8.self)
            let text: String
            if s == "BANDUNG" {
                text = rng.element(["BDG", "KOTA BANDUNG", "BANDUNG KOTA"])
            } else if s.hasPrefix("KAB. ") {
                text = rng.chance(0.5) ? "KABUPATEN " + s.dropFirst(5) : String(s.dropFirst(5))
            } else {
                text = (rng.chance(0.6) ? "KAB. " : "KOTA ") + s
            }
            field.append(contentsOf: text.utf8)
        default:
            field.append(contentsOf: place)
        }
    }

    // MARK: - Address and region

    /// Writes the address; returns whether RT/RW went into it (and so may be missing from their columns).
    private mutating func writeAddress(_ r: Residence) -> Bool {
        if maybe(.addressBlank) { return false }
        let short = maybe(.addressAbbreviation)
        let name = c.tokens[Int(r.nameToken)]
        let keyword: String
        switch r.kind {
        case .street: keyword = short ? rng.element(["JL.", "JLN.", "JL"]) : "JALAN"
        case .gang: keyword = short ? rng.element(["GG.", "GG"]) : "GANG"
        case .komplek: keyword = short ? rng.element(["KOMP.", "KOMPL."]) : "KOMPLEK"
        case .kampung: keyword = short ? rng.element(["KP.", "KMP."]) : "KAMPUNG"
        case .dusun: keyword = short ? "DSN." : "DUSUN"
        }
        field.append(contentsOf: keyword.utf8)
        if !(short && keyword.hasSuffix(".") && rng.chance(0.3)) { field.append(32) }
        field.append(contentsOf: name)
        if r.kind == .komplek {
            field.append(contentsOf: " INDAH BLOK ".utf8)
            field.append(UInt8(ascii: "A") + r.block)
            field.append(contentsOf: "\(Int(r.number) % 20 + 1)".utf8)
        }
        if r.number > 0 {
            field.append(contentsOf: (short ? (rng.chance(0.5) ? " NO." : " NO ") : " NO. ").utf8)
            field.append(contentsOf: "\(r.number)".utf8)
        }
        if maybe(.addressRtRwInline) {
            func two(_ v: UInt8) -> String { v < 10 ? "0\(v)" : "\(v)" }
            func three(_ v: UInt8) -> String { v < 10 ? "00\(v)" : "0\(v)" }
            let text: String
            switch rng.below(4) {
            case 0: text = " RT \(two(r.rt)) RW \(two(r.rw))"
            case 1: text = " RT.\(three(r.rt))/RW.\(three(r.rw))"
            case 2: text = " RT \(r.rt)/\(r.rw)"
            default: text = ", RT \(two(r.rt))/\(two(r.rw))"
            }
            field.append(contentsOf: text.utf8)
            return rng.chance(0.5)
        }
        return false
    }

    private mutating func writeRtRw(_ value: UInt8) {
        if profile.zeroPadRtRw {
            field.append(contentsOf: (value < 10 ? "00\(value)" : "0\(value)").utf8)
        } else {
            field.append(contentsOf: "\(value)".utf8)
        }
    }

    private var villageBlankThisRow = false

    private mutating func regionText(_ name: String) {
        if profile.titleCaseRegions {
            field.append(contentsOf: name.utf8)
        } else {
            field.append(contentsOf: name.uppercased().utf8)
        }
    }

    private mutating func writeVillage(_ r: Residence) {
        switch exclusive([(.villageBlank, true), (.villageTypo, true)]) {
        case .villageBlank?: villageBlankThisRow = true; return
        case .villageTypo?:
            villageBlankThisRow = false
            var t = Array((profile.titleCaseRegions ? c.villages[Int(r.village)].name : c.villages[Int(r.village)].name.uppercased()).utf8)
            var upper = t.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }
            Self.letterTypo(&upper, &rng)
            if profile.titleCaseRegions {
                t = upper.enumerated().map { i, b in (i > 0 && upper[i - 1] != 32 && b >= 65 && b <= 90) ? b + 32 : b }
            } else {
                t = upper
            }
            field.append(contentsOf: t)
        default:
            villageBlankThisRow = false
            regionText(c.villages[Int(r.village)].name)
        }
    }

    private mutating func writeDistrict(_ r: Residence) {
        if villageBlankThisRow { return }
        regionText(c.districts[c.villages[Int(r.village)].district].name)
    }

    private mutating func writeRegency(_ r: Residence) {
        let reg = c.regencies[c.districts[c.villages[Int(r.village)].district].regency]
        let kind: String
        switch (profile.name, reg.isCity) {
        case ("nasional", false): kind = "KAB."
        case (_, false): kind = "KABUPATEN"
        default: kind = "KOTA"
        }
        let text = kind + " " + reg.name.uppercased()
        if profile.titleCaseRegions {
            field.append(contentsOf: (kind == "KOTA" ? "Kota " : "Kabupaten ").utf8)
            field.append(contentsOf: reg.name.utf8)
        } else {
            field.append(contentsOf: text.utf8)
        }
    }
}
