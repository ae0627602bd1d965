/// One person of the synthetic population.
struct Person: Sendable {
    var name: Names.Tokens
    var nik: UInt64
    var birth: Day
    var household: Int32
    /// Index into `Corpora.titles.items`, or -1: a hajj title or degree the person holds, which
    /// some offices write into the name and others do not.
    var title: Int16
    /// Index into `Corpora.birthPlaces.items`.
    var birthPlace: Int16
    /// 1 male, 2 female.
    var sex: UInt8
    var role: Role
    /// The registered birth date is a placeholder (1 January, 1 July, 31 December).
    var placeholderDate: Bool

    enum Role: UInt8, Sendable { case head, spouse, child, parent }
}

/// Where a household lives at one time: a village and a street address in it.
struct Residence: Sendable {
    var village: Int32
    var kind: Kind
    var nameToken: Int32
    var number: Int16
    var block: UInt8
    var rt: UInt8
    var rw: UInt8

    enum Kind: UInt8, Sendable { case street, gang, komplek, kampung, dusun }
}

/// A family: one family card (KK), one address, its members next to each other in `persons`.
struct Household: Sendable {
    var firstMember: Int32
    var memberCount: Int32
    var kk: UInt64
    var residence: Residence
    /// For households that moved: the KK and residence from list `movedBeforeList` on.
    var kkAfterMove: UInt64
    var residenceAfterMove: Residence
    var movedBeforeList: Int8

    var members: Range<Int> { Int(firstMember) ..< Int(firstMember + memberCount) }

    func residence(atList list: Int) -> Residence {
        movedBeforeList >= 0 && list >= Int(movedBeforeList) ? residenceAfterMove : residence
    }

    func kk(atList list: Int) -> UInt64 {
        movedBeforeList >= 0 && list >= Int(movedBeforeList) ? kkAfterMove : kk
    }
}

/// Counts of population features, recorded in `synth.json`.
public struct PopulationStats: Codable, Sendable, Equatable {
    public var households = 0
    public var persons = 0
    public var movedHouseholds = 0
    public var twinBirths = 0
    public var placeholderBirthDates = 0
    /// People given the birth date of an earlier person whose NIK was issued in the same district
    /// (so the two NIKs differ only in the serial).
    public var sharedBirthDayAndDistrict = 0
    public var nikIssuedOutsideHomeRegency = 0
    public var titled = 0
}

/// Builds households and people: ages, kinship, names, NIKs and KKs that agree with them.
struct PopulationBuilder {
    let c: Corpora
    let reference: Day
    let moveRate: Double
    var rng: SynthRandom
    var persons: [Person] = []
    var households: [Household] = []
    var stats = PopulationStats()
    private var nikSerial: [UInt64: UInt16] = [:]
    private var kkSerial: [UInt64: UInt16] = [:]
    /// The last birth date given to someone whose NIK was issued in a district, per birth year.
    private var recentBirth: [Int: Day] = [:]
    /// Per regency (index), the districts households live in: all of them, unless
    /// ``restrictResidence(people:coverage:seed:)`` chose fewer.
    private var residentDistricts: [[Int]]

    /// The share of deliveries that are twin deliveries: 1 %. The twinning rate of South and
    /// Southeast Asia is among the world's lowest, under 10 twin deliveries per 1,000 in the
    /// Demographic and Health Surveys (Smits and Monden 2011, "Twinning across the developing
    /// world", PLoS ONE 6(9): e25239), the Indonesian IDHS included; 1 % of deliveries is about
    /// 2 % of children born.
    static let twinDeliveryRate = 0.01

    init(corpora: Corpora, reference: Day, moveRate: Double, rng: SynthRandom) {
        self.c = corpora
        self.reference = reference
        self.moveRate = moveRate
        self.rng = rng
        residentDistricts = corpora.regencies.map(\.districts)
    }

    /// Lets the households of each home regency live in only as many of its districts as a list
    /// that holds a fraction `coverage` of their people needs: `people[r]` list people expected
    /// in regency `r`, a district's population taken as the regency's (2020 census) over its
    /// district count. The districts are a seeded random choice. Real lists are this dense: DTKS
    /// held 97 million of Indonesia's 270 million people in 2020 (coverage 0.36), so a list of a
    /// million rows covers some 35 kecamatan of 80,000 people, not every district of a province;
    /// with Indonesia's crude birth rate of about 17 per 1,000 (BPS, SUPAS 2015 and the 2020
    /// census long form), such a kecamatan registers 3 to 4 births a day, one or two of each sex,
    /// who share the first 12 digits of their NIKs.
    mutating func restrictResidence(people: [Int: Double], coverage: Double, seed: UInt64) {
        var pick = SynthRandom(seed: seed, stream: 3)
        for (r, n) in people.sorted(by: { $0.key < $1.key }) {
            var districts = c.regencies[r].districts
            guard !districts.isEmpty else { continue }
            let perDistrict = Double(c.regencies[r].population) * 1000 / Double(districts.count)
            let needed = Int((n / (coverage * perDistrict)).rounded(.up))
            pick.shuffle(&districts)
            residentDistricts[r] = Array(districts.prefix(min(districts.count, max(1, needed))))
        }
    }

