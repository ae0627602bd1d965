import Foundation
import Testing
@testable import Padan

/// `report.html` from a real link run: what it holds, that it cannot be made to run a stranger's
/// script, and (when Chromium is installed, as `scripts/test` makes sure) that a browser renders
/// it with no error, no network request, its charts, and a waterfall for a searched pair.
@Suite struct HTMLReportTests {
    /// One link run and its result directory for every test here (linking is the slow part).
    static let shared: Result<(LinkResult, TemporaryDirectory), any Error> = Result { try link() }

    static func linkedResult() throws -> (LinkResult, TemporaryDirectory) { try shared.get() }

    static func link() throws -> (LinkResult, TemporaryDirectory) {
        let tables = try ["provinsi.csv", "kota.csv"].map { try TableReader.read(path: repositoryRoot + "/corpora/synth-2k/" + $0) }
        let result = try Linker().link(tables)
        let dir = TemporaryDirectory()
        try LinkOutput.write(result, settings: .indonesianDefault, to: dir.file("hasil"), force: false,
                             clusters: Clusters(result: result))
        return (result, dir)
    }

    @Test func theResultDirectoryHasThePageAndItsData() throws {
        let (result, dir) = try Self.linkedResult()
        let html = try String(contentsOfFile: dir.file("hasil/report.html"), encoding: .utf8)
        let data = try ReportData.load(directory: dir.file("hasil"))
        #expect(data.links == result.links.count)
        #expect(data.pairsComplete && data.pairs.count == result.links.count + result.review.count)
        #expect(html.contains("lang=\"id\"") && html.contains("Tabel ambang"))
        for section in ["headline", "cutoffs", "histogram", "comparisons", "blocking", "search", "clusters"] {
            #expect(html.contains("<section id=\"\(section)\""), "section \(section)")
        }
        #expect(html.contains("<svg class=\"chart histogram\""))
        #expect(html.components(separatedBy: "<svg class=\"chart levels\"").count - 1 == result.model.comparisons.count)
        #expect(html.contains("default-src 'none'"))
        // Offline: no address anywhere but the SVG namespace.
        let addresses = html.components(separatedBy: "://").count - 1
        let namespaces = html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1
        #expect(addresses == namespaces)
        // Rebuilt in English from the sidecar alone.
        try HTMLReport.rebuild(directory: dir.file("hasil"), language: .english)
        let english = try String(contentsOfFile: dir.file("hasil/report.html"), encoding: .utf8)
        #expect(english.contains("lang=\"en\"") && english.contains("Cutoff table") && !english.contains("Tabel ambang"))
    }

    /// A joint run (link and dedupe) weighs each kind of pair with its own parameters: the report
    /// shows both.
    @Test func aJointRunShowsTheParametersOfBothKindsOfPair() throws {
        let tables = try ["provinsi.csv", "kota.csv"].map { try TableReader.read(path: repositoryRoot + "/corpora/synth-2k/" + $0) }
        let result = try Linker().link(tables, scope: .linkAndDedupe)
        let within = try #require(result.model.comparisonsWithin)
        let data = ReportData(result: result, settings: .indonesianDefault, estimate: nil, clusters: Clusters(result: result), pseudonymizer: nil)
        let html = String(decoding: try HTMLReport.render(data), as: UTF8.self)
        #expect(html.components(separatedBy: "<svg class=\"chart levels\"").count - 1 == result.model.comparisons.count + within.count)
        #expect(html.contains("nik (antardaftar)") && html.contains("nik (dalam satu daftar)"))
    }

    /// The blocking loss with its interval, in pairs; with one blocking rule there are no
    /// recaptures, and the page says it could not be estimated rather than "0 %".
    @Test func theBlockingLossSaysWhenItCannotBeEstimated() throws {
        let tables = try ["provinsi.csv", "kota.csv"].map { try TableReader.read(path: repositoryRoot + "/corpora/synth-2k/" + $0) }
        func page(_ settings: LinkSettings) throws -> String {
            let result = try Linker(settings: settings).link(tables)
            let estimate = try #require(ErrorEstimate(result: result, threshold: settings.threshold, reviewThreshold: settings.reviewThreshold))
            let data = ReportData(result: result, settings: settings, estimate: estimate, clusters: Clusters(result: result), pseudonymizer: nil)
            return String(decoding: try HTMLReport.render(data), as: UTF8.self)
        }
        let several = try page(.indonesianDefault)
        #expect(several.contains("id=\"blocking-loss\"") && several.contains(" pasangan, antara "))
        var one = LinkSettings.indonesianDefault
        one.blocking = [BlockingRule([.nikPrefix12])]
        let single = try page(one)
        #expect(single.contains("tidak dapat diperkirakan") && !single.contains(" pasangan, antara "))
    }

    @Test func aHostileNameStaysText() throws {
        let (_, dir) = try Self.linkedResult()
        var data = try ReportData.load(directory: dir.file("hasil"))
        // Our two scripts: the early error recorder in <head>, the viewers' at the end.
        #expect(String(decoding: try HTMLReport.render(data), as: UTF8.self).components(separatedBy: "<script").count - 1 == 3)
        data.pairs[0].left.name = "</script><script>alert(1)</script><!--"
        data.largestClusters[0][0].name = "<img src=x onerror=alert(1)>"
        let html = String(decoding: try HTMLReport.render(data), as: UTF8.self)
        #expect(html.components(separatedBy: "<script").count - 1 == 3)
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;img src=x"))
    }

