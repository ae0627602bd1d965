import Foundation
import Testing
@testable import Padan

/// Measures the phonetic key on `corpora/names/phonetic-check.txt`: how often spellings of one name
/// share a key (recall) and how often different names collide (the cost of folding).
@Suite struct PhoneticCorpusTests {
    struct Measure {
        var families = 0
        var variantPairs = 0
        var variantPairsAgreeing = 0
        var collidingFamilies = 0
        var collidingPairs = 0
        var misses: [String] = []
        var collisions: [String] = []
    }

    static func measure() throws -> Measure {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("corpora/names/phonetic-check.txt"), encoding: .utf8)
        let families = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.split(separator: " ").map(String.init) }
        var m = Measure()
        m.families = families.count
        var keySets: [Set<String>] = []
        for family in families {
            let keys = family.map(IndonesianPhonetic.key)
            for k in 1 ..< keys.count {
                m.variantPairs += 1
                if keys[k] == keys[0] { m.variantPairsAgreeing += 1 } else { m.misses.append("\(family[0])/\(family[k])") }
            }
            keySets.append(Set(keys))
        }
        var colliding = Set<Int>()
        for a in keySets.indices {
            for b in (a + 1) ..< keySets.count where !keySets[a].isDisjoint(with: keySets[b]) {
                m.collidingPairs += 1
                colliding.insert(a)
                colliding.insert(b)
                m.collisions.append("\(families[a][0])~\(families[b][0])")
            }
        }
        m.collidingFamilies = colliding.count
        return m
    }

    @Test func spellingsAgreeAndNamesStayApart() throws {
        let m = try Self.measure()
        let recall = Double(m.variantPairsAgreeing) / Double(m.variantPairs)
        let collisionRate = Double(m.collidingFamilies) / Double(m.families)
        print("phonetic corpus: \(m.families) names, \(m.variantPairs) variant spellings, recall \(String(format: "%.3f", recall)), "
              + "\(m.collidingFamilies) names (\(String(format: "%.1f", collisionRate * 100))%) share a key with another name "
              + "in \(m.collidingPairs) pairs: \(m.collisions.joined(separator: " ")); missed: \(m.misses.joined(separator: " "))")
        #expect(m.families >= 300)
        #expect(recall >= 0.9)
        #expect(collisionRate <= 0.02)
    }
}
