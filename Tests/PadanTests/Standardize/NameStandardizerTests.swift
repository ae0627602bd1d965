import Testing
@testable import Padan

@Suite struct NameStandardizerTests {
    static func run(_ input: String) -> NameStandardizer {
        var s = NameStandardizer()
        s.standardize(input)
        return s
    }

    @Test(arguments: [
        // Case, accents, punctuation.
        ("siti aminah", "SITI AMINAH"), ("  Siti   Aminah ", "SITI AMINAH"), ("Ma'ruf Amin", "MARUF AMIN"),
        ("MA’RUF", "MARUF"), ("José Rizal", "JOSE RIZAL"), ("SITI-AMINAH", "SITI AMINAH"), ("BUDI 2", "BUDI"),
        // Titles and degrees wherever they stand.
        ("HJ. SITI AMINAH, S.PD", "SITI AMINAH"), ("Hj Siti Aminah S.Pd", "SITI AMINAH"),
        ("H. AHMAD", "AHMAD"), ("H AHMAD", "AHMAD"), ("KH. AHMAD DAHLAN", "AHMAD DAHLAN"),
        ("DRS. H. AHMAD YANI, M.SI", "AHMAD YANI"), ("Dra. Sri Mulyani", "SRI MULYANI"),
        ("Prof. Dr. Ir. Budi Santoso, M.Kes", "BUDI SANTOSO"), ("IR. SOEKARNO", "SOEKARNO"),
        ("AHMAD FAUZI SE", "AHMAD FAUZI"), ("AHMAD FAUZI S.E.", "AHMAD FAUZI"), ("AHMAD FAUZI, SH, MH", "AHMAD FAUZI"),
        ("RINA AMD", "RINA"), ("RINA A.MD.KEP", "RINA"), ("DEWI LESTARI, S.Kom.", "DEWI LESTARI"),
        ("AGUS S. PD", "AGUS"), ("AGUS, S.Pd.I", "AGUS"), ("BUDI ST", "BUDI"), ("BUDI S.T.", "BUDI"),
        ("YULI S.SOS", "YULI"), ("YULI S.IP", "YULI"), ("YULI M.PD", "YULI"), ("YULI M.M", "YULI"),
        ("SITI AMINAH HJ", "SITI AMINAH"), ("ALM. SUPARDI", "SUPARDI"), ("NY. SITI", "SITI"),
        // "H" is a title only before the name; elsewhere it is an initial.
        ("AHMAD H. SALIM", "AHMAD H SALIM"), ("H", "H"), ("HJ", "HJ"), ("H. H. AHMAD", "AHMAD"),
        // Titles are not removed from inside words, and names that look like titles stay.
        ("IRWAN", "IRWAN"), ("HERI", "HERI"), ("DRAJAT", "DRAJAT"), ("SEPTI", "SEPTI"), ("IRA SETIAWATI", "IRA SETIAWATI"),
        ("SE AMINAH", "SE AMINAH"),
        // Dotted single letters at the start are initials (M.H. THAMRIN is Mohammad Husni Thamrin).
        ("M.H. THAMRIN", "MUHAMMAD H THAMRIN"), ("S.H. MINTARDJA", "S H MINTARDJA"),
        // MUHAMMAD and ABDUL.
        ("M. RIZKI", "MUHAMMAD RIZKI"), ("M RIZKI", "MUHAMMAD RIZKI"), ("M.RIZKI", "MUHAMMAD RIZKI"),
        ("MUHAMAD RIZKI", "MUHAMMAD RIZKI"), ("MOHAMMAD RIZKI", "MUHAMMAD RIZKI"), ("MOCH. RIZKI", "MUHAMMAD RIZKI"),
        ("MOCHAMAD RIZKI", "MUHAMMAD RIZKI"), ("MOH RIZKI", "MUHAMMAD RIZKI"), ("MHD. RIZKI", "MUHAMMAD RIZKI"),
        ("MUH. RIZKI", "MUHAMMAD RIZKI"), ("H. M. RIZKI", "MUHAMMAD RIZKI"), ("RIZKI M", "RIZKI M"), ("M", "M"),
        ("ABD. RAHMAN", "ABDUL RAHMAN"), ("ABD RAHMAN", "ABDUL RAHMAN"), ("ABDOEL RAHMAN", "ABDUL RAHMAN"),
        ("ABDULLAH", "ABDULLAH"),
        // Initials are kept.
        ("SITI R. AMINAH", "SITI R AMINAH"), ("A. YANI", "A YANI"),
        // BIN / BINTI: the father's name goes elsewhere.
        ("AHMAD BIN ABDULLAH", "AHMAD"), ("SITI AMINAH BINTI H. MUHAMMAD YUSUF", "SITI AMINAH"), ("BIN AHMAD", "BIN AHMAD"),
        ("", ""), ("...", ""), ("12345", ""),
    ])
    func name(input: String, expected: String) {
        #expect(StandardizeTest.string(Self.run(input).name) == expected, "\(input)")
    }

