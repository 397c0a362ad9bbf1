import Foundation
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// `--profile NAME|FILE`, `photocheck profiles` and `rules --profile`: a bad profile file stops the
/// run before any photo with a message naming the key and exit 2, never a crash.
@Suite struct ProfileCommandTests {
    typealias CLI = CheckCommandTests

    static func file(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-profiles-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Before profiles were validated, this file crashed the batch in `Profile.limit` (SIGILL, exit 132).
    @Test func aProfileWithoutTheEyeLineLimitExitsTwoAndNamesIt() throws {
        let path = try Self.file("no-eye-line.yaml", "extends: chsi-2017\nlimits:\n  framing.eye_line: null\n")
        let run = try CLI.run([CLI.good, "--profile", path, "--format", "json"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("limits.framing.eye_line"), "\(run.stderr)")
        #expect(run.stderr.contains("missing"))
        let zh = try CLI.run([CLI.good, "--profile", path, "--lang", "zh"])
        #expect(zh.status == 2)
        #expect(zh.stderr.contains("缺少此限值"), "\(zh.stderr)")
    }

    @Test(arguments: [
        ("unknown.json", #"{"extends": "chsi-2017", "limits": {"framing.eye_lin": {"pass": {"min": 1}}}}"#, "limits.framing.eye_lin"),
        ("inverted.yaml", "extends: chsi-2017\nlimits:\n  framing.face_width: {pass: {min: 300, max: 180}}\n", "limits.framing.face_width.pass"),
        ("huge.json", #"{"extends": "chsi-2017", "width": 4611686018427387904}"#, "width"),
        ("zero-tile.yaml", "extends: chsi-2017\nparameters:\n  focus.sharpness.tile_px: 0\n", "parameters.focus.sharpness.tile_px"),
        (
            "no-limits.json", #"{"name": "x", "title": "x", "width": 480, "height": 640, "background": [1, 2, 3], "checks": ["framing.eye_line"]}"#,
            "limits"
        ),
    ])
    func badProfilesExitTwoWithTheKey(name: String, text: String, key: String) throws {
        let path = try Self.file(name, text)
        let run = try CLI.run([CLI.good, "--profile", path])
        #expect(run.status == 2, "\(name): \(run.stderr)")
        #expect(run.stderr.contains(": \(key):"), "\(name): \(run.stderr)")
    }

    /// Eight levels of nine aliases each took 46 s and 2 GB before the "unknown key" error; a
    /// 200 KB line of brackets echoed the whole line to standard error.
    @Test func hostileProfileFilesExitTwoAtOnceWithAShortMessage() throws {
        var bomb = [#"l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        for level in 1..<8 { bomb.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ",") + "]") }
        let files = [
            try Self.file("bomb8.yaml", (bomb + ["extends: chsi-2017"]).joined(separator: "\n") + "\n"),
            try Self.file("deep.yaml", "extends: chsi-2017\nx: " + String(repeating: "[", count: 60_000) + "\n"),
            try Self.file("big.yaml", "extends: chsi-2017\n" + String(repeating: "# a comment line\n", count: 20_000)),
        ]
        for path in files {
            let start = Date()
            let run = try CLI.run(["rules", "--profile", path])
            #expect(run.status == 2, "\(path): \(run.stderr.prefix(300))")
            #expect(Date().timeIntervalSince(start) < 10, "\(path)")
            #expect(run.stderr.utf8.count < 600, "\(path): \(run.stderr.utf8.count) bytes on standard error")
        }
    }

    @Test func builtInProfilesAreChosenByName() throws {
        let run = try CLI.run([CLI.good, "--profile", "chsi-2017", "--format", "json"])
        #expect(run.status == 0)
        #expect(try CLI.json(run)["profile"] as? String == "chsi-2017")
        let unknown = try CLI.run([CLI.good, "--profile", "chsi-2018"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("chsi-2017"), "the message lists the built-in names: \(unknown.stderr)")
    }

    @Test func profilesListsEveryBuiltInProfile() throws {
        let run = try CLI.run(["profiles"])
        #expect(run.status == 0)
        for name in Profile.builtInNames { #expect(run.text.contains(name)) }
        #expect(run.text.contains("480×640 px, 300 dpi"))
        let zh = try CLI.run(["profiles", "--lang", "zh"])
        #expect(zh.text.contains("480×640 像素"))
    }

    @Test func rulesShowEachLimitWithItsSource() throws {
        let run = try CLI.run(["rules", "--profile", "chsi-2017"])
        #expect(run.status == 0)
        #expect(run.text.contains("pass 200–300, else fail  [source: CHSI, CHSI-4.2]"), "\(run.text)")
        #expect(run.text.contains("Jiaobizhi [2017] No. 99"))
        // Each language's output is that language: no Chinese in the English list (the document's
        // number is spelled out), the Chinese list names it as it is printed.
        for name in Profile.builtInNames {
            let en = try CLI.run(["rules", "--profile", name, "--lang", "en"])
            #expect(!en.text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(name): \(en.text)")
        }
        let zh = try CLI.run(["rules", "--profile", "ga461", "--lang", "zh"])
        #expect(zh.text.contains("教毕指〔2017〕99号《高等教育学历证书电子注册图像采集规范及信息标准》(据高校和考试机构通知转引)"))
        #expect(zh.text.contains("〔来源:GA461, 脸部宽 207 ± 14 像素〕"))
        let icao = try CLI.run(["rules", "--profile", "icao", "--lang", "zh"])
        #expect(icao.text.contains("〔来源:ICAO, 下巴到头顶占高度的 70–80%〕"), "\(icao.text)")
        let school = try Self.file("school.yaml", "extends: chsi-2017\nname: school\nlimits:\n  framing.eye_line: {pass: {min: 190, max: 300}}\n")
        let mine = try CLI.run(["rules", "--profile", school])
        #expect(mine.text.hasPrefix("school: "))
        #expect(mine.text.contains("pass 190–300, else fail  [source: school.yaml]"), "\(mine.text)")
    }

    @Test func rulesShowTheProfilesOwnNumbers() throws {
        let icao = try CLI.run(["rules", "--profile", "icao"])
        #expect(icao.status == 0)
        #expect(icao.text.contains("pass 159.3–265.5, else fail  [source: ICAO, eye line 30–50% of the height from the top]"), "\(icao.text)")
        #expect(icao.text.contains("framing.head_height"))
        #expect(!icao.text.contains("framing.face_width"))
        let ga461 = try CLI.run(["rules", "--profile", "ga461", "--lang", "zh"])
        #expect(ga461.text.contains("通过 193–221,其余不合格  〔来源:GA461, 脸部宽 207 ± 14 像素〕"), "\(ga461.text)")
    }

    /// The reference student photo (CHSI-framed, blue backdrop) under each standard: it is a
    /// CHSI and gaokao photo; for the exam, ID card and passport its head is too small or its size
    /// wrong, and the report says so by check.
    @Test func oneRealPhotoThroughEveryBuiltInProfile() throws {
        let expected: [String: (verdict: String, failing: Set<String>)] = [
            "chsi-2017": ("pass", []), "gaokao": ("pass", []), "cet": ("fail", ["framing.head_height"]),
            "ga461": ("fail", ["file.dimensions", "framing.face_width"]), "icao": ("fail", ["file.dimensions", "framing.head_height"]),
        ]
        for name in Profile.builtInNames {
            let run = try CLI.run([CLI.good, "--profile", name, "--format", "json"])
            let json = try CLI.json(run)
            #expect(json["profile"] as? String == name)
            let photo = try #require((json["photos"] as? [[String: Any]])?.first)
            let findings = try #require(photo["findings"] as? [[String: Any]])
            let failing = Set(findings.filter { $0["status"] as? String == "fail" }.compactMap { $0["check"] as? String })
            #expect(photo["verdict"] as? String == expected[name]?.verdict, "\(name)")
            #expect(failing == expected[name]?.failing, "\(name)")
            #expect(run.status == (expected[name]?.verdict == "fail" ? 1 : 0))
            #expect(findings.count == (try Profile.builtIn(named: name)).checks.count)
        }
    }
}
