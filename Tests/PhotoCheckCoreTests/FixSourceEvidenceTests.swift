import Foundation
import PhotoCheckAnalysis
import PhotoCheckCore
import PhotoCheckModel
import PhotoCheckReporting
import PhotoCheckTestSupport
import Testing

/// What `fix` cannot change stays in its report: the capture date it judged (carried into the
/// fixed file), an editor named in the source's metadata, the source's compression, all judged on
/// the source (`FixReport.judgedOnSource`).
@Suite struct FixSourceEvidenceTests {
    static let options = FixOptions(check: CheckOptions(graduationDate: EditSupport.day("2026-07-01")))
    static let reference = FixRealPhotoTests.shared.appendingPathComponent("reference/frll-005-blue-480x640.jpg").path

    static func fix(_ bytes: [UInt8], path: String = "photo.jpg") -> FixOutcome {
        PhotoFixer(profile: .chsi2017, options: options).fix(path: path, bytes: bytes)
    }

    /// A copy of `source` with `tags` written by exiftool.
    static func tagged(_ source: String, _ tags: [String]) throws -> [UInt8] {
        let exiftool = try #require(EditSupport.oracle("exiftool"), "exiftool is needed")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fix-tag-\(UUID().uuidString).jpg").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try FileManager.default.copyItem(atPath: source, toPath: file)
        _ = try #require(EditSupport.run(exiftool, ["-q", "-overwrite_original"] + tags + [file]), "exiftool \(tags)")
        return try FixRealPhotoTests.bytes(file)
    }

    /// Taken in 2009; its EXIF DateTimeOriginal reads "2009:09:09 20:27:09.60:04:00" (fraction and
    /// zone run in), which `edit.recency` reads as 2009-09-09 and the fixed file used to drop.
    @Test func captureDateIsCarriedAndStillFails() throws {
        let path = FixRealPhotoTests.photo("speech-mouth-open-microphone.jpg")
        let source = checkPhoto(path: path, bytes: try FixRealPhotoTests.bytes(path), only: ["edit.recency"], options: Self.options.check)
        #expect(source.status("edit.recency") == .fail)
        let outcome = Self.fix(try FixRealPhotoTests.bytes(path), path: path)
        let fixed = try #require(outcome.fixedBytes)
        let context = AnalysisContext(profile: .chsi2017, options: Self.options.check)
        #expect(PhotoAnalysis(path: "fixed.jpg", bytes: fixed, context: context).exif.dateTimeOriginal == "2009:09:09 20:27:09")
        // The fixed file on its own, as a reviewer would check it: the same day, the same failure.
        let recheck = checkPhoto(path: "fixed.jpg", bytes: fixed, only: ["edit.recency"], options: Self.options.check)
        #expect(recheck.status("edit.recency") == .fail, "\(recheck.finding("edit.recency").message.en)")
        #expect(recheck.finding("edit.recency").message.en.contains("2009-09-09"))
        #expect(outcome.report.status("edit.recency") == .fail)
        #expect(outcome.report.verdict == .fail)
    }

    @Test(arguments: [
        ("2009:09:09 20:27:09.60:04:00", "2009:09:09 20:27:09"), ("2009:09:09 20:27:09", "2009:09:09 20:27:09"),
        ("2024-06-01T08:05:03+08:00", "2024:06:01 08:05:03"), ("2024:06:01", "2024:06:01 00:00:00"), ("2024:06:01 25:00:00", "2024:06:01 00:00:00"),
    ])
    func storedDatesAreWrittenInExifForm(_ stored: String, _ written: String) {
        #expect(FixEncoder.exifDate(stored) == written)
    }

    @Test(arguments: ["0000:00:00 00:00:00", "", "    :  :     :  :  ", "2023:02:30 10:00:00"])
    func unreadableDatesAreNotWritten(_ stored: String) {
        #expect(FixEncoder.exifDate(stored) == nil)
    }

    /// A Meitu `Software` tag warns on the source; the fixed file is written fresh without it, and
    /// the fix report keeps the source's warning, marked as the source's.
    @Test func beautyAppInTheSourceStillWarns() throws {
        let meitu = try Self.tagged(Self.reference, ["-Software=Meitu XiuXiu"])
        let source = checkPhoto(path: "meitu.jpg", bytes: meitu, only: ["edit.software"])
        #expect(source.status("edit.software") == .warn)
        let outcome = Self.fix(meitu, path: "meitu.jpg")
        let fixed = try #require(outcome.fixedBytes)
        #expect(checkPhoto(path: "fixed.jpg", bytes: fixed, only: ["edit.software"]).status("edit.software") == .pass, "no forged tag")
        let finding = outcome.report.finding("edit.software")
        #expect(finding.status == .warn)
        #expect(finding.message.en.hasPrefix("Source photo: ") && finding.message.en.contains("Meitu"), "\(finding.message.en)")
        #expect(finding.message.zh.hasPrefix("原照片:"))
        #expect(outcome.report.verdict == .warn)
        #expect(outcome.report.fix?.fromSource == ["edit.software"])
        #expect(outcome.report.fix?.retake == ["edit.software"])
        #expect(outcome.report.fix?.retakeAdvice?.en.contains("Hand in the camera's original file") == true)
    }

    /// A WeChat-style copy (quality 50, 14 KB): the fix re-encodes it at a high quality, but what
    /// the copy lost does not come back, so `file.quality` fails as on the source.
    @Test func compressedCopyStillFailsQuality() throws {
        let copy = try FixRealPhotoTests.magick(Self.reference, ["-quality", "50"])
        #expect(copy.count < 20 * 1024)
        let source = checkPhoto(path: "wechat.jpg", bytes: copy, only: ["file.quality"])
        #expect(source.status("file.quality") == .fail)
        let outcome = Self.fix(copy, path: "wechat.jpg")
        #expect((outcome.quality ?? 0) > 60, "the fixed file itself is encoded well")
        #expect(outcome.report.status("file.quality") == .fail)
        #expect(outcome.report.finding("file.quality").message.en.hasPrefix("Source photo: "))
        #expect(outcome.report.verdict == .fail)
        #expect(outcome.report.fix?.fromSource == ["file.quality"])
        #expect(outcome.report.fix?.retake.contains("file.quality") == true)
    }

    /// The camera original of the same photo: nothing is taken from the source, the report is
    /// the fixed photo's own re-check.
    @Test func originalPhotoIsJudgedOnTheFixedFileAlone() throws {
        let outcome = Self.fix(try FixRealPhotoTests.bytes(Self.reference), path: "ref.jpg")
        #expect(outcome.report.fix?.fromSource == [])
        #expect(outcome.report.verdict == .pass)
        #expect(!outcome.report.findings.contains { $0.message.en.hasPrefix("Source photo: ") })
    }

    /// A dry run judges the source the same way.
    @Test func dryRunKeepsTheSourceFindings() throws {
        let copy = try FixRealPhotoTests.magick(Self.reference, ["-quality", "50"])
        var options = Self.options
        options.dryRun = true
        let outcome = PhotoFixer(profile: .chsi2017, options: options).fix(path: "wechat.jpg", bytes: copy)
        #expect(outcome.report.verdict == .fail && outcome.report.status("file.quality") == .fail)
    }
}