    private static let sizeWeights = Weighted<Int>([(1, 10), (2, 17), (3, 24), (4, 23), (5, 14), (6, 7), (7, 3), (8, 2)])

    /// Adds one household. `regencyBefore`/`regencyAfter`: the regency (index) the household must
    /// live in before and after a move (nil: anywhere in the home regencies); `moveBefore`: the
    /// list index from which a moved household lives at its new address, or nil for no move.
    mutating func addHousehold(regencyBefore: Int?, regencyAfter: Int?, moveBefore: Int?) -> Int {
        let index = households.count
        let village = pickVillage(regency: regencyBefore)
        var h = Household(firstMember: Int32(persons.count), memberCount: 0, kk: 0,
                          residence: makeResidence(village: village), kkAfterMove: 0,
                          residenceAfterMove: makeResidence(village: village), movedBeforeList: -1)
        let homeDistrict = c.villages[Int(village)].district
        h.kk = makeKK(district: homeDistrict, from: Day(2006, 1, 1), to: reference)
        if let moveBefore {
            var newVillage = village
            let oldRegency = c.districts[homeDistrict].regency
            for _ in 0 ..< 10 where newVillage == village {
                let u = rng.unit()
                if let forced = regencyAfter, forced != oldRegency {
                    newVillage = pickVillage(regency: forced)
                } else if u < 0.55 {
                    newVillage = Int32(rng.element(c.districts[homeDistrict].villages))
                } else if u < 0.85 || regencyAfter != nil {
                    newVillage = pickVillage(regency: oldRegency)
                } else {
                    newVillage = pickVillage(regency: nil)
                }
            }
            h.residenceAfterMove = makeResidence(village: newVillage)
            h.kkAfterMove = makeKK(district: c.villages[Int(newVillage)].district, from: reference,
                                   to: Day(reference.year + 1, 6, 30))
            h.movedBeforeList = Int8(moveBefore)
            stats.movedHouseholds += 1
        } else {
            h.kkAfterMove = h.kk
        }
        households.append(h)
        stats.households += 1
        addMembers(household: index, district: homeDistrict)
        return index
    }

    private mutating func addMembers(household: Int, district: Int) {
        let size = Self.sizeWeights.pick(&rng)
        let headAge: Int
        var headSex: UInt8 = 1
        if size == 1 {
            headAge = rng.chance(0.6) ? rng.int(60...85) : rng.int(22...40)
            if rng.chance(0.55) { headSex = 2 }
        } else {
            let u = rng.unit()
            headAge = u < 0.15 ? rng.int(25...32) : (u < 0.75 ? rng.int(33...55) : rng.int(56...80))
        }
        let hasSpouse = size >= 2 && rng.chance(0.88)
        if !hasSpouse && size >= 2 && rng.chance(0.5) { headSex = 2 }
        let h = Int32(household)
        addPerson(household: h, role: .head, sex: headSex, birth: birthDate(age: headAge), district: district)
        var remaining = size - 1
        var motherAge = headSex == 2 ? headAge : max(18, headAge - 3)
        if hasSpouse {
            let spouseAge = max(18, headAge - rng.int(-2...9))
            addPerson(household: h, role: .spouse, sex: 2, birth: birthDate(age: spouseAge), district: district)
            motherAge = spouseAge
            remaining -= 1
        }
        if remaining >= 1 && headAge <= 60 && rng.chance(0.12) {
            let age = min(95, headAge + rng.int(22...35))
            addPerson(household: h, role: .parent, sex: rng.chance(0.7) ? 2 : 1, birth: birthDate(age: age),
                      district: district)
            remaining -= 1
        }
        // Children, eldest first: the mother was 18-30 at the first birth, then 1-5 years apart.
        var childAge = motherAge - rng.int(18...30)
        while remaining > 0 && childAge >= 0 {
            let birth = birthDate(age: childAge)
            let sex: UInt8 = rng.chance(0.5) ? 1 : 2
            addPerson(household: h, role: .child, sex: sex, birth: birth, district: district)
            remaining -= 1
            if remaining > 0 && rng.chance(Self.twinDeliveryRate) {
                // Twins: same birth date and district, so their NIKs differ only in the serial.
                addPerson(household: h, role: .child, sex: rng.chance(0.6) ? sex : 3 - sex, birth: birth,
                          district: district, twin: true)
                stats.twinBirths += 1
                remaining -= 1
            }
            childAge -= rng.int(1...5)
        }
    }

    private mutating func birthDate(age: Int) -> Day {
        var d = Day.random(in: reference.year - age - 1, &rng)
        if d.age(at: reference) != age { d = Day(d.year + 1, d.month, min(d.day, 28)) }
        return d
    }