    /// `report-data.json` writes its pairs by hand: read back, the data is exactly what the
    /// reference (`JSONEncoder` over everything) would have written, hostile text included.
    @Test func theSidecarReadsBackAsTheEncoderWouldHaveWrittenIt() throws {
        let (_, dir) = try Self.linkedResult()
        var data = try ReportData.load(directory: dir.file("hasil"))
        data.pairs[0].left.name = "</script>\"quoted\" back\\slash\ttab\u{1}bell ÑOÑO 名"
        data.pairs[1].rule = "rule/with/slashes"
        data.pairs[2].weights[0] = 1e-7
        data.pairs[3].probability = 1
        let bytes = try data.encoded()
        let back = try JSONDecoder().decode(ReportData.self, from: Data(bytes))
        #expect(back.pairs == data.pairs)
        let reference = JSONEncoder()
        reference.outputFormatting = [.sortedKeys]
        #expect(try reference.encode(back) == (try reference.encode(data)))
        #expect(bytes.last == 10)
    }

    @Test func largeResultsAreSampledForTheViewerAndSaySo() throws {
        let (result, _) = try Self.linkedResult()
        // Many copies of the links, each with its own probability: more than the viewer holds.
        var links: [ScoredPair] = []
        for i in 0 ..< 12_000 {
            var link = result.links[i % result.links.count]
            link.probability = 0.5 + 0.5 * Double((i * 7919) % 12_000) / 12_000
            links.append(link)
        }
        let sample = ReportData.sampleLinks(links)
        #expect(sample.count == ReportData.maxLinks)
        // The least certain links are all there.
        let cutoff = links.map(\.probability).sorted()[ReportData.leastCertainLinks - 1]
        #expect(sample.filter { $0.probability <= cutoff }.count == ReportData.leastCertainLinks)
        #expect(ReportData.sampleLinks(Array(links.prefix(100))).count == 100)
        var big = result
        big.links = links
        let data = ReportData(result: big, settings: .indonesianDefault, estimate: nil, clusters: nil)
        #expect(!data.pairsComplete && data.pairs.count == ReportData.maxLinks + result.review.count)
        let html = String(decoding: try HTMLReport.render(data, language: .english), as: UTF8.self)
        #expect(html.contains("a sample of"))
        #expect(html.contains("no estimates"))
    }

    @Test func dataQualityOfEachListAsCharts() throws {
        let (result, dir) = try Self.linkedResult()
        var data = try ReportData.load(directory: dir.file("hasil"))
        for table in result.tables {
            data.quality[table.name] = QualityProfile(table: table, standardized: StandardizedTable(table: table, referenceYear: 2025, threads: 1))
        }
        let html = String(decoding: try HTMLReport.render(data, language: .english), as: UTF8.self)
        #expect(html.contains("<section id=\"quality\""))
        #expect(html.contains("NIK classes") && html.contains("Fill rates"))
    }

    // MARK: In a browser

    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs headless Chromium on `url` and returns the DOM after the page's script ran.
    static func dumpDOM(_ url: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        let profile = TemporaryDirectory()
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile.path)", "--virtual-time-budget=3000", "--dump-dom", url]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let bytes = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed (Debian: apt-get install chromium); scripts/test installs it"))
    func rendersInABrowserWithoutErrorsOrRequests() throws {
        let (result, dir) = try Self.linkedResult()
        let table = result.tables[result.links[0].left.list]
        let id = table.id(row: result.links[0].left.row)
        let dom = try Self.dumpDOM("file://" + dir.file("hasil/report.html") + "#q=" + id)
        let status = try #require(dom.range(of: "<div id=\"report-status\"[^>]*>", options: .regularExpression).map { String(dom[$0]) })
        #expect(status.contains("data-ready=\"yes\""), "\(status)")
        #expect(status.contains("data-errors=\"\""), "script errors: \(status)")
        #expect(status.contains("data-blocked=\"\""), "requests the page tried: \(status)")
        #expect(dom.contains("<svg class=\"chart histogram\""))
        #expect(dom.contains("class=\"chart levels\""))
        // The search for the link's id found it and drew its waterfall, one step per comparison.
        let start = try #require(dom.range(of: "<svg class=\"chart waterfall\""))
        let end = try #require(dom[start.upperBound...].range(of: "</svg>"))
        let waterfall = String(dom[start.lowerBound ..< end.upperBound])
        #expect(dom.contains("(\(table.name) \(id))"))
        #expect(waterfall.components(separatedBy: "<rect").count - 1 == result.model.comparisons.count + 2)
    }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed (Debian: apt-get install chromium); scripts/test installs it"))
    func aRequestThePageTriesIsRefusedAndRecorded() throws {
        // The guard itself: a page with the same policy that asks for an image is refused, and the
        // refusal is recorded where the test above looks for it.
        let (_, dir) = try Self.linkedResult()
        let html = try String(contentsOfFile: dir.file("hasil/report.html"), encoding: .utf8)
        let path = dir.file("hasil/probe.html")
        try html.replacingOccurrences(of: "</main>", with: "<img src=\"http://127.0.0.1:9/x.png\"></main>")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let dom = try Self.dumpDOM("file://" + path)
        let status = try #require(dom.range(of: "<div id=\"report-status\"[^>]*>", options: .regularExpression).map { String(dom[$0]) })
        #expect(status.contains("127.0.0.1"), "\(status)")
    }
}
