import Foundation
import PhotoCheckDecoding
import PhotoCheckTestSupport
import Testing

/// `photocheck fix` as a student runs it: where fixed photos go, what is never written or
/// overwritten, the JSON `fix` object, the exit codes.
@Suite struct FixCommandTests {
    typealias CLI = CheckCommandTests
    static let shared = TestPaths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/photos")
    static let good = shared.appendingPathComponent("frll-neutral-plain-grey-bg-02.jpg").path
    static let refused = shared.appendingPathComponent("two-people-side-by-side-composite.jpg").path
    static let hairAtTop = shared.appendingPathComponent("canada-tight-crop-plain-lilac-bg-headband-02.jpg").path

    /// A folder holding copies of `photos` (name → source), under a sub-folder when the name has one.
    static func folder(_ photos: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-fix-\(UUID().uuidString)")
        for (name, source) in photos {
            let target = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: source, toPath: target.path)
        }
        return dir
    }

    static func listing(_ dir: URL) -> [String] {
        let walker = FileManager.default.enumerator(atPath: dir.path)
        var names: [String] = []
        while let name = walker?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path, isDirectory: &isDir), !isDir.boolValue {
                names.append(name)
            }
        }
        return names.sorted()
    }

    static func photos(_ run: CLI.Run) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        return try #require(json["photos"] as? [[String: Any]])
    }

    @Test func fixedCopyIsWrittenBesideTheInputWhichStaysUnchanged() throws {
        let dir = try Self.folder(["2021301234.jpg": Self.good, "group.jpg": Self.refused])
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("2021301234.jpg").path
        let before = try #require(FileManager.default.contents(atPath: input))
        let run = try CLI.run(["fix", dir.path, "--format", "json"])
        #expect(run.status == 1, "one photo is refused: \(run.stderr)")
        #expect(FileManager.default.contents(atPath: input) == before)
        #expect(Self.listing(dir) == ["2021301234.fixed.jpg", "2021301234.jpg", "group.jpg"], "nothing written for the refused photo")
        let photos = try Self.photos(run)
        #expect(photos.count == 2)
        let fixed = try #require(photos.first { ($0["path"] as? String) == input })
        let fix = try #require(fixed["fix"] as? [String: Any])
        let crop = try #require(fix["crop"] as? [String: Int])
        #expect(Set(crop.keys) == ["x", "y", "width", "height"] && crop["width"]! * 4 == crop["height"]! * 3)
        #expect((fix["scale"] as? Double).map { $0 > 0.4 && $0 < 0.6 } == true)
        #expect((fix["quality"] as? Int).map { $0 >= 60 && $0 <= 100 } == true)
        #expect(fix["output"] as? String == dir.appendingPathComponent("2021301234.fixed.jpg").path)
        #expect(fixed["width"] as? Int == 480 && fixed["height"] as? Int == 640)
        // The fixed file is what the report describes.
        let written = try #require(FileManager.default.contents(atPath: fix["output"] as! String))
        #expect(fix["bytes"] as? Int == written.count)
        let group = try #require(photos.first { ($0["path"] as? String)?.hasSuffix("group.jpg") == true })
        let refusal = try #require((group["fix"] as? [String: Any])?["refusal"] as? [String: Any])
        #expect(refusal["check"] as? String == "face.count")
        #expect((group["fix"] as? [String: Any])?["output"] is NSNull)
    }

    @Test func outDirMirrorsTheFoldersAndRecheckingPasses() throws {
        let dir = try Self.folder(["class-a/2021301234.jpg": Self.good, "class-b/2021305678.JPEG": Self.good])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-fixout-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: out)
        }
        let run = try CLI.run(["fix", dir.path, "--out-dir", out.path])
        #expect(run.status == 0, "\(run.text)\(run.stderr)")
        #expect(Self.listing(out) == ["class-a/2021301234.jpg", "class-b/2021305678.jpg"])
        #expect(Self.listing(dir) == ["class-a/2021301234.jpg", "class-b/2021305678.JPEG"], "nothing written beside the inputs")
        // `check` on the fixed photos: no failure.
        let check = try CLI.run([out.path])
        #expect(check.status == 0, "\(check.text)")
    }

    @Test func dryRunWritesNothingAndPrintsThePlan() throws {
        let dir = try Self.folder(["me.jpg": Self.good])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["fix", "--dry-run", dir.appendingPathComponent("me.jpg").path])
        #expect(run.status == 0)
        #expect(Self.listing(dir) == ["me.jpg"])
        #expect(run.text.contains("dry run, nothing written: would crop "), "\(run.text)")
        #expect(run.text.contains("predicted head top"))
        let zh = try CLI.run(["fix", "--dry-run", "--lang", "zh", dir.appendingPathComponent("me.jpg").path])
        #expect(zh.text.contains("试运行,未写入文件") && zh.text.contains("预计头顶距上边沿"), "\(zh.text)")
    }

    /// A photo whose fix fails (head tilted 20°, uneven backdrop, light from one side, colour cast):
    /// the dry run says FAIL and exits 1 as the real fix does, and writes nothing.
    @Test func dryRunOfAFailingPhotoFailsAsTheFixDoes() throws {
        let dir = try Self.folder(["tilt.jpg": Self.shared.appendingPathComponent("selfie-head-tilted-busy-bg-03.jpg").path])
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("tilt.jpg").path
        let dry = try CLI.run(["fix", input, "--dry-run", "--lang", "en"])
        #expect(dry.status == 1, "\(dry.text)")
        #expect(dry.text.hasPrefix("[FAIL]"), "\(dry.text)")
        #expect(dry.text.contains("dry run, nothing written: would crop "))
        #expect(Self.listing(dir) == ["tilt.jpg"])
        let real = try CLI.run(["fix", input, "--lang", "en"])
        #expect(real.status == dry.status && real.text.hasPrefix("[FAIL]"), "\(real.text)")
    }

    @Test func anOutputThatIsAnInputIsRefused() throws {
        let dir = try Self.folder(["me.jpg": Self.good])
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("me.jpg").path
        let before = try #require(FileManager.default.contents(atPath: input))
        let run = try CLI.run(["fix", input, "-o", input])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("one of the photos being checked"), "\(run.stderr)")
        #expect(FileManager.default.contents(atPath: input) == before)
        #expect(Self.listing(dir) == ["me.jpg"], "no temporary file left behind")
        // --out-dir onto the input's own folder with the same name: refused as well.
        let same = try CLI.run(["fix", input, "--out-dir", dir.path])
        #expect(same.status == 2)
        #expect(FileManager.default.contents(atPath: input) == before)
    }

    @Test func refusalNamesTheCheckAndWritesNothing() throws {
        let dir = try Self.folder(["hair.jpg": Self.hairAtTop])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["fix", dir.appendingPathComponent("hair.jpg").path, "--lang", "zh"])
        #expect(run.status == 1)
        #expect(run.text.contains("头发碰到了照片的上边沿"), "\(run.text)")
        #expect(Self.listing(dir) == ["hair.jpg"])
    }

    /// A file that is not a photo counts as `check` counts it: an error (无法读取, exit 2), not a
    /// failed fix, with the same finding, in both commands' JSON.
    @Test func unreadableFilesAreErrorsAsInCheck() throws {
        let png = TestPaths.fixture("hostile/png-renamed.jpg")
        let fix = try CLI.run(["fix", png, "--format", "json", "--dry-run"])
        let check = try CLI.run(["check", png, "--format", "json"])
        #expect(fix.status == 2 && check.status == 2)
        let fixed = try #require(try Self.photos(fix).first)
        let checked = try #require(try Self.photos(check).first)
        #expect(fixed["verdict"] as? String == "error")
        #expect((fixed["error"] as? [String: String]) == (checked["error"] as? [String: String]))
        let findings = { (photo: [String: Any]) in (photo["findings"] as? [[String: Any]])?.compactMap { $0["check"] as? String } }
        #expect(findings(fixed) == ["file.jpeg"] && findings(checked) == ["file.jpeg"])
    }

    @Test func usageErrors() throws {
        #expect(try CLI.run(["fix"]).status == 2)
        #expect(try CLI.run(["fix", Self.good, Self.refused, "-o", "/tmp/x.jpg"]).status == 2)
        #expect(try CLI.run(["fix", Self.good, "-o", "/tmp/x.jpg", "--out-dir", "/tmp"]).status == 2)
        #expect(try CLI.run(["fix", "/nonexistent/photo.jpg"]).status == 2)
    }

    @Test func htmlShowsTheSourceWithTheCropAndTheResult() throws {
        let dir = try Self.folder(["me.jpg": Self.good])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["fix", dir.appendingPathComponent("me.jpg").path, "--format", "html"])
        #expect(run.status == 0)
        let html = run.text
        #expect(html.contains("Source, the crop in red") && html.contains(">Fixed</figcaption>"))
        #expect(html.components(separatedBy: "data:image/jpeg;base64,").count >= 4, "thumbnail, source and fixed pictures")
        #expect(html.contains("fixed → "))
    }
}

