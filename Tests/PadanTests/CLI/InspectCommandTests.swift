import Foundation
import Testing

@Suite struct InspectCommandTests {
    let sample = repositoryRoot + "/corpora/samples/penerima-kota-bandung.csv"

    @Test func mapsEveryRoleOfTheIndonesianSample() throws {
        let r = try PadanProcess.run(["inspect", sample, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let roles = json["roles"] as! [String: String]
        #expect(roles == [
            "id": "NO", "nik": "NIK", "kk": "NO. KK", "name": "NAMA LENGKAP", "birth_place": "TEMPAT LAHIR",
            "birth_date": "TANGGAL LAHIR", "sex": "JENIS KELAMIN", "address": "ALAMAT", "rt": "RT", "rw": "RW",
            "village": "DESA/KELURAHAN", "district": "KECAMATAN", "regency": "KAB/KOTA",
        ])
        #expect(json["rows"] as? Int == 10)
        let format = json["format"] as! [String: Any]
        #expect(format["delimiter"] as? String == ";")
        #expect(format["encoding"] as? String == "utf-8+windows-1252")
        #expect(format["byteOrderMark"] as? Bool == true)
    }

    @Test func readableTable() throws {
        let r = try PadanProcess.run(["inspect", sample])
        #expect(r.status == 0)
        #expect(r.stdout.contains("rows: 10 read (10 records, 0 rejected)"))
        #expect(r.stdout.contains("NAMA LENGKAP    name"))
    }

    @Test func badInputExitsOneWithFileAndLine() throws {
        let dir = TemporaryDirectory()
        let file = dir.write("kosong.csv", "NIK;NAMA\n")
        let r = try PadanProcess.run(["inspect", file])
        #expect(r.status == 1)
        #expect(r.stderr == "padan: \(file):1: the file has a header but no data rows\n")
        let missing = try PadanProcess.run(["inspect", sample, "--column", "nik=NO_NIK"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("column 'NO_NIK' given for role nik is not in the header"))
        let usage = try PadanProcess.run(["inspect", sample, "--column", "nama=NAMA"])
        #expect(usage.status != 0)
        #expect(usage.stderr.contains("unknown role 'nama'"))
    }
}
