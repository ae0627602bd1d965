import Foundation
import Testing
@testable import Padan

/// Properties every standardizer must have, on fixed-seed random input.
@Suite struct StandardizePropertyTests {
    /// Random bytes: mostly ASCII letters, digits and punctuation, plus bytes above 0x7F that make
    /// valid and invalid UTF-8 sequences (lone continuation bytes, truncated sequences, overlongs).
    static func randomBytes<G: RandomNumberGenerator>(_ g: inout G) -> [UInt8] {
        let alphabet = Array("AHJMNORSTUY.'-/ ,:0123456789EBINRW".utf8)
        return (0 ..< Int(g.next() % 48)).map { _ in
            g.next() % 3 == 0 ? UInt8(truncatingIfNeeded: g.next()) : alphabet[Int(g.next() % UInt64(alphabet.count))]
        }
    }

    static func onlyLettersAndSingleSpaces(_ bytes: [UInt8]) -> Bool {
        if bytes.first == 32 || bytes.last == 32 { return false }
        for (i, b) in bytes.enumerated() {
            if b == 32 { if i > 0 && bytes[i - 1] == 32 { return false } } else if !(b >= 65 && b <= 90) { return false }
        }
        return true
    }

    static func isValidDate(_ d: StandardizedDate, _ ref: Int) -> Bool {
        if d.flags.contains(.yearOnly) { return d.date == 0 && Int(d.year) <= ref && Int(d.year) >= ref - DateStandardizer.maximumAge }
        if d.date == 0 { return d.year == 0 }
        let y = Int(d.date) / 10000, m = Int(d.date) / 100 % 100, day = Int(d.date) % 100
        if Int(d.year) != y { return false }
        return CivilDate.isValid(year: y, month: m, day: day) && y <= ref && y >= ref - DateStandardizer.maximumAge
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func arbitraryBytesNeverCrashAndGiveWellFormedOutput(seed: UInt64) {
        var g = SplitMix64(seed: seed)
        var names = NameStandardizer(), address = AddressStandardizer()
        var out: [UInt8] = []
        for _ in 0 ..< 3000 {
            let bytes = Self.randomBytes(&g)
            bytes.withUnsafeBufferPointer { input in
                names.standardize(input)
                #expect(Self.onlyLettersAndSingleSpaces(names.name))
                #expect(Self.onlyLettersAndSingleSpaces(names.father))
                #expect(Self.onlyLettersAndSingleSpaces(names.phonetic))
                #expect(names.name.isEmpty == names.phonetic.isEmpty)
                address.standardize(input)
                #expect(address.street.allSatisfy { $0 == 32 || TextFold.isUpper($0) || TextFold.isDigit($0) })
                for kind in [AddressStandardizer.PlaceKind.village, .district, .regency, .birthPlace] {
                    out.removeAll()
                    address.place(input, kind: kind, into: &out)
                    #expect(out.allSatisfy { $0 == 32 || TextFold.isUpper($0) || TextFold.isDigit($0) })
                }
                out.removeAll()
                let nik = NIKStandardizer.standardize(input, into: &out)
                #expect(out.allSatisfy(TextFold.isDigit))
                if nik.nikClass == .valid || nik.nikClass == .possiblyZeroedTail { #expect(out.count == 16) }
                let date = DateStandardizer.standardize(input, referenceYear: 2025)
                #expect(Self.isValidDate(date, 2025))
                _ = SexStandardizer.standardize(input)
                _ = AddressStandardizer.rtColumn(input)
            }
        }
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func standardizingTwiceChangesNothing(seed: UInt64) {
        var g = SplitMix64(seed: seed)
        var first = NameStandardizer(), second = NameStandardizer()
        var a1 = AddressStandardizer(), a2 = AddressStandardizer()
        for round in 0 ..< 3000 {
            // Realistic values most of the time, arbitrary bytes sometimes.
            let nameInput = round % 4 == 3 ? Self.randomBytes(&g) : Array(MessyRecords.name(&g).utf8)
            nameInput.withUnsafeBufferPointer { first.standardize($0) }
            first.name.withUnsafeBufferPointer { second.standardize($0) }
            #expect(second.name == first.name, "\(String(decoding: nameInput, as: UTF8.self))")
            #expect(second.phonetic == first.phonetic)
            first.father.withUnsafeBufferPointer { second.standardize($0) }
            #expect(second.name == first.father)

            let addressInput = round % 4 == 3 ? Self.randomBytes(&g) : Array(MessyRecords.address(&g).utf8)
            addressInput.withUnsafeBufferPointer { a1.standardize($0) }
            a1.street.withUnsafeBufferPointer { a2.standardize($0) }
            #expect(a2.street == a1.street, "\(String(decoding: addressInput, as: UTF8.self))")

            let placeInput = round % 4 == 3 ? Self.randomBytes(&g) : Array(MessyRecords.pick(MessyRecords.places, &g).utf8)
            for kind in [AddressStandardizer.PlaceKind.village, .district, .regency, .birthPlace] {
                var once: [UInt8] = [], twice: [UInt8] = []
                placeInput.withUnsafeBufferPointer { a1.place($0, kind: kind, into: &once) }
                once.withUnsafeBufferPointer { a2.place($0, kind: kind, into: &twice) }
                #expect(once == twice)
            }

            let nikInput = round % 4 == 3 ? Self.randomBytes(&g) : Array(MessyRecords.nik(&g).utf8)
            var d1: [UInt8] = [], d2: [UInt8] = []
            let c1 = nikInput.withUnsafeBufferPointer { NIKStandardizer.standardize($0, into: &d1) }
            let c2 = d1.withUnsafeBufferPointer { NIKStandardizer.standardize($0, into: &d2) }
            #expect(d1 == d2)
            if c1.nikClass != .excelScientific && c1.nikClass != .nonDigit && c1.nikClass != .blank { #expect(c1 == c2) }

            let dateInput = round % 4 == 3 ? Self.randomBytes(&g) : Array(MessyRecords.date(&g).utf8)
            let date = dateInput.withUnsafeBufferPointer { DateStandardizer.standardize($0, referenceYear: 2025) }
            if date.date != 0 && !date.flags.contains(.yearOnly) {
                let iso = String(format: "%04d-%02d-%02d", date.date / 10000, date.date / 100 % 100, date.date % 100)
                #expect(StandardizeTest.date(iso).date == date.date)
            }

            let sex = MessyRecords.pick(MessyRecords.sexes, &g)
            let read = StandardizeTest.sex(sex)
            #expect(StandardizeTest.sex(read == .male ? "L" : read == .female ? "P" : "") == read)
        }
    }
}
