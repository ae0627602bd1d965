/// The report's words in Indonesian (the default) and English, by key. The results workbook uses
/// the same terms: *pasangan* for a pair, *tautan* for a link, *ambang* for the threshold.
extension OutputLanguage {
    /// The label for `key` (the key itself when it has none, so a missing label shows).
    func label(_ key: String) -> String {
        let table = self == .indonesian ? ReportLabels.indonesian : ReportLabels.english
        return table[key] ?? key
    }

    /// Digits grouped as the language writes them: 12.345 in Indonesian, 12,345 in English.
    func count(_ n: Int) -> String {
        var digits = String(abs(n)), out = ""
        let separator = self == .indonesian ? "." : ","
        while digits.count > 3 {
            out = separator + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + digits + out
    }

    /// A share as a percentage with `decimals` decimals (comma decimal separator in Indonesian).
    func percent(_ x: Double, decimals: Int = 2) -> String {
        let s = String(format: "%.\(decimals)f", x * 100)
        return (self == .indonesian ? s.replacingOccurrences(of: ".", with: ",") : s) + " %"
    }

    /// A decimal number.
    func decimal(_ x: Double, decimals: Int = 1) -> String {
        let s = String(format: "%.\(decimals)f", x)
        return self == .indonesian ? s.replacingOccurrences(of: ".", with: ",") : s
    }
}

enum ReportLabels {
    static let indonesian: [String: String] = [
        "title": "Laporan pemadanan data",
        "generated": "Dibuat oleh Padan",
        "headline": "Ringkasan",
        "people_both": "Pasangan tertaut antardaftar",
        "people_twice": "Catatan terdaftar lebih dari sekali",
        "people": "Orang (klaster)",
        "links": "Tautan",
        "review_pairs": "Pasangan untuk diperiksa",
        "expected_false": "Perkiraan tautan keliru",
        "expected_missed": "Perkiraan pasangan benar yang terlewat",
        "among_candidates": "di antara kandidat di bawah ambang",
        "by_blocking": "tidak pernah diusulkan oleh blocking",
        "precision": "Presisi",
        "recall": "Recall (kelengkapan)",
        "f1": "F1",
        "interval": "selang 95 %",
        "estimates_note": "Perkiraan tanpa label: dihitung dari peluang kecocokan setiap pasangan, dan untuk pasangan yang tidak diusulkan blocking dari capture–recapture antaraturan. Selang hanya mencakup keacakan, bukan kesalahan model.",
        "list": "Daftar", "rows": "Baris", "linked": "Tertaut", "unmatched": "Tidak tertaut", "rejected": "Ditolak", "duplicates": "Ganda",
        "cutoff_title": "Tabel ambang",
        "cutoff_intro": "Untuk setiap ambang peluang: berapa tautan, berapa yang diperkirakan keliru dan terlewat, dan berapa pasangan masuk pita pemeriksaan.",
        "threshold": "Ambang", "expected_false_short": "Perk. keliru", "expected_missed_short": "Perk. terlewat",
        "review_band": "Pita periksa", "current": "dipakai",
        "across_lists": "antardaftar", "within_lists": "dalam satu daftar",
        "recommend_same": "Ambang yang dipakai (%@) juga yang diperkirakan paling sedikit salah (keliru + terlewat) di tabel ini: pertahankan.",
        "recommend_other": "Di tabel ini, ambang %@ diperkirakan paling sedikit salah (keliru + terlewat: %@, dibanding %@ pada ambang yang dipakai, %@). Pertimbangkan ambang itu; pasangan di antaranya bisa diperiksa petugas.",
        "histogram_title": "Histogram bobot kecocokan pasangan kandidat",
        "histogram_intro": "Setiap batang: pasangan kandidat dengan bobot itu (skala logaritmik). Bagian hijau: perkiraan jumlah yang benar-benar sama orangnya. Garis: ambang tautan; bidang kuning: pita pemeriksaan.",
        "weight": "Bobot kecocokan (bit)", "pairs": "Pasangan",
        "comparisons_title": "Perbandingan: tingkat, m, u dan bobot",
        "comparisons_intro": "m: peluang tingkat itu bila kedua catatan orang yang sama; u: bila orang berbeda. Bobot = log2(m/u): positif mendukung kecocokan, negatif menentangnya.",
        "tf_title": "Efek frekuensi nilai (nilai umum dihitung lebih ringan)",
        "tf_level": "Tingkat", "tf_model": "Bobot model", "tf_lowest": "Terendah", "tf_median": "Median", "tf_highest": "Tertinggi",
        "comparison": "Perbandingan",
        "blocking_title": "Blocking: dari mana pasangan kandidat datang",
        "blocking_intro": "Setiap aturan mengusulkan pasangan yang kuncinya sama. Pasangan baru: yang belum diusulkan aturan sebelumnya.",
        "rule": "Aturan", "new_pairs": "Pasangan baru", "pairs_all": "Termasuk aturan sebelumnya", "oversized": "Blok dilewati",
        "matches_reached": "Perk. pasangan benar dijangkau", "only_rule": "hanya oleh aturan ini",
        "blocking_loss": "Perkiraan bagian pasangan benar yang tidak dijangkau aturan mana pun",
        "blocking_loss_of": "%@ pasangan, antara %@ dan %@",
        "blocking_loss_not_estimated": "tidak dapat diperkirakan: perlu dua aturan blocking atau lebih (tangkap-ulang)",
        "skipped_examples": "Blok terbesar yang dilewati",
        "search_title": "Cari pasangan: air terjun bobot",
        "search_intro": "Cari menurut id, NIK atau nama. Pilih satu pasangan untuk melihat bagaimana setiap perbandingan menggeser bobot.",
        "search_placeholder": "id, NIK atau nama",
        "review_title": "Pasangan dalam pita pemeriksaan",
        "prior": "Awal (prior)", "total": "Jumlah", "probability": "Peluang", "no_evidence": "tanpa bukti",
        "no_results": "Tidak ada pasangan yang cocok dengan pencarian (di antara pasangan yang dimuat).",
        "sample_note": "Penampil memuat %@ pasangan: semua tautan dan pasangan periksa.",
        "sample_note_partial": "Penampil memuat sampel %@ pasangan: %@ tautan paling tidak pasti, sampel merata sisanya (sampai %@ tautan), dan sampai %@ pasangan periksa. Angka, histogram dan perkiraan mencakup semua pasangan.",
        "clusters_title": "Klaster (orang)",
        "cluster_sizes": "Ukuran klaster", "largest_clusters": "Klaster terbesar", "records": "catatan",
        "clusters_none": "Klaster tidak dibuat untuk hasil ini.",
        "quality_title": "Mutu data setiap daftar",
        "nik_classes": "Kelas NIK", "fill_rates": "Kelengkapan kolom", "date_formats": "Format tanggal", "duplicate_niks": "NIK ganda",
        "distinct": "berbeda", "name": "Nama", "born": "Lahir", "village": "Desa/kelurahan", "id": "Id",
        "no_estimate": "Hasil ini tidak membawa profil pasangan kandidat; perkiraan tidak tersedia.",
        "review_calibrated": "Dikoreksi dengan %@ keputusan petugas di pita periksa: model mengharapkan %@ pasangan cocok di antaranya, petugas menemukan %@. Perkiraan pasangan terlewat di pita itu memakai temuan petugas.",
    ]

