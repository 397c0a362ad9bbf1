import Foundation
import PhotoCheckModel
import PhotoCheckRules
import PhotoCheckTestSupport
import Testing

/// Each rule describes itself, and the catalogue, `photocheck rules` and profile validation all
/// read the registry: clause → check id → file is one hop by path.
@Suite struct RuleRegistryTests {
    @Test func everyRuleDescribesItsOwnCheckOnce() {
        var seen = Set<CheckID>()
        for rule in RuleRegistry.rules {
            let type = type(of: rule)
            #expect(type.description.check == type.check)
            #expect(type.description.clause.hasPrefix("CHSI-"), "\(type.check)")
            #expect(!type.description.title.zh.isEmpty && !type.description.summary.en.isEmpty, "\(type.check)")
            #expect(seen.insert(type.check).inserted, "\(type.check) has two rules")
        }
        #expect(CheckCatalogue.all.map(\.check) == RuleRegistry.rules.map { type(of: $0).check })
    }

    /// `framing.eye_line` lives in PhotoCheckRules/Framing/, `glasses.reflection` in PhotoCheckRules/Glasses/.
    @Test func eachRuleFileSitsInTheFolderOfItsCheckPrefix() throws {
        let root = TestPaths.packageRoot.appendingPathComponent("Sources/PhotoCheckRules")
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        var found = Set<CheckID>()
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for check in ProfileValidationTests.matches(#"static let check: CheckID = "([a-z_.]+)""#, text) {
                let prefix = String(check.prefix { $0 != "." })
                let folder = file.split(separator: "/").dropLast().joined(separator: "/")
                #expect(folder.lowercased() == prefix, "\(file) holds \(check)")
                found.insert(check)
            }
        }
        #expect(found == Set(CheckCatalogue.all.map(\.check)))
    }
}