/// A batch killed in the middle (SIGKILL: no clean-up runs) leaves every fixed photo either
/// absent or complete: files are written to a hidden temporary name and renamed when whole.
@Suite struct FixInterruptionTests {
    @Test func killedBatchLeavesNoHalfWrittenPhoto() throws {
        var photos: [String: String] = [:]
        for i in 0..<8 { photos[String(format: "2021%06d.jpg", i)] = FixCommandTests.good }
        let dir = try FixCommandTests.folder(photos)
        defer { try? FileManager.default.removeItem(at: dir) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CheckCommandTests.binary)
        process.arguments = ["fix", dir.path, "--jobs", "1", "--no-progress"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for the first fixed photo, then kill the batch while it works on the next ones.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("2021000000.fixed.jpg").path) {
            usleep(20_000)
        }
        usleep(150_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        let fixed = names.filter { $0.hasSuffix(".fixed.jpg") && !$0.hasPrefix(".") }
        #expect(!fixed.isEmpty && fixed.count < 8, "killed mid-batch: \(fixed.count) fixed")
        for name in fixed {
            let bytes = try #require(FileManager.default.contents(atPath: dir.appendingPathComponent(name).path))
            let file = try JPEGFile(bytes: [UInt8](bytes))
            #expect(!file.isTruncated && file.problems.isEmpty && file.trailingByteCount == 0, "\(name) is complete")
        }
        // Only hidden temporary files may be left (a name no photo folder walk picks up).
        #expect(names.allSatisfy { $0.hasPrefix(".") || $0.hasSuffix(".jpg") })
        #expect(names.filter { $0.hasSuffix(".jpg") && !$0.hasPrefix(".") }.count == 8 + fixed.count)
    }
}
