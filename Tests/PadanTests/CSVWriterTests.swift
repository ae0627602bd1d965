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
}
