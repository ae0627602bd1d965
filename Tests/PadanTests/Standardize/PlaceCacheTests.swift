import Testing
@testable import Padan

/// The place cache answers exactly what the standardizer answers, value by value: for repeats,
/// for values that differ only in case or spacing, past its capacity, and into a buffer that
/// already holds bytes.
@Suite struct PlaceCacheTests {
    static let places = ["KEL. SUKAJADI", "Kel Sukajadi", "DESA SUKAMAJU", "desa  sukamaju", "KECAMATAN COBLONG", "Kec. Coblong",
                         "KOTA BANDUNG", "Kab. Bandung", "KABUPATEN BANDUNG BARAT", "Kodya Bandung", "BANDUNG", "", " ",
                         "KP. CIWARU", "Jl. Merdeka", "NI'MAH", "Cimahi Utara", "KEL.", "DESA"]

    func direct(_ value: String, _ kind: AddressStandardizer.PlaceKind) -> [UInt8] {
        var standardizer = AddressStandardizer()
        var out: [UInt8] = []
        Array(value.utf8).withUnsafeBufferPointer { standardizer.place($0, kind: kind, into: &out) }
        return out
    }

    @Test(arguments: [AddressStandardizer.PlaceKind.village, .district, .regency, .birthPlace])
    func sameAsTheStandardizer(kind: AddressStandardizer.PlaceKind) {
        var cache = PlaceCache()
        var standardizer = AddressStandardizer()
        // Each value several times, in an order that mixes first sight and repeats.
        let values = (0 ..< 5).flatMap { round in Self.places.shuffledDeterministically(seed: UInt64(round)) }
        for value in values {
            var out: [UInt8] = [1, 2, 3]
            Array(value.utf8).withUnsafeBufferPointer { cache.place($0, kind: kind, standardizer: &standardizer, into: &out) }
            #expect(out == [1, 2, 3] + direct(value, kind), "\(value)")
        }
    }

    @Test func pastItsCapacityItStillAnswers() {
        var cache = PlaceCache()
        var standardizer = AddressStandardizer()
        for i in 0 ..< PlaceCache.capacity + 500 {
            let value = "KEL. DESA \(i % (PlaceCache.capacity + 100))"
            var out: [UInt8] = []
            Array(value.utf8).withUnsafeBufferPointer { cache.place($0, kind: .village, standardizer: &standardizer, into: &out) }
            #expect(out == direct(value, .village))
        }
    }
}

fileprivate extension Array {
    /// A fixed permutation (SplitMix64), so the test is the same on every run.
    func shuffledDeterministically(seed: UInt64) -> [Element] {
        var generator = SplitMix64(seed: seed)
        return shuffled(using: &generator)
    }
}