    private mutating func addPerson(household: Int32, role: Person.Role, sex: UInt8, birth: Day, district: Int,
                                    twin: Bool = false) {
        // Where the NIK was issued: mostly the district the family lives in; spouses and the elderly
        // more often came from elsewhere, some from another city of the province.
        var nikDistrict = district
        let away: Double = role == .child ? 0.1 : (role == .head ? 0.25 : 0.4)
        if !twin && rng.chance(away) {
            let r = rng.chance(0.4) ? rng.element(c.originRegencies) : c.homeRegencies.pick(&rng)
            nikDistrict = rng.element(c.regencies[r].districts)
        }
        if c.districts[nikDistrict].regency != c.districts[district].regency { stats.nikIssuedOutsideHomeRegency += 1 }
        var date = birth
        var placeholder = false
        if !twin {
            if date.year < 1960 && rng.chance(0.3) {
                let u = rng.unit()
                date = u < 0.6 ? Day(date.year, 1, 1) : (u < 0.85 ? Day(date.year, 7, 1) : Day(date.year, 12, 31))
                placeholder = true
                stats.placeholderBirthDates += 1
            } else {
                let key = c.districts[nikDistrict].code * 10_000 + date.year
                if let earlier = recentBirth[key], rng.chance(0.02) {
                    date = earlier
                    stats.sharedBirthDayAndDistrict += 1
                }
                recentBirth[key] = date
            }
        }
        let name = Names.make(sex: sex, birthYear: date.year, &rng, c)
        let age = date.age(at: reference)
        var title: Int16 = -1
        if age >= 23 && rng.chance(age >= 40 ? 0.12 : 0.05) {
            for _ in 0 ..< 8 {
                let pick = rng.below(c.titles.items.count)
                let t = c.titles.items[pick]
                if (t.sex == 0 || t.sex == sex) && age >= t.minimumAge && (age >= 40 || !t.isPrefix) {
                    title = Int16(pick)
                    stats.titled += 1
                    break
                }
            }
        }
        let homeRegencyCode = c.regencies[c.districts[nikDistrict].regency].code
        let local = c.birthPlacesByRegency[homeRegencyCode] ?? []
        let birthPlace = !local.isEmpty && rng.chance(0.65) ? rng.element(local) : c.birthPlaces.pickIndex(&rng)
        let nik = makeNIK(district: nikDistrict, birth: date, female: sex == 2)
        persons.append(Person(name: name, nik: nik, birth: date, household: household, title: title,
                              birthPlace: Int16(birthPlace), sex: sex, role: role, placeholderDate: placeholder))
        households[Int(household)].memberCount += 1
        stats.persons += 1
    }

    /// NIK: district (6) + birth day (+40 for women), month, 2-digit year (6) + serial (4). Serials
    /// for one district and date are increasing; gaps stand for people on no list.
    private mutating func makeNIK(district: Int, birth: Day, female: Bool) -> UInt64 {
        let prefix = UInt64(c.districts[district].code) * 1_000_000
            + UInt64(birth.day + (female ? 40 : 0)) * 10_000 + UInt64(birth.month) * 100 + UInt64(birth.year % 100)
        return prefix * 10_000 + UInt64(Self.nextSerial(&nikSerial, prefix, &rng))
    }

    /// KK: district (6) + issue date DDMMYY (6) + serial (4).
    private mutating func makeKK(district: Int, from: Day, to: Day) -> UInt64 {
        let issued = Day.random(from: from, to: to, &rng)
        let prefix = UInt64(c.districts[district].code) * 1_000_000
            + UInt64(issued.day) * 10_000 + UInt64(issued.month) * 100 + UInt64(issued.year % 100)
        return prefix * 10_000 + UInt64(Self.nextSerial(&kkSerial, prefix, &rng))
    }

    private static func nextSerial(_ table: inout [UInt64: UInt16], _ prefix: UInt64, _ rng: inout SynthRandom) -> UInt16 {
        let serial: UInt16
        if let last = table[prefix] {
            serial = min(9999, last + UInt16(rng.int(1...2)))
        } else {
            serial = UInt16(rng.int(1...3))
        }
        table[prefix] = serial
        return serial
    }

    private mutating func pickVillage(regency: Int?) -> Int32 {
        let r = regency ?? c.homeRegencies.pick(&rng)
        let d = rng.element(residentDistricts[r])
        return Int32(rng.element(c.districts[d].villages))
    }

    private mutating func makeResidence(village: Int32) -> Residence {
        let v = c.villages[Int(village)]
        let urban = v.isUrban || c.regencies[c.districts[v.district].regency].isCity
        let u = rng.unit()
        let kind: Residence.Kind
        if urban {
            kind = u < 0.3 ? .street : (u < 0.65 ? .gang : (u < 0.8 ? .komplek : .kampung))
        } else {
            kind = u < 0.8 ? .kampung : (u < 0.9 ? .dusun : .street)
        }
        let name = (kind == .kampung || kind == .dusun) ? rng.element(c.kampung) : rng.element(c.streets)
        let number: Int16 = (kind == .kampung || kind == .dusun) && rng.chance(0.7) ? 0 : Int16(rng.int(1...180))
        return Residence(village: village, kind: kind, nameToken: name, number: number,
                         block: UInt8(rng.int(0...7)), rt: UInt8(rng.int(1...14)), rw: UInt8(rng.int(1...11)))
    }
}
