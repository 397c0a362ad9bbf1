import Foundation
import PhotoCheckModel
import PhotoCheckRules
import Testing

/// Profile files written to hurt: each is refused quickly, with a short message, before Yams
/// builds a value from it.
@Suite struct HostileProfileTextTests {
    /// The error a text gets (nil when it loads) and how long loading it took.
    static func refusal(_ text: String, format: ProfileLoader.Format = .yaml) -> (error: ProfileError?, seconds: Double) {
        let start = ContinuousClock.now
        var found: ProfileError?
        do {
            _ = try ProfileLoader.load(data: Data(text.utf8), format: format, origin: "school.yaml")
        } catch let error as ProfileError {
            found = error
        } catch {
            found = ProfileError(origin: "", key: "?", problem: Localized(zh: "\(error)", en: "\(error)"))
        }
        return (found, Double((ContinuousClock.now - start) / .milliseconds(1)) / 1000)
    }

    /// `levels` lists, each of nine aliases of the one before: 9^levels strings once expanded
    /// (8 levels took 46 s and 2 GB before anchors were refused; 9 ran for minutes).
    static func aliasBomb(levels: Int, asKey: Bool = false) -> String {
        var lines = [#"l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        for level in 1..<levels {
            let alias = "*l\(level - 1)"
            lines.append("l\(level): &l\(level) [" + Array(repeating: alias, count: 9).joined(separator: ",") + "]")
        }
        if asKey { lines.append("? *l\(levels - 1)\n: 1") }
        lines.append("extends: chsi-2017")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [false, true])
    func anAliasBombIsRefusedAtOnce(asKey: Bool) throws {
        let (error, seconds) = Self.refusal(Self.aliasBomb(levels: 9, asKey: asKey))
        let refused = try #require(error)
        #expect(refused.key == "")
        #expect(refused.problem.en.contains("anchors (&name) or aliases (*name)"), "\(refused)")
        #expect(refused.problem.zh.contains("锚点"))
        #expect(seconds < 1, "\(seconds) s")
    }

    @Test func anyAnchorOrAliasIsRefusedWithItsLine() throws {
        let anchor = try #require(Self.refusal("extends: chsi-2017\nname: &n school\n").error)
        #expect(anchor.problem.en.hasPrefix("line 2: "), "\(anchor)")
        let alias = try #require(Self.refusal("extends: chsi-2017\nlimits:\n  pose.roll: {pass: {max: *x}}\n").error)
        #expect(alias.problem.en.contains("aliases"), "\(alias)")
        // Text that merely contains & or * is not an anchor.
        #expect(Self.refusal("extends: chsi-2017\nname: \"R&D *school*\"\nnotes: {why: a & b}\n").error == nil)
    }

    @Test func deepNestingIsRefusedWithAShortMessage() throws {
        for depth in [17, 60_000] {
            let (error, seconds) = Self.refusal("extends: chsi-2017\nx: " + String(repeating: "[", count: depth) + "\n")
            let refused = try #require(error)
            #expect(refused.problem.en.contains("nested more than 16 levels"), "\(String(refused.description.prefix(300)))")
            #expect(refused.description.count < 200, "\(refused.description.count) characters")
            #expect(seconds < 1)
        }
        // The deepest a real profile nests still loads.
        #expect(Self.refusal("extends: chsi-2017\nbackground:\n  - {rgb: [255, 255, 255], name: {zh: 白, en: white}}\n").error == nil)
    }

    /// A syntax error at the end of a 60 KB line quotes a few words of it, not the line.
    @Test func aSyntaxErrorQuotesOnlyAnExcerpt() throws {
        let long = "extends: chsi-2017\nnotes: {a: " + String(repeating: "word ", count: 12_000) + ": ]]\n"
        let refused = try #require(Self.refusal(long).error)
        #expect(refused.problem.en.hasPrefix("not valid YAML, line 2, column "), "\(refused.description.prefix(300))")
        #expect(refused.problem.en.contains("word"))
        #expect(refused.description.count < 300, "\(refused.description.count) characters")
        #expect(refused.problem.zh.count < 300)
    }

    @Test func aNumberTooLargeForAnyIntegerSaysSo() throws {
        let height = try #require(Self.refusal("extends: chsi-2017\nheight: 99999999999999999999999999999\n").error)
        #expect(height.key == "height")
        #expect(height.problem.en.contains("too large"), "\(height)")
        #expect(!height.problem.en.contains("must be a number"))
        #expect(height.problem.en.contains("from 1 to 20000"))
        let limit = try #require(
            Self.refusal("extends: chsi-2017\nlimits:\n  pose.roll: {pass: {max: -\(String(repeating: "9", count: 400))}}\n").error)
        #expect(limit.key == "limits.pose.roll.pass.max")
        #expect(limit.problem.en.contains("is too large"), "\(limit)")
        #expect(limit.description.count < 200)
        // Text that looks like a number is still text.
        let quoted = try #require(Self.refusal("extends: chsi-2017\nwidth: \"480\"\n").error)
        #expect(quoted.problem.en == "must be a number")
    }

    @Test func aFileLargerThanAnyProfileIsRefusedBeforeItIsParsed() throws {
        let padded = "extends: chsi-2017\n" + String(repeating: "# padding\n", count: 7_000)
        let (error, seconds) = Self.refusal(padded)
        #expect(error?.problem.en == "too large to be a profile file")
        #expect(seconds < 1)
        let json = "{\"extends\": \"chsi-2017\", \"notes\": {\"a\": \"" + String(repeating: "x", count: 70_000) + "\"}}"
        #expect(Self.refusal(json, format: .json).error?.problem.en == "too large to be a profile file")
    }
}
