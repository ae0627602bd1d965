import Testing
@testable import Padan

@Suite struct IndonesianPhoneticTests {
    /// Old (pre-1972) and new spellings, and common variant spellings, of the same name.
    @Test(arguments: [
        ("SOEKARNO", "SUKARNO"), ("SOEHARTO", "SUHARTO"), ("DJOKO", "JOKO"), ("TJAHJO", "CAHYO"),
        ("JUSUF", "YUSUF"), ("SJAMSUDIN", "SYAMSUDIN"), ("NJOMAN", "NYOMAN"), ("ACHMAD", "AKHMAD"),
        ("ACHMAD", "AHMAD"), ("CHOLIL", "KHOLIL"), ("MUHAMMAD", "MUHAMAD"), ("ABDULLAH", "ABDULAH"),
        ("WAHJUDI", "WAHYUDI"), ("SOETJIPTO", "SUCIPTO"), ("DJUANDA", "JUANDA"), ("TJOKROAMINOTO", "COKROAMINOTO"),
        ("AMINAH", "AMINA"), ("FATIMAH", "FATIMA"), ("RAMADHAN", "RAMADAN"), ("DEDY", "DEDI"), ("RUDY", "RUDI"),
        ("ZAENAL", "ZAINAL"), ("SAEFUL", "SAIFUL"), ("TAUFIQ", "TAUFIK"), ("TAOFIK", "TAUFIK"), ("ARIF", "ARIEF"),
        ("FITRI", "PITRI"), ("NOVI", "NOPI"), ("MARIYAM", "MARIAM"), ("SYARIFUDDIN", "SARIFUDIN"),
        ("DZULKIFLI", "ZULKIFLI"), ("THAMRIN", "TAMRIN"), ("SHOLEH", "SOLEH"), ("KHAIRUL", "HAIRUL"),
        ("RACHMAT", "RAHMAT"), ("OEMAR", "UMAR"), ("SUDJATMIKO", "SUJATMIKO"),
    ])
    func sameKey(a: String, b: String) {
        #expect(IndonesianPhonetic.key(a) == IndonesianPhonetic.key(b), "\(a) \(IndonesianPhonetic.key(a)) vs \(b) \(IndonesianPhonetic.key(b))")
    }

    /// Different names keep different keys.
    @Test(arguments: [
        ("AGUS", "AGUNG"), ("BUDI", "BUDIMAN"), ("SITI", "SETI"), ("ILHAM", "ILAM"), ("RINA", "RANI"),
        ("YUDI", "YUDA"), ("HASAN", "HUSIN"), ("JOKO", "JAKA"), ("DEWI", "DEWA"), ("NYOMAN", "NOMAN"),
        ("ANDI", "HANDI"), ("SUKARNO", "SUKIRNO"), ("FARHAN", "FARAN"),
    ])
    func differentKey(a: String, b: String) {
        #expect(IndonesianPhonetic.key(a) != IndonesianPhonetic.key(b), "\(a) vs \(b): \(IndonesianPhonetic.key(a))")
    }

    @Test(arguments: [
        ("SOEKARNO", "SUKARNO"), ("DJOKO", "YOKO"), ("TJAHJO", "CAHIO"), ("JUSUF", "YUSUP"), ("AMINAH", "AMINA"),
        ("H", "H"), ("A", "A"), ("HH", "H"), ("YY", "Y"),
    ])
    func keys(token: String, key: String) {
        #expect(IndonesianPhonetic.key(token) == key)
    }
}
