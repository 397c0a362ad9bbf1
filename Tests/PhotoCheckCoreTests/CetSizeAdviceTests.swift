import Foundation
import PhotoCheckCore
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// Under a profile that sets only a minimum size (cet: at least 144×192, 20–200 KB), `check`'s
/// advice is what `fix` does, and a file made by following it lands in the profile's bands.
@Suite struct CetSizeAdviceTests {
    static let reference = FixSourceEvidenceTests.reference

    static func cet() throws -> Profile { try Profile.builtIn(named: "cet") }

    /// "crop 405×540 px: about 0–49 px … off the top, 96 off the bottom, 38 off the left and 38 off
    /// the right, then save it at 405×540 at quality 100 (about 90 KB)": the crop, its offsets and
    /// the size and quality to save at.
    struct Advice {
        var crop: (width: Int, height: Int)
        var bottom: Int
        var left: Int
        var save: (width: Int, height: Int)
        var quality: Int

        init?(_ text: String) {
            func ints(after pattern: String) -> [Int]? {
                guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
                return text[range].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            }
            guard let crop = ints(after: "crop [0-9]+×[0-9]+"), let bottom = ints(after: "[0-9]+ off the bottom"),
                let left = ints(after: "[0-9]+ off the left"), let save = ints(after: "save it at [0-9]+×[0-9]+ at quality [0-9]+")
            else { return nil }
            self.crop = (crop[0], crop[1])
            self.bottom = bottom[0]
            self.left = left[0]
            self.save = (save[0], save[1])
            quality = save[2]
        }
    }

    static func check(_ bytes: [UInt8], _ profile: Profile) -> PhotoReport {
        PhotoChecker(profile: profile, options: CheckOptions()).check(path: "me.jpg", bytes: bytes)
    }

    /// The tester's photo: the advice was "crop 404×539 … resize to 144×192", and a file made so is
    /// 9.4 KB, under cet's 20 KB. Now it is fix's crop, saved at its own size.
    @Test func cropAdviceIsFixsCropAndTheFileLandsInTheBand() throws {
        let profile = try Self.cet()
        let bytes = try FixRealPhotoTests.bytes(Self.reference)
        let report = Self.check(bytes, profile)
        let hint = try #require(report.findings.compactMap(\.hint).first { $0.en.contains("crop ") }, "a crop is advised")
        #expect(!hint.en.contains("resize to 144×192"), "\(hint.en)")
        let advice = try #require(Advice(hint.en), "\(hint.en)")
        #expect(advice.crop.width * 4 == advice.crop.height * 3)
        let fixed = PhotoFixer(profile: profile).fix(path: "me.jpg", bytes: bytes)
        let plan = try #require(fixed.plan)
        #expect(advice.crop.width == plan.crop.width && advice.crop.height == plan.crop.height, "advice \(advice.crop), fix \(plan.crop)")
        #expect(advice.save.width == fixed.report.fix?.outputWidth ?? plan.crop.width)
        // Made as the advice says, with ImageMagick: inside cet's size and file-size bands.
        let made = try FixRealPhotoTests.magick(
            Self.reference,
            [
                "-crop", "\(advice.crop.width)x\(advice.crop.height)+\(advice.left)+\(640 - advice.crop.height - advice.bottom)", "+repage",
                "-resize",
                "\(advice.save.width)x\(advice.save.height)!", "-sampling-factor", "1x1", "-quality", "\(advice.quality)",
            ])
        let result = Self.check(made, profile)
        #expect(made.count >= 20 * 1024 && made.count <= 200 * 1024, "\(made.count) bytes")
        for check in ["file.size", "file.dimensions"] {
            #expect(result.status(check) == .pass, "\(check): \(result.finding(check).message.en)")
        }
    }

    /// A 3000×4000 photo of 600+ KB: quality 85 alone cannot reach 200 KB; the advice gives a size
    /// and quality that do, and a file saved so is inside the band.
    @Test func tooLargePhoneSizePhotoIsAdvisedASizeThatFits() throws {
        let profile = try Self.cet()
        let name = FixRealPhotoTests.photo("frll-neutral-plain-grey-bg-02.jpg")
        let phone = try FixRealPhotoTests.magick(
            name, ["-gravity", "center", "-crop", "1012x1350+0+0", "+repage", "-filter", "Lanczos", "-resize", "3000x4000!", "-quality", "97"])
        let report = Self.check(phone, profile)
        try #require(report.status("file.size") == .fail, "\(phone.count) bytes")
        let hint = try #require(report.finding("file.size").hint?.en)
        #expect(!hint.contains("about 85) so the file shrinks"), "\(hint)")
        let numbers = try #require(hint.range(of: "save it at [0-9]+×[0-9]+ at quality [0-9]+", options: .regularExpression), "\(hint)")
        let values = hint[numbers].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(values[0] * 4 == values[1] * 3 && values[0] >= 144 && values[1] < 4000)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("phone-\(UUID().uuidString).jpg").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data(phone).write(to: URL(fileURLWithPath: file))
        let saved = try FixRealPhotoTests.magick(
            file, ["-filter", "Lanczos", "-resize", "\(values[0])x\(values[1])!", "-sampling-factor", "1x1", "-quality", "\(values[2])"])
        #expect(saved.count >= 20 * 1024 && saved.count <= 200 * 1024, "\(hint): \(saved.count) bytes")
        // And fix writes a file of that size.
        let fixed = PhotoFixer(profile: profile).fix(path: "phone.jpg", bytes: phone)
        #expect(fixed.report.status("file.size") == .pass)
        #expect(
            fixed.report.fix?.outputWidth == values[0] && fixed.report.fix?.outputHeight == values[1],
            "fix wrote \(fixed.report.fix?.outputWidth ?? 0)×\(fixed.report.fix?.outputHeight ?? 0)")
    }
}
