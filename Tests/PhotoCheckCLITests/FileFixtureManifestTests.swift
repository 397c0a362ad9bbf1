import Foundation
import PhotoCheckTestSupport
import Testing

/// Every file-level fixture, through the built CLI, against Fixtures/file/expected.json.
@Suite struct FileFixtureManifestTests {
    struct Manifest: Decodable {
        let checks: [String]
        let files: [String: [String: String]]
    }

    static let manifest: Manifest = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("file/expected.json")))
        return try! JSONDecoder().decode(Manifest.self, from: data)
    }()

    /// One run of the CLI over the whole folder (the landmark model loads once, not per file).
    nonisolated(unsafe) static let folderReport: [String: [String: Any]] = {  // read-only after first use
        let output = try! CLIRunner.run(["--format", "json", TestPaths.fixture("file")])
        let photos = (try! output.json())["photos"] as! [[String: Any]]
        return Dictionary(uniqueKeysWithValues: photos.map { (($0["path"] as! String).split(separator: "/").last.map(String.init)!, $0) })
    }()

    @Test(arguments: manifest.files.keys.sorted())
    func fixtureHasExpectedStatuses(_ name: String) throws {
        let photo = try #require(Self.folderReport[name], "\(name) missing from the folder report")
        let findings = try #require(photo["findings"] as? [[String: Any]])
        let statuses = Dictionary(uniqueKeysWithValues: findings.map { ($0["check"] as! String, $0["status"] as! String) })
        let expected = Self.manifest.files[name]!
        if expected["verdict"] == "error" {
            // Not readable as a photo: the verdict is error and the one finding says why.
            #expect(photo["verdict"] as? String == "error")
            #expect(statuses == ["file.jpeg": expected["file.jpeg"] ?? "fail"], "\(name)")
            #expect(photo["error"] as? [String: String] != nil, "\(name)")
            return
        }
        for check in Self.manifest.checks {
            #expect(statuses[check] == (expected[check] ?? "pass"), "\(name): \(check)")
        }
        // The verdict is the worst status over every check, file-level or not.
        let worst = statuses.values.contains("fail") ? "fail" : statuses.values.contains("warn") ? "warn" : "pass"
        #expect(photo["verdict"] as? String == worst)
    }

    /// The exit code follows the verdict: 2 when a file could not be read as a photo, 1 when any
    /// check failed, else 0.
    @Test(arguments: ["quality-40.jpg", "dpi-72.jpg", "empty.jpg"])
    func exitCodeFollowsTheVerdict(_ name: String) throws {
        let output = try CLIRunner.run(["--format", "json", TestPaths.fixture("file/" + name)])
        let verdict = try #require((try output.json()["photos"] as? [[String: Any]])?.first?["verdict"] as? String)
        #expect(output.status == (verdict == "error" ? 2 : verdict == "fail" ? 1 : 0), "\(name): exit code for \(verdict)")
    }

    @Test func pngReportsItsRealType() throws {
        let output = try CLIRunner.run(["--format", "json", "--lang", "en", TestPaths.fixture("file/png-renamed.jpg")])
        let photo = try #require((try output.json()["photos"] as? [[String: Any]])?.first)
        let jpeg = try #require((photo["findings"] as? [[String: Any]])?.first { $0["check"] as? String == "file.jpeg" })
        let message = try #require(jpeg["message"] as? [String: String])
        #expect(message["en"] == "This is a PNG file, not a JPEG")
        #expect(message["zh"] == "这是 PNG 文件,不是 JPEG")
    }

    @Test func missingPathExitsTwoAndTheBatchGoesOn() throws {
        let output = try CLIRunner.run([
            "--format", "json", TestPaths.fixture("file/clean-q90.jpg"), "/nonexistent/photo.jpg",
            TestPaths.fixture("file/empty.jpg"),
        ])
        #expect(output.status == 2)
        let summary = try #require(try output.json()["summary"] as? [String: Int])
        // The missing path and the empty file are errors, and the clean photo is still checked
        // (its verdict depends on the content checks: a grey backdrop warns).
        #expect(summary["photos"] == 3 && summary["error"] == 2)
        #expect((summary["pass"] ?? 0) + (summary["warn"] ?? 0) + (summary["fail"] ?? 0) == 1)
    }

    @Test func badUsageExitsTwo() throws {
        #expect(try CLIRunner.run([]).status == 2)
        #expect(try CLIRunner.run(["--format", "yaml", TestPaths.fixture("file/clean-q90.jpg")]).status == 2)
        #expect(try CLIRunner.run(["--graduation-date", "2026-13-45", TestPaths.fixture("file/clean-q90.jpg")]).status == 2)
    }

    @Test func strictTurnsWarningsIntoFailures() throws {
        let path = TestPaths.fixture("file/dpi-72.jpg")
        #expect(try CLIRunner.run(["--format", "json", path]).status == 0)
        #expect(try CLIRunner.run(["--format", "json", "--strict", path]).status == 1)
    }

    @Test func jsonIsByteStable() throws {
        let args = ["--format", "json", TestPaths.fixture("file")]
        let first = try CLIRunner.run(args), second = try CLIRunner.run(args)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.hasPrefix("{\"photos\":"))
        let json = try first.json()
        #expect(json["report_version"] as? Int == 1)
        #expect(json["profile"] as? String == "chsi-2017")
    }

    @Test func inputFilesAreNeverModified() throws {
        let dir = TestPaths.fixture("file")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        let before = try names.map { try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0)) }
        _ = try CLIRunner.run(["--format", "json", dir])
        let after = try names.map { try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0)) }
        #expect(before == after)
    }

    @Test func rulesListsEveryCheckWithItsClause() throws {
        let output = try CLIRunner.run(["rules", "--lang", "en"])
        #expect(output.status == 0)
        for line in ["file.quality", "CHSI-4.1", "framing.eye_line", "CHSI-4.2", "pass ≥ 60", "pass 200–300"] {
            #expect(output.stdout.contains(line), "\(line)")
        }
    }
}
