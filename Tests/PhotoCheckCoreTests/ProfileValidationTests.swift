import Foundation
import PhotoCheckModel
import PhotoCheckRules
import PhotoCheckTestSupport
import Testing

/// Profiles are checked against the rule registry when they are loaded: a missing, unknown or
/// impossible value is an error that names its key.
@Suite struct ProfileValidationTests {
    static func yaml(_ text: String) throws -> Profile {
        try ProfileLoader.load(data: Data(text.utf8), format: .yaml, origin: "school.yaml")
    }

    static func json(_ text: String) throws -> Profile {
        try ProfileLoader.load(data: Data(text.utf8), format: .json, origin: "school.json")
    }

    /// The key the error names, or nil when the text loads.
    static func rejected(_ load: () throws -> Profile) -> String? {
        do {
            _ = try load()
            return nil
        } catch let error as ProfileError {
            return error.key
        } catch {
            return "not a ProfileError: \(error)"
        }
    }

    @Test func everyBuiltInProfileLoadsAndHasEveryLimitItsRulesRead() throws {
        for profile in try Profile.allBuiltIn() {
            for check in profile.checks {
                let rule = try #require(RuleRegistry.rule(for: check), "\(profile.name): \(check)")
                for spec in type(of: rule).limits {
                    #expect(profile.limits[spec.key] != nil, "\(profile.name): \(spec.key)")
                }
            }
        }
    }

    @Test func everyBuiltInLimitNamesItsDocumentAndClause() throws {
        for profile in try Profile.allBuiltIn() {
            for key in profile.limits.keys {
                let source = try #require(profile.sources[key], "\(profile.name): \(key) has no source")
                #expect(profile.documents[source.document] != nil, "\(profile.name): \(key) cites '\(source.document)'")
                #expect(!source.clause.isEmpty, "\(profile.name): \(key)")
            }
        }
    }

