import Testing
@testable import Padan

@Suite struct SexStandardizerTests {
    @Test(arguments: [
        ("L", Sex.male), ("l", .male), ("LK", .male), ("Laki-laki", .male), ("LAKI LAKI", .male), ("laki2", .male),
        ("PRIA", .male), ("1", .male), ("M", .male), ("Male", .male), ("L.", .male),
        ("P", .female), ("PR", .female), ("Perempuan", .female), ("WANITA", .female), ("W", .female),
        ("2", .female), ("F", .female), ("female", .female),
        ("", .unknown), ("-", .unknown), ("X", .unknown), ("3", .unknown), ("LP", .unknown), ("Laki-laki / Perempuan", .unknown),
    ])
    func read(input: String, expected: Sex) {
        #expect(StandardizeTest.sex(input) == expected)
    }
}
