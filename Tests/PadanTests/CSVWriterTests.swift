import Foundation
import Testing
@testable import Padan

@Suite struct CSVWriterTests {
    func written(_ values: [String]) -> String {
        var w = CSVWriter()
        w.row(values)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    @Test func formulaLikeCellsAreNeutralizedButNumbersAreNot() {
        #expect(written(["=SUM(A1)", "+62812", "-12.5", "@cmd", "\tx", "-", "+1-2", "-1.2E+3"])
            == "'=SUM(A1),+62812,-12.5,'@cmd,'\tx,'-,'+1-2,-1.2E+3\n")
    }

    @Test func quotesWhereNeeded() {
        #expect(written(["JL. A, NO 1", "say \"hi\"", "two\nlines", "plain"])
            == "\"JL. A, NO 1\",\"say \"\"hi\"\"\",\"two\nlines\",plain\n")
        #expect(written(["=1,2"]) == "\"'=1,2\"\n")
    }

    @Test(arguments: [(0.5, 6, "0.500000"), (12.345, 3, "12.345"), (-2.5, 1, "-2.5"), (7, 0, "7"),
                      (-0.0001, 3, "0.000"), (0.999_999_9, 6, "1.000000")])
    func fixedPoint(value: Double, decimals: Int, expected: String) {
        var w = CSVWriter()
        w.field(value, decimals: decimals)
        #expect(String(decoding: w.bytes, as: UTF8.self) == expected)
        #expect(CSVWriter.format(value, decimals: decimals) == expected)
    }

    /// The digits written straight into the buffer (CSV and workbook cells) against the plain
    /// String formatting, on seeded random values of every magnitude and sign, 0 to 15 decimals.
    @Test func fixedPointBytesMatchTheStringFormatting() {
        var rng = SplitMix64(seed: 5)
        for _ in 0 ..< 20_000 {
            let decimals = Int(rng.next() % 16)
            let magnitude = pow(10, Double(Int(rng.next() % 14)) - 6)
            let value = (Double(rng.next() % 2_000_001) / 1_000_000 - 1) * magnitude
            var scale = 1.0
            for _ in 0 ..< decimals { scale *= 10 }
            let scaled = (abs(value) * scale).rounded()
            guard scaled < 9.0e15 else { continue }
            var bytes: [UInt8] = value < 0 && scaled != 0 ? [UInt8(ascii: "-")] : []
            NumberFormat.appendFixed(UInt64(scaled), decimals: decimals, point: UInt8(ascii: "."), to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == NumberFormat.decimal(value, decimals: decimals), "\(value) \(decimals)")
        }
    }

    @Test func quotesTheDelimiterOfEachDialect() {
        var standard = CSVWriter(), excel = CSVWriter(dialect: .excel)
        for w in [0, 1] {
            let values = ["a;b", "a,b", "plain"]
            if w == 0 { standard.row(values) } else { excel.row(values) }
        }
        #expect(String(decoding: standard.bytes, as: UTF8.self) == "a;b,\"a,b\",plain\n")
        #expect(String(decoding: excel.bytes.dropFirst(3), as: UTF8.self) == "\"a;b\";\"a,b\";plain\n")
    }
}