    @Test func aMissingLimitIsNamed() {
        #expect(Self.rejected { try Self.yaml("extends: chsi-2017\nlimits:\n  framing.eye_line: null\n") } == "limits.framing.eye_line")
        #expect(
            Self.rejected { try Self.json(#"{"extends": "chsi-2017", "limits": {"pose.roll": null}}"#) } == "limits.pose.roll")
    }

    @Test func aLimitOfACheckTheProfileDoesNotRunMayGo() throws {
        let profile = try Self.yaml(
            "extends: chsi-2017\nchecks: [file.jpeg, file.size]\nlimits:\n  framing.eye_line: null\n")
        #expect(profile.limits["framing.eye_line"] == nil)
        #expect(profile.checks == ["file.jpeg", "file.size"])
    }

    @Test func unknownKeysAreNamed() {
        #expect(Self.rejected { try Self.yaml("extends: chsi-2017\ncolour: blue\n") } == "colour")
        #expect(Self.rejected { try Self.yaml("extends: chsi-2017\nlimits:\n  framing.eye_lin: {pass: {min: 1}}\n") } == "limits.framing.eye_lin")
        #expect(
            Self.rejected { try Self.yaml("extends: chsi-2017\nlimits:\n  framing.eye_line: {pass: {min: 1, maks: 3}}\n") }
                == "limits.framing.eye_line.pass.maks")
        #expect(Self.rejected { try Self.yaml("extends: chsi-2017\nparameters:\n  face.score: 0.5\n") } == "parameters.face.score")
        #expect(Self.rejected { try Self.json(#"{"extends": "chsi-2017", "checks": ["file.jpeg", "framing.eyeline"]}"#) } == "checks[1]")
        #expect(Self.rejected { try Self.yaml("extends: chsi-2018\n") } == "extends")
    }

    @Test func impossibleValuesAreNamed() {
        // min > max
        #expect(
            Self.rejected { try Self.yaml("extends: chsi-2017\nlimits:\n  framing.eye_line: {pass: {min: 300, max: 200}}\n") }
                == "limits.framing.eye_line.pass")
        // negative sizes
        #expect(Self.rejected { try Self.yaml("extends: chsi-2017\nlimits:\n  file.size: {pass: {min: -5}}\n") } == "limits.file.size.pass.min")
        #expect(Self.rejected { try Self.json(#"{"extends": "chsi-2017", "width": -480}"#) } == "width")
        // zero where it means nothing, and a zero parameter that would divide by zero
        #expect(Self.rejected { try Self.yaml("extends: chsi-2017\nlimits:\n  file.dpi: {pass: {min: 0, max: 0}}\n") } == "limits.file.dpi.pass.min")
        #expect(
            Self.rejected { try Self.yaml("extends: chsi-2017\nparameters:\n  focus.upscaled.tile_px: 0\n") } == "parameters.focus.upscaled.tile_px")
        // absurd sizes, and geometry beyond the frame
        #expect(Self.rejected { try Self.json(#"{"extends": "chsi-2017", "width": 4611686018427387904}"#) } == "width")
        #expect(
            Self.rejected { try Self.yaml("extends: chsi-2017\nlimits:\n  framing.eye_line: {pass: {min: 200, max: 4611686018427387904}}\n") }
                == "limits.framing.eye_line.pass.max")
        #expect(Self.rejected { try Self.yaml("extends: chsi-2017\nlimits:\n  pose.roll: {pass: {max: .inf}}\n") } == "limits.pose.roll.pass.max")
        // a warn band inside the pass band, a band with no bound, a status that is not fail or warn
        #expect(
            Self.rejected { try Self.yaml("extends: chsi-2017\nlimits:\n  pose.roll: {pass: {max: 5}, warn: {max: 3}}\n") }
                == "limits.pose.roll.warn")
        #expect(Self.rejected { try Self.yaml("extends: chsi-2017\nlimits:\n  pose.roll: {pass: {}}\n") } == "limits.pose.roll.pass")
        #expect(Self.rejected { try Self.yaml("extends: chsi-2017\nlimits:\n  pose.roll: {beyond: pass}\n") } == "limits.pose.roll.beyond")
        // wrong types
        #expect(Self.rejected { try Self.yaml("extends: chsi-2017\nwidth: wide\n") } == "width")
        #expect(Self.rejected { try Self.yaml("extends: chsi-2017\nbackground: [255, 255]\n") } == "background")
        #expect(Self.rejected { try Self.yaml("- a list\n") } == "")
        #expect(Self.rejected { try Self.json("{not json") } == "")
    }

    @Test func aProfileWithoutExtendsMustBeComplete() {
        #expect(Self.rejected { try Self.yaml("name: mine\ntitle: Mine\nwidth: 480\nheight: 640\n") } == "background")
        #expect(
            Self.rejected {
                try Self.json(
                    #"{"name": "x", "title": "x", "width": 480, "height": 640, "background": [1, 2, 3], "checks": ["file.size"], "limits": {}}"#)
            } == "limits.file.size")
    }

    @Test func extendsOverridesOnlyWhatItNames() throws {
        let base = Profile.chsi2017
        let school = try Self.yaml(
            """
            extends: chsi-2017
            name: school-white
            background:
              - {rgb: [255, 255, 255], name: {zh: 白, en: white}}
            limits:
              framing.eye_line: {pass: {min: 190}}
            """)
        #expect(school.name == "school-white")
        #expect(school.extends == "chsi-2017")
        #expect(school.backgrounds == [BackgroundReference(255, 255, 255, name: Localized(zh: "白", en: "white"))])
        #expect(school.limits["framing.eye_line"]?.pass == Limit.Band(min: 190, max: nil))
        #expect(school.limits["framing.eye_line"]?.beyond == .fail)
        #expect(school.sources["framing.eye_line"]?.document == "school.yaml")
        var rest = school.limits
        rest["framing.eye_line"] = base.limits["framing.eye_line"]
        #expect(rest == base.limits)
        #expect(school.checks == base.checks && school.width == 480 && school.height == 640)
        #expect(school.sources["framing.head_top"] == base.sources["framing.head_top"])
    }

    @Test func yamlAndJSONSayTheSameThing() throws {
        let fromYAML = try Self.yaml("extends: chsi-2017\nname: same\nlimits:\n  pose.roll: {pass: {max: 4}, warn: {max: 6}}\n")
        let fromJSON = try ProfileLoader.load(
            data: Data(#"{"extends": "chsi-2017", "name": "same", "limits": {"pose.roll": {"pass": {"max": 4}, "warn": {"max": 6}}}}"#.utf8),
            format: .json, origin: "school.yaml")
        #expect(fromYAML == fromJSON)
        #expect(fromYAML.limits["pose.roll"] == Limit.atMost(4, warnMax: 6))
    }

    @Test func aWrittenProfileReadsBackUnchanged() throws {
        for profile in try Profile.allBuiltIn() {
            let data = try JSONEncoder().encode(profile)
            var back = try ProfileLoader.load(data: data, format: .json, origin: "copy.json")
            back.extends = profile.extends
            #expect(back == profile, "\(profile.name)")
        }
    }

    @Test func fileLoadingRefusesWhatIsNotAProfileFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-profile-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(Self.rejected { try Profile(contentsOf: dir.path) } == "")
        #expect(Self.rejected { try Profile(contentsOf: dir.appendingPathComponent("missing.yaml").path) } == "")
        let yaml = dir.appendingPathComponent("school.yml")
        try Data("extends: chsi-2017\nname: from-file\n".utf8).write(to: yaml)
        #expect(try Profile(contentsOf: yaml.path).name == "from-file")
        #expect(try Profile.load(nameOrPath: "chsi-2017") == Profile.chsi2017)
    }

    /// Every `limit("…")` and `parameter("…")` a rule's file reads is declared by that rule, so a
    /// validated profile never lacks a limit a rule asks for.
    @Test func rulesDeclareEveryLimitTheyRead() throws {
        let root = TestPaths.packageRoot.appendingPathComponent("Sources/PhotoCheckRules")
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        var checked = 0
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let reads = Self.matches(#"\.limit\("([a-z_.]+)"\)"#, text)
            let parameters = Self.matches(#"\.parameter\("([a-z_.]+)""#, text)
            guard !reads.isEmpty || !parameters.isEmpty else { continue }
            let checks = Self.matches(#"static let check: CheckID = "([a-z_.]+)""#, text)
            #expect(checks.count == 1, "\(file) reads limits but is not one rule's file")
            guard let check = checks.first, let rule = RuleRegistry.rule(for: check) else { continue }
            let declared = Set(type(of: rule).limits.map(\.key)), declaredParameters = Set(type(of: rule).parameters.map(\.key))
            for key in reads { #expect(declared.contains(key), "\(file) reads \(key) without declaring it") }
            for key in parameters { #expect(declaredParameters.contains(key), "\(file) reads parameter \(key) without declaring it") }
            checked += 1
        }
        #expect(checked > 25)
    }

    static func matches(_ pattern: String, _ text: String) -> [String] {
        let regex = try? NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return (regex?.matches(in: text, range: range) ?? []).compactMap { m in Range(m.range(at: 1), in: text).map { String(text[$0]) } }
    }
}