    static let english: [String: String] = [
        "title": "Record linkage report",
        "generated": "Made by Padan",
        "headline": "Summary",
        "people_both": "Linked pairs across lists",
        "people_twice": "Records registered more than once",
        "people": "People (clusters)",
        "links": "Links",
        "review_pairs": "Pairs to check",
        "expected_false": "Estimated false links",
        "expected_missed": "Estimated true matches missed",
        "among_candidates": "among candidates below the threshold",
        "by_blocking": "never proposed by blocking",
        "precision": "Precision",
        "recall": "Recall",
        "f1": "F1",
        "interval": "95 % interval",
        "estimates_note": "Estimated without labels: from each pair's match probability, and for pairs blocking never proposed by capture–recapture across the rules. The intervals cover chance only, not a wrong model.",
        "list": "List", "rows": "Rows", "linked": "Linked", "unmatched": "Unmatched", "rejected": "Rejected", "duplicates": "Duplicates",
        "cutoff_title": "Cutoff table",
        "cutoff_intro": "For each probability threshold: how many links, how many are expected to be false and missed, and how many pairs fall in the review band.",
        "threshold": "Threshold", "expected_false_short": "Exp. false", "expected_missed_short": "Exp. missed",
        "review_band": "Review band", "current": "in use",
        "across_lists": "across lists", "within_lists": "within one list",
        "recommend_same": "The threshold in use (%@) is also the one with the fewest expected errors (false + missed) in this table: keep it.",
        "recommend_other": "In this table, threshold %@ has the fewest expected errors (false + missed: %@, against %@ at the threshold in use, %@). Consider it; the pairs in between can go to field review.",
        "histogram_title": "Match-weight histogram of the candidate pairs",
        "histogram_intro": "Each bar: candidate pairs of that weight (log scale). Green part: the expected number that are the same person. Line: the link threshold; yellow area: the review band.",
        "weight": "Match weight (bits)", "pairs": "Pairs",
        "comparisons_title": "Comparisons: levels, m, u and weight",
        "comparisons_intro": "m: the probability of the level when both records are the same person; u: when they are different people. Weight = log2(m/u): positive supports a match, negative opposes it.",
        "tf_title": "Term-frequency effect (common values count less)",
        "tf_level": "Level", "tf_model": "Model weight", "tf_lowest": "Lowest", "tf_median": "Median", "tf_highest": "Highest",
        "comparison": "Comparison",
        "blocking_title": "Blocking: where the candidate pairs come from",
        "blocking_intro": "Each rule proposes the pairs whose keys agree. New pairs: those no earlier rule proposed.",
        "rule": "Rule", "new_pairs": "New pairs", "pairs_all": "Including earlier rules", "oversized": "Blocks skipped",
        "matches_reached": "Exp. true matches reached", "only_rule": "by this rule only",
        "blocking_loss": "Estimated share of true matches that no rule reached",
        "blocking_loss_of": "%@ pairs, between %@ and %@",
        "blocking_loss_not_estimated": "not estimable: it needs two or more blocking rules (capture–recapture)",
        "skipped_examples": "Largest blocks skipped",
        "search_title": "Find a pair: the weight waterfall",
        "search_intro": "Search by id, NIK or name. Choose a pair to see how each comparison moved its weight.",
        "search_placeholder": "id, NIK or name",
        "review_title": "Pairs in the review band",
        "prior": "Start (prior)", "total": "Total", "probability": "Probability", "no_evidence": "no evidence",
        "no_results": "No pair matches the search (among the pairs loaded).",
        "sample_note": "The viewer holds %@ pairs: every link and review pair.",
        "sample_note_partial": "The viewer holds a sample of %@ pairs: the %@ least certain links, an even sample of the rest (up to %@ links), and up to %@ review pairs. Counts, histogram and estimates cover every pair.",
        "clusters_title": "Clusters (people)",
        "cluster_sizes": "Cluster sizes", "largest_clusters": "Largest clusters", "records": "records",
        "clusters_none": "No clusters were made for this result.",
        "quality_title": "Data quality of each list",
        "nik_classes": "NIK classes", "fill_rates": "Fill rates", "date_formats": "Date formats", "duplicate_niks": "Duplicate NIKs",
        "distinct": "distinct", "name": "Name", "born": "Born", "village": "Village", "id": "Id",
        "no_estimate": "This result carries no candidate-pair profile; no estimates.",
        "review_calibrated": "Corrected with %@ verifier decisions in the review band: the model expected %@ matches among them, the verifier found %@. The band's missed matches are estimated from the verifier's findings.",
    ]
}