    @Test func excelErrorsAndNullWordsAreNoName() {
        // A failed VLOOKUP's #N/A read as a name was N A, the same name for every such record.
        for empty in ["#N/A", " #n/a ", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "NULL", "null", "N/A", "NONE"] {
            let s = Self.run(empty)
            #expect(s.name.isEmpty && s.phonetic.isEmpty, "\(empty)")
        }
        // Names that only look alike are names.
        for name in ["NANI", "NA'IM", "NILA", "NAN", "NIL", "NAN SUHARTI", "NUR NULLAH"] {
            #expect(!Self.run(name).name.isEmpty, "\(name)")
        }
    }

    @Test func titledAndPlainSpellingsAgree() {
        #expect(Self.run("HJ. SITI AMINAH, S.PD").name == Self.run("SITI AMINAH").name)
        #expect(Self.run("M. RIZKI").name == Self.run("MUHAMMAD RIZKI").name)
        #expect(Self.run("MOCH. RIZKI").phonetic == Self.run("MUHAMAD RIZKY").phonetic)
    }

    @Test(arguments: [
        ("AHMAD BIN ABDULLAH", "ABDULLAH"), ("SITI AMINAH BINTI H. MUHAMMAD YUSUF", "MUHAMMAD YUSUF"),
        ("ALI BIN ABD. RAHMAN", "ABDUL RAHMAN"), ("AHMAD", ""), ("AHMAD BIN", ""),
    ])
    func father(input: String, expected: String) {
        #expect(StandardizeTest.string(Self.run(input).father) == expected)
    }

    @Test func sortedPhoneticAndFirstToken() {
        let s = Self.run("Hj. Siti Aminah binti Yusuf")
        #expect(StandardizeTest.string(s.sorted) == "AMINAH SITI")
        #expect(StandardizeTest.string(s.phonetic) == "SITI AMINA")
        #expect(StandardizeTest.string(s.firstPhonetic) == "SITI")
        // The first token that is not MUHAMMAD, ABDUL or an initial.
        #expect(StandardizeTest.string(Self.run("M. RIZKI").firstPhonetic) == "RISKI")
        #expect(StandardizeTest.string(Self.run("ABD. R. SOEKARNO").firstPhonetic) == "SUKARNO")
        #expect(StandardizeTest.string(Self.run("MUHAMMAD").firstPhonetic) == "MUHAMAD")
        #expect(StandardizeTest.string(Self.run("A B").firstPhonetic) == "A")
        #expect(StandardizeTest.string(Self.run("").firstPhonetic) == "")
    }
}

extension NameStandardizerTests {
    @Test(arguments: [
        ("MUHAMMAD AL-FATIH", "MUHAMMAD ALFATIH", "ALPATI"), ("MUHAMMAD AL FATIH", "MUHAMMAD ALFATIH", "ALPATI"),
        ("MUHAMMAD ALFATIH", "MUHAMMAD ALFATIH", "ALPATI"), ("AL", "AL", "AL"), ("FATIH AL", "FATIH AL", "PATI"),
        ("TGK. H. ABDUL GANI", "ABDUL GANI", "GANI"), ("TENGKU AMIR", "TENGKU AMIR", "TENGKU"),
    ])
    func articleAndAcehneseTitle(input: String, name: String, first: String) {
        let s = Self.run(input)
        #expect(StandardizeTest.string(s.name) == name)
        #expect(StandardizeTest.string(s.firstPhonetic) == first)
    }
}
