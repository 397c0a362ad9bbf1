import Foundation
import PhotoCheckDecoding
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Runs the built `photocheck` binary the way users and CI do, and checks what it prints, writes
/// and exits with. The plumbing tests use `--profile` with chsi-2017's file checks only, so their
/// verdicts do not move when content checks are tuned and no face model is loaded; the default
/// profile is run end to end too.
@Suite struct CheckCommandTests {
    /// chsi-2017 restricted to its file.* checks, written once to a temporary file.
    static let fileProfile: String = {
        var profile = Profile.chsi2017
        profile.name = "chsi-2017-file-checks"
        profile.checks = profile.checks.filter { $0.hasPrefix("file.") }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-cli-file-profile-\(getpid()).json").path
        try! JSONEncoder().encode(profile).write(to: URL(fileURLWithPath: path))
        return path
    }()

    /// `arguments` checked with the file-checks profile.
    static func runFileChecks(_ arguments: [String]) throws -> Run {
        try run(arguments + ["--profile", fileProfile])
    }

    /// The binary in the build products folder beside the test bundle (or PHOTOCHECK_BIN).
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["PHOTOCHECK_BIN"] { return path }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("photocheck").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return packageRoot().appendingPathComponent(".build/debug/photocheck").path
    }()

    static let good = packageRoot().appendingPathComponent("Fixtures/real/frll-005-blue-480x640.jpg").path

    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    static func run(_ arguments: [String], lang: String = "C") throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = lang
        environment["LC_ALL"] = nil
        environment["COLUMNS"] = nil
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A folder with one good photo and one file that only pretends to be a JPEG.
    static func folder(bad: Bool) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: good, toPath: dir.appendingPathComponent("2021301234.jpg").path)
        // A JPEG of the wrong size: a photo that fails a check (a file that is not a photo at all
        // is an error, see UnreadableVerdictTests).
        if bad {
            try FileManager.default.copyItem(
                atPath: TestPaths.fixture("file/size-600x800.jpg"), toPath: dir.appendingPathComponent("2021301235.jpg").path)
        }
        return dir
    }

    static func json(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
    }

    @Test func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "build photocheck first: \(Self.binary)")
    }

    /// The reference photo, framed to the standard, with every check of the default profile: no
    /// check fails, so the exit code is 0.
    @Test func theReferencePhotoExitsZeroWithTheDefaultProfile() throws {
        let run = try Self.run([Self.good, "--format", "json"])
        #expect(run.status == 0)
        let object = try Self.json(run)
        let photos = try #require(object["photos"] as? [[String: Any]])
        #expect(photos.count == 1)
        #expect(photos[0]["path"] as? String == Self.good)
        #expect(photos[0]["width"] as? Int == 480 && photos[0]["height"] as? Int == 640)
        let findings = try #require(photos[0]["findings"] as? [[String: Any]])
        let dimensions = try #require(findings.first { $0["check"] as? String == "file.dimensions" })
        #expect(dimensions["status"] as? String == "pass")
        #expect((dimensions["measured"] as? [String: Double])?["width_px"] == 480)
        #expect(run.stderr.isEmpty)  // no progress bar when standard error is not a terminal
        #expect(photos[0]["verdict"] as? String != "fail")
        let faceCount = try #require(findings.first { $0["check"] as? String == "face.count" })
        #expect(faceCount["status"] as? String == "pass")
    }

    /// The command, not the core, finds the landmark model: `PHOTOCHECK_LANDMARK_MODEL` names the
    /// file, and a file that is not there is named (with Debian's package): `check` skips the
    /// checks that need landmarks saying so, `fix` refuses saying so.
    @Test func theLandmarkModelIsTheOneTheEnvironmentNames() throws {
        let missing = "/nonexistent/photocheck-landmarks.dat"
        let said = "the face landmark model \(missing) is missing: install the Debian package libdlib-data"
        let check = try CLIRunner.run(
            [Self.good, "--format", "json", "--lang", "en"], environment: ["PHOTOCHECK_LANDMARK_MODEL": missing])
        let photos = try #require(try check.json()["photos"] as? [[String: Any]])
        let findings = try #require(photos.first?["findings"] as? [[String: Any]])
        let eyeLine = try #require(findings.first { $0["check"] as? String == "framing.eye_line" })
        #expect(eyeLine["status"] as? String == "skip")
        #expect((eyeLine["message"] as? [String: String])?["en"]?.hasPrefix(said) == true, "\(eyeLine)")

        let fix = try CLIRunner.run(
            ["fix", "--dry-run", Self.good, "--format", "json", "--lang", "en"], environment: ["PHOTOCHECK_LANDMARK_MODEL": missing])
        let fixed = try #require(try fix.json()["photos"] as? [[String: Any]])
        let refusal = try #require((fixed.first?["fix"] as? [String: Any])?["refusal"] as? [String: Any])
        #expect(((refusal["reason"] as? [String: String])?["en"])?.hasPrefix(said) == true, "\(refusal)")
    }

    /// The bundled sample (`make run`) meets every rule: its verdict is pass, not warn, although it
    /// has no EXIF capture date (that is a `manual` check, not a defect).
    @Test func theBundledSamplePassesWithoutACaptureDate() throws {
        let run = try Self.run([Self.good, "--format", "json"])
        #expect(run.status == 0)
        let photos = try #require(try Self.json(run)["photos"] as? [[String: Any]])
        #expect(photos.first?["verdict"] as? String == "pass")
        let findings = try #require(photos.first?["findings"] as? [[String: Any]])
        #expect(findings.first { $0["check"] as? String == "edit.recency" }?["status"] as? String == "manual")
        #expect(findings.allSatisfy { $0["status"] as? String != "warn" && $0["status"] as? String != "fail" })
    }

    /// The HTML report with the default profile embeds the annotated picture as the thumbnail.
    @Test func htmlWithTheDefaultProfileEmbedsAThumbnail() throws {
        let run = try Self.run([Self.good, "--format", "html", "--lang", "en"])
        #expect(run.status == 0)
        let text = run.text
        let start = try #require(text.range(of: "data:image/jpeg;base64,"))
        let base64 = text[start.upperBound...].prefix { $0 != "\"" }
        let jpeg = try #require(Data(base64Encoded: String(base64)))
        let image = try JPEGDecoder().decode([UInt8](jpeg)).image
        #expect(image.width == 240 && image.height == 320)
    }

    @Test func aFailingPhotoExitsOneAndAMissingPathTwo() throws {
        let dir = try Self.folder(bad: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let failing = try Self.runFileChecks([dir.path, "--format", "json"])
        #expect(failing.status == 1)
        let summary = try #require(try Self.json(failing)["summary"] as? [String: Int])
        #expect(summary["photos"] == 2 && summary["fail"] == 1)

        let missing = try Self.runFileChecks([dir.path, dir.appendingPathComponent("nope.jpg").path, "--format", "json"])
        #expect(missing.status == 2)
        let photos = try #require(try Self.json(missing)["photos"] as? [[String: Any]])
        #expect(photos.count == 3)
        #expect(photos[0]["verdict"] as? String == "error")
        #expect(photos[0]["error"] as? [String: String] == ["en": "no such file or folder", "zh": "文件或文件夹不存在"])
    }

    @Test(arguments: ["text", "json", "jsonl", "csv", "junit", "html"])
    func everyFormatExitsOneOnAFailureAndWritesItsFile(_ format: String) throws {
        let dir = try Self.folder(bad: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.out").path
        let run = try Self.runFileChecks([dir.path, "--format", format, "--output", out, "--lang", "zh"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let data = try #require(FileManager.default.contents(atPath: out))
        let text = String(decoding: data, as: UTF8.self)
        // Only the report (and the photos) in the folder: no temporary file left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["2021301234.jpg", "2021301235.jpg", "report.out"])
        switch format {
        case "text":
            #expect(text.contains("[通过]  \(dir.path)/2021301234.jpg"))
            #expect(text.contains("[不合格]  \(dir.path)/2021301235.jpg"))
            // These runs use the file checks only, so the good photo passes outright.
            #expect(text.contains("共 2 张:通过 1,警告 0,不合格 1,无法读取 0"))
        case "json":
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect((object["photos"] as? [Any])?.count == 2)
        case "jsonl":
            let lines = text.split(separator: "\n")
            #expect(lines.count == 2)
            let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
            #expect(second["verdict"] as? String == "fail")
        case "csv":
            #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
            // The student id is followed by a tab so spreadsheets keep it as text (CSVReporter.idCell).
            #expect(text.contains("\r\n\(dir.path)/2021301235.jpg,2021301235\t,不合格,"))
        case "junit":
            let document = try XMLDocument(data: data)
            #expect(try document.nodes(forXPath: "//testcase").count == 2)
            #expect(try document.nodes(forXPath: "//testcase/failure").count == 1)
        case "html":
            #expect(text.contains("<html lang=\"zh-CN\">"))
            #expect(text.components(separatedBy: "<article ").count - 1 == 2)
            // Each photo's thumbnail and its enlarged annotated picture (shown on a click).
            #expect(text.components(separatedBy: "src=\"data:image/jpeg;base64,").count - 1 == 2)
            #expect(text.components(separatedBy: "data-full=\"data:image/jpeg;base64,").count - 1 == 2)
        default:
            Issue.record("unknown format \(format)")
        }
    }

    @Test(arguments: ["json", "jsonl", "csv", "junit"])
    func everyFormatExitsZeroWhenAllPass(_ format: String) throws {
        let run = try Self.runFileChecks([Self.good, "--format", format])
        #expect(run.status == 0)
        #expect(!run.stdout.isEmpty)
    }

    @Test func onlyFailuresListsTheFailingPhoto() throws {
        let dir = try Self.folder(bad: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try Self.runFileChecks([dir.path, "--format", "json", "--only-failures"])
        #expect(run.status == 1)
        let object = try Self.json(run)
        let photos = try #require(object["photos"] as? [[String: Any]])
        #expect(photos.map { $0["path"] as? String } == ["\(dir.path)/2021301235.jpg"])
        #expect((object["summary"] as? [String: Int])?["photos"] == 2)
    }

    @Test func anUnwritableOutputExitsTwoAndLeavesNothing() throws {
        let run = try Self.runFileChecks([Self.good, "--output", "/nonexistent-folder-photocheck/report.json"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot write /nonexistent-folder-photocheck/report.json"))
    }

    @Test func badUsageExitsTwo() throws {
        let format = try Self.run([Self.good, "--format", "xml"])
        #expect(format.status == 2)
        #expect(format.stderr.contains("'xml' is invalid for '--format"))
        #expect(try Self.run([Self.good, "--jobs", "0"]).status == 2)
        #expect(try Self.run([]).status == 2)
        #expect(try Self.run(["--help"]).status == 0)
    }
}

/// What a counsellor runs on a class folder: pages for the students, annotated copies, the line
/// saying what was written.
@Suite struct CounsellorCommandTests {
    /// A class folder: a good photo and a broken one named `学号-姓名.jpg`, and the good photo's
    /// name again in a second folder.
    static func classFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-class-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("b"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CheckCommandTests.good, toPath: dir.appendingPathComponent("2021301234-张三.jpg").path)
        try FileManager.default.copyItem(atPath: CheckCommandTests.good, toPath: dir.appendingPathComponent("b/2021301234-张三.jpg").path)
        try FileManager.default.copyItem(atPath: CheckCommandTests.good, toPath: dir.appendingPathComponent("b/2021301236-王五.jpg").path)
        try Data("<html>not a photo</html>".utf8).write(to: dir.appendingPathComponent("2021301235-李四.jpg"))
        return dir
    }

    @Test func perStudentWritesOnePageNamedAfterEachPhoto() throws {
        let dir = try Self.classFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pages = dir.appendingPathComponent("pages")
        let out = dir.appendingPathComponent("class.csv").path
        let run = try CheckCommandTests.runFileChecks([dir.path, "--per-student", pages.path, "--format", "csv", "-o", out, "--lang", "zh"])
        #expect(run.status == 1 || run.status == 2)
        let names = try FileManager.default.contentsOfDirectory(atPath: pages.path).sorted()
        #expect(names.count == 4, "\(names)")
        // Plain names, except the two photos that share one.
        #expect(names.contains("2021301235-李四.html") && names.contains("2021301236-王五.html"))
        let tagged = names.filter { $0.hasPrefix("2021301234-张三.") }
        #expect(tagged.count == 2 && tagged.allSatisfy { $0.count == "2021301234-张三.12345678.html".count })
        let good = try String(contentsOf: pages.appendingPathComponent("2021301236-王五.html"), encoding: .utf8)
        #expect(good.contains("<span class=\"badge b-pass\">通过</span>") && good.contains("学号 2021301236"))
        #expect(good.contains("src=\"data:image/jpeg;base64,") && good.contains("<ul class=\"legend\">"))
        let broken = try String(contentsOf: pages.appendingPathComponent("2021301235-李四.html"), encoding: .utf8)
        #expect(broken.contains("b-fail") || broken.contains("b-error"))
        #expect(!broken.contains("data:image"))
        // One line on success: what was written, how many photos, the counts.
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("已写入 CSV 报告 \(out):共 4 张,通过 3,"))
    }

    @Test func annotatedCopiesAreNamedAfterThePhotoAndListedInTheText() throws {
        let dir = try Self.classFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let annotated = dir.appendingPathComponent("annotated").path
        let run = try CheckCommandTests.runFileChecks(
            [dir.appendingPathComponent("b/2021301236-王五.jpg").path, "--annotate", annotated, "--lang", "en"])
        #expect(run.status == 0)
        let copy = "\(annotated)/2021301236-王五.annotated.jpg"
        #expect(FileManager.default.fileExists(atPath: copy))
        #expect(run.text.contains("  annotated copy: \(copy)\n"), "\(run.text)")
        // Without -o nothing is said on standard error.
        #expect(run.stderr.isEmpty)
    }
}
