import Foundation
import PhotoCheckTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A file that cannot be read as a photo (a PNG renamed, a web page, an empty file, a JPEG cut
/// inside its header) is an `error` (无法读取), not a `fail`, in every format and in the exit
/// code, with one finding that says what the file is and what to do.
@Suite struct UnreadableVerdictTests {
    /// One good photo and four files that are not photos, named like students' uploads.
    static func folder() throws -> URL {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("photocheck-unreadable-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        try fm.copyItem(atPath: CheckCommandTests.good, toPath: dir.appendingPathComponent("2021301230.jpg").path)
        try fm.copyItem(atPath: TestPaths.fixture("file/png-renamed.jpg"), toPath: dir.appendingPathComponent("2021301231.jpg").path)
        try Data("<!DOCTYPE html>\n<html><head><title>相册</title></head></html>".utf8).write(to: dir.appendingPathComponent("2021301232.jpg"))
        try Data().write(to: dir.appendingPathComponent("2021301233.jpg"))
        let good = try Data(contentsOf: URL(fileURLWithPath: CheckCommandTests.good))
        try good.prefix(300).write(to: dir.appendingPathComponent("2021301234.jpg"))
        return dir
    }

    @Test func everyFormatCountsThemAsErrorsAndExitsTwo() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }

        let text = try CheckCommandTests.runFileChecks([dir.path, "--lang", "zh"])
        #expect(text.status == 2)
        #expect(text.text.contains("共 5 张:通过 1,警告 0,不合格 0,无法读取 4"), "\(text.text)")
        #expect(text.text.contains("[无法读取]  \(dir.path)/2021301231.jpg\n  无法读取:这是 PNG 文件,不是 JPEG\n  → 请导出为 JPEG"))
        #expect(text.text.contains("无法读取:这是一个网页(HTML)文件,不是照片"))
        #expect(text.text.contains("无法读取:文件是空的(0 字节)"))
        #expect(text.text.contains("无法读取:JPEG 文件已损坏"))
        // Nothing about quality or file size for a file that is not a photo.
        #expect(!text.text.contains("file.size") && !text.text.contains("file.quality"))

        let json = try CheckCommandTests.runFileChecks([dir.path, "--format", "json"])
        #expect(json.status == 2)
        let object = try CheckCommandTests.json(json)
        #expect(object["summary"] as? [String: Int] == ["photos": 5, "pass": 1, "warn": 0, "fail": 0, "error": 4])
        let photos = try #require(object["photos"] as? [[String: Any]])
        for photo in photos.dropFirst() {
            #expect(photo["verdict"] as? String == "error")
            let findings = try #require(photo["findings"] as? [[String: Any]])
            #expect(findings.map { $0["check"] as? String } == ["file.jpeg"])
            let error = try #require(photo["error"] as? [String: String])
            #expect(error == findings[0]["message"] as? [String: String])
            #expect(findings[0]["hint"] as? [String: String] != nil)
        }
        #expect((photos[1]["error"] as? [String: String])?["en"] == "This is a PNG file, not a JPEG")

        let csv = try CheckCommandTests.runFileChecks([dir.path, "--format", "csv", "--lang", "zh"])
        #expect(csv.status == 2)
        #expect(csv.text.components(separatedBy: ",无法读取,").count - 1 == 4)

        let junit = try CheckCommandTests.runFileChecks([dir.path, "--format", "junit"])
        #expect(junit.status == 2)
        let document = try XMLDocument(data: junit.stdout)
        #expect(try document.nodes(forXPath: "//testcase/error").count == 4)
        #expect(try document.nodes(forXPath: "//testcase/failure").count == 0)
        #expect(junit.text.contains("<testsuites name=\"photocheck\" tests=\"5\" failures=\"0\" errors=\"4\""))

        let html = try CheckCommandTests.runFileChecks([dir.path, "--format", "html", "--lang", "zh"])
        #expect(html.status == 2)
        #expect(html.text.contains("<button class=\"tile t-error\" data-verdict=\"error\"><span class=\"n\">4</span>"))
        #expect(html.text.components(separatedBy: "<article class=\"photo v-error\"").count - 1 == 4, "\(html.text.prefix(0))")
    }

    /// A JPEG cut short after its header still decodes (with a warning): a photo with findings.
    @Test func aJPEGThatDecodesWithWarningsStaysAPhoto() throws {
        let run = try CheckCommandTests.runFileChecks([TestPaths.fixture("file/truncated.jpg"), "--format", "json"])
        let photo = try #require((try CheckCommandTests.json(run)["photos"] as? [[String: Any]])?.first)
        #expect(photo["verdict"] as? String == "fail")
        #expect(photo["error"] is NSNull)
        #expect(run.status == 1)
    }
}
