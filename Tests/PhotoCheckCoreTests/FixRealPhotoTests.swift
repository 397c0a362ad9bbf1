import Foundation
import PhotoCheckAnalysis
import PhotoCheckCore
import PhotoCheckDecoding
import PhotoCheckImage
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// `PhotoFixer` on the real photos of ../shared: what it fixes passes every file-level and framing
/// check; what it refuses names the check that blocks it.
@Suite struct FixRealPhotoTests {
    static let shared = TestPaths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static func photo(_ name: String) -> String { shared.appendingPathComponent("photos/" + name).path }

    /// The checks a crop, a resize and an encode decide.
    static let fileAndFraming: Set<CheckID> = [
        "file.jpeg", "file.extension", "file.dimensions", "file.colour", "file.quality", "file.size", "file.dpi", "file.orientation",
        "file.trailer", "framing.head_top", "framing.eye_line", "framing.face_width", "framing.centring",
    ]

    /// FRLL photos with room to crop around the head, and the reference photos.
    static let fixable: [String] =
        [
            "frll-neutral-plain-grey-bg-02.jpg", "frll-neutral-plain-grey-bg-03.jpg", "frll-neutral-plain-grey-bg-04.jpg",
            "frll-neutral-plain-grey-bg-06.jpg", "frll-neutral-plain-grey-bg-07.jpg", "frll-neutral-plain-grey-bg-08.jpg",
            "frll-smiling-plain-grey-bg-01.jpg", "frll-smiling-teeth-plain-grey-bg-02.jpg", "composite-averaged-face-plain-grey-bg.jpg",
        ].map(photo)
        + ((try? FileManager.default.contentsOfDirectory(atPath: shared.appendingPathComponent("reference").path)) ?? [])
        .filter { $0.hasSuffix(".jpg") }.sorted().map { shared.appendingPathComponent("reference/" + $0).path }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func fix(_ bytes: [UInt8], path: String = "photo.jpg") -> FixOutcome {
        PhotoFixer(profile: .chsi2017, options: FixOptions(check: CheckOptions(graduationDate: EditSupport.day("2026-07-01"))))
            .fix(path: path, bytes: bytes)
    }

    func expectFixed(_ outcome: FixOutcome, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.refusal == nil, "\(label): refused: \(outcome.refusal?.reason.en ?? "")", sourceLocation: sourceLocation)
        guard let bytes = outcome.fixedBytes else { return }
        #expect(bytes.count <= 60 * 1024, "\(label): \(bytes.count) bytes", sourceLocation: sourceLocation)
        for finding in outcome.report.findings where Self.fileAndFraming.contains(finding.check) {
            #expect(finding.status == .pass, "\(label): \(finding.check) \(finding.status): \(finding.message.en)", sourceLocation: sourceLocation)
        }
    }

    @Test func sharedPhotosArePresent() {
        #expect(Self.fixable.count == 19, "../shared/photos and ../shared/reference beside the package")
    }

    @Test(arguments: fixable)
    func fixedPhotoPassesEveryFileAndFramingCheck(_ path: String) throws {
        let source = try Self.bytes(path)
        let outcome = fix(source, path: path)
        expectFixed(outcome, path)
        let plan = try #require(outcome.plan)
        #expect(plan.scale <= 1.25)
        #expect(outcome.quality.map { $0 >= 60 } ?? false)
        // The predicted framing is what the re-check measures, to within a few pixels.
        let eye = try #require(outcome.report.findings.first { $0.check == "framing.eye_line" }?.value("eye_line_y_px"))
        #expect(abs(eye - plan.predicted.eyeLineY) < 4)
    }

    /// The photos `fix` must refuse, with the check that blocks each. FRLL-01's hair bun touches the
    /// top edge; FRLL-05 sits so low in the square photo that no 3:4 crop keeps the head top 50 px
    /// below the top and the eyes within 300 px of it: both need picture that is not there.
    @Test(arguments: [
        ("frll-neutral-plain-grey-bg-01.jpg", "framing.head_top"),
        ("frll-neutral-plain-grey-bg-05.jpg", "framing.eye_line"),
        ("canada-tight-crop-plain-lilac-bg-01.jpg", "framing.head_top"),
        ("canada-tight-crop-plain-lilac-bg-headband-02.jpg", "framing.head_top"),
        ("canada-tight-crop-plain-lilac-bg-beard-03.jpg", "framing.head_top"),
        ("face-cut-off-at-edge.jpg", "face.count"),
        ("two-people-side-by-side-composite.jpg", "face.count"),
        ("selfie-head-cropped-dim-noisy-01.jpg", "framing.head_top"),
    ])
    func refusedWithTheBlockingCheck(_ name: String, _ check: String) throws {
        let outcome = fix(try Self.bytes(Self.photo(name)), path: name)
        #expect(outcome.fixedBytes == nil)
        #expect(outcome.refusal?.check == check, "\(name): \(outcome.refusal?.reason.en ?? "not refused")")
        #expect(outcome.report.verdict == .fail)
        #expect(outcome.report.findings.map(\.check) == [check])
        #expect(!(outcome.refusal?.reason.zh.isEmpty ?? true))
    }

    /// Runs ImageMagick's `convert` on `source` with `arguments`, returning the output file's bytes.
    static func magick(_ source: String, _ arguments: [String], ext: String = "jpg") throws -> [UInt8] {
        let convert = try #require(EditSupport.oracle("convert"), "ImageMagick is needed")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("fix-\(UUID().uuidString).\(ext)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try #require(EditSupport.run(convert, [source] + arguments + [out]), "convert \(arguments)")
        return try bytes(out)
    }

    /// A phone-size copy (4050×4050, enlarged 3× by ImageMagick, decoded DCT-scaled): the same crop,
    /// three times larger.
    @Test(arguments: ["frll-neutral-plain-grey-bg-02.jpg", "frll-neutral-plain-grey-bg-08.jpg"])
    func phoneSizeCopyGivesTheSameCropScaled(_ name: String) throws {
        let original = try #require(fix(try Self.bytes(Self.photo(name))).plan)
        let large = fix(try Self.magick(Self.photo(name), ["-filter", "Lanczos", "-resize", "300%", "-quality", "92"]))
        expectFixed(large, name + " ×3")
        let plan = try #require(large.plan)
        // Measured on the picture decoded at 3/8 (DCT scaling): one pixel there is 2.7 here, so the
        // crop may move by a few of them; 24 px is 4 px of the 480×640 result.
        #expect(abs(plan.crop.x - 3 * original.crop.x) <= 24 && abs(plan.crop.y - 3 * original.crop.y) <= 24, "\(plan.crop) vs 3 × \(original.crop)")
        #expect(abs(plan.crop.height - 3 * original.crop.height) <= 24)
    }

    /// Stored on its side with an EXIF orientation flag: fixed upright, with the crop of the
    /// upright photo (the crop box is in displayed pixels).
    @Test(arguments: [(6, "-90"), (8, "90"), (3, "180")])
    func orientationFlagIsApplied(_ orientation: Int, _ rotate: String) throws {
        let name = "frll-neutral-plain-grey-bg-03.jpg"
        let upright = try #require(fix(try Self.bytes(Self.photo(name))).plan)
        let exiftool = try #require(EditSupport.oracle("exiftool"), "exiftool is needed")
        let stored = FileManager.default.temporaryDirectory.appendingPathComponent("fix-orient-\(UUID().uuidString).jpg").path
        defer { try? FileManager.default.removeItem(atPath: stored) }
        try Data(try Self.magick(Self.photo(name), ["-rotate", rotate, "-quality", "95"])).write(to: URL(fileURLWithPath: stored))
        _ = try #require(EditSupport.run(exiftool, ["-q", "-overwrite_original", "-n", "-Orientation=\(orientation)", stored]))
        let outcome = fix(try Self.bytes(stored))
        expectFixed(outcome, "orientation \(orientation)")
        let plan = try #require(outcome.plan)
        #expect(abs(plan.crop.x - upright.crop.x) <= 3 && abs(plan.crop.y - upright.crop.y) <= 3, "\(plan.crop) vs \(upright.crop)")
        #expect(abs(plan.crop.height - upright.crop.height) <= 4)
    }

    /// Cut so that the face is off-centre, too high, or too small in the frame: the source fails a
    /// framing check, the fixed photo passes them all. The crop box follows the cut exactly.
    @Test(arguments: [
        ("frll-neutral-plain-grey-bg-02.jpg", "1150x1350+200+0"),  // face left of centre
        ("frll-neutral-plain-grey-bg-06.jpg", "1350x1300+0+0"),  // eyes low in a shorter frame
        ("frll-neutral-plain-grey-bg-07.jpg", "1200x1350+150+0"),  // face left of centre
    ])
    func shiftedPhotoIsReframed(_ name: String, _ geometry: String) throws {
        let cut = try Self.magick(Self.photo(name), ["-crop", geometry, "+repage", "-quality", "95"])
        let before = checkPhoto(path: "cut.jpg", bytes: cut)
        let framing = ["framing.head_top", "framing.eye_line", "framing.face_width", "framing.centring"]
        #expect(framing.contains { before.status($0) != .pass } || before.status("file.dimensions") != .pass)
        let outcome = fix(cut)
        expectFixed(outcome, "\(name) cut \(geometry)")
        // The same face in the uncut photo: the crop is the same part of the scene.
        let whole = try #require(fix(try Self.bytes(Self.photo(name))).plan)
        let plan = try #require(outcome.plan)
        let offset = geometry.split(separator: "+").dropFirst().compactMap { Int($0) }
        if plan.crop.height == whole.crop.height {
            #expect(abs(plan.crop.x + offset[0] - whole.crop.x) <= 2 && abs(plan.crop.y + offset[1] - whole.crop.y) <= 2)
        }
    }

    /// Zoomed out (the photo placed smaller on a larger canvas of its own backdrop is painting, so
    /// instead: a 3:4 photo whose face is too small): enlarged within 1.25× and framed.
    @Test func tooSmallFaceIsEnlargedAtMostAQuarter() throws {
        let small = try Self.magick(Self.photo("frll-neutral-plain-grey-bg-08.jpg"), ["-resize", "600x600", "-quality", "95"])
        let outcome = fix(small)
        expectFixed(outcome, "600×600")
        #expect((outcome.plan?.scale ?? 0) > 1 && (outcome.plan?.scale ?? 2) <= 1.25)
    }

    static func psnr(_ a: RGBImage, _ b: RGBImage) -> Double {
        var sum = 0.0
        for i in 0..<a.pixels.count {
            let d = Double(a.pixels[i]) - Double(b.pixels[i])
            sum += d * d
        }
        let mse = sum / Double(a.pixels.count)
        return 10 * log10(255 * 255 / max(mse, 1e-12))
    }

    /// The fixed pixels are the scene and nothing else: against ImageMagick's own Lanczos resample
    /// of the same crop, the resampled pixels and the decoded fixed file both stay above 38 dB.
    @Test(arguments: ["frll-neutral-plain-grey-bg-02.jpg", "frll-neutral-plain-grey-bg-04.jpg", "selfie-busy-bg-60cm.jpg"])
    func fixedPixelsMatchAnIndependentLanczosResample(_ name: String) throws {
        let path = Self.photo(name)
        let outcome = fix(try Self.bytes(path))
        let plan = try #require(outcome.plan)
        let c = plan.crop
        let raw8 = try Self.magick(
            path, ["-crop", "\(c.width)x\(c.height)+\(c.x)+\(c.y)", "+repage", "-filter", "Lanczos", "-resize", "480x640!", "-depth", "8"], ext: "rgb"
        )
        try #require(raw8.count == 480 * 640 * 3)
        let reference = RGBImage(width: 480, height: 640, pixels: raw8)
        let decoded = try JPEGDecoder().decode(try Self.bytes(path)).image
        let resampled = Resampler.resample(decoded, crop: c, width: 480, height: 640, kernel: .lanczos3)
        let fixed = try JPEGDecoder().decode(try #require(outcome.fixedBytes)).image
        let raw = Self.psnr(resampled, reference), encoded = Self.psnr(fixed, reference)
        #expect(raw >= 38, "resampled: \(raw) dB")
        #expect(encoded >= 38, "fixed file: \(encoded) dB")
    }

    /// The file: baseline JFIF at 300 dpi, EXIF with the capture date and nothing else (no camera
    /// make, no thumbnail), no bytes after the end, and the highest quality that fits 60 KB.
    @Test func fixedFileKeepsOnlyTheCaptureDate() throws {
        let source = try TestPaths.fixtureBytes("edit/camera-005.jpg")
        let outcome = fix(source)
        let bytes = try #require(outcome.fixedBytes)
        let file = try JPEGFile(bytes: bytes)
        #expect(file.frame?.marker == 0xC0)
        #expect(file.jfifDensity == JPEGFile.Density(units: 1, x: 300, y: 300))
        #expect(file.trailingByteCount == 0)
        let exif = EXIFReader.read(tiff: try #require(file.exifPayload))
        #expect(exif.dateTimeOriginal == "2026:05:20 10:15:00")
        #expect(exif.make == nil && exif.model == nil && exif.thumbnail == nil && exif.orientation == nil && exif.software == nil)
        let apps = file.segments.map(\.marker).filter { (0xE0...0xEF).contains($0) || $0 == 0xFE }
        #expect(apps == [0xE0, 0xE1])
        #expect(outcome.report.status("edit.recency") == .pass)
        // One quality step higher would not fit.
        let q = try #require(outcome.quality)
        if q < 100 {
            let encoder = try JPEGEncoder()
            let next = try encoder.encode(try JPEGDecoder().decode(bytes).image, quality: q + 1, subsampling: .s444, dpi: 300)
            #expect(next.count > 60 * 1024 - 200)
        }
    }

    @Test func exifSegmentIsReadBack() throws {
        let source = try TestPaths.fixtureBytes("real/frll-005-grey-480x640.jpg")
        let outcome = fix(source)
        let file = try JPEGFile(bytes: try #require(outcome.fixedBytes))
        #expect(file.exifPayload == nil, "no capture date in the source, so no EXIF in the result")
        #expect(outcome.report.status("edit.recency") == .manual)
    }

    @Test func notAJPEGIsRefusedByFileJPEG() throws {
        let outcome = fix(try Self.bytes(Self.photo("astronaut-flag-shuttle-bg.png")), path: "astronaut.png")
        #expect(outcome.refusal?.check == "file.jpeg")
        #expect(outcome.fixedBytes == nil)
    }

    /// A dry run encodes and re-checks in memory (its verdict is the real fix's) but hands back no file.
    @Test func dryRunPlansAndJudgesWithoutAFile() throws {
        let fixer = PhotoFixer(profile: .chsi2017, options: FixOptions(dryRun: true))
        let outcome = fixer.fix(path: "a.jpg", bytes: try Self.bytes(Self.photo("frll-neutral-plain-grey-bg-02.jpg")))
        #expect(outcome.fixedBytes == nil && outcome.plan != nil && outcome.quality != nil)
        #expect(outcome.report.fix?.dryRun == true)
    }

    /// A photo whose backdrop and light fail: fixed for the file, but the report says to retake it.
    @Test func contentProblemsAskForANewPhoto() throws {
        let outcome = fix(try Self.bytes(Self.photo("selfie-busy-bg-60cm.jpg")))
        expectFixed(outcome, "selfie")
        let retake = try #require(outcome.report.fix?.retake)
        #expect(retake.contains("background.colour"))
        #expect(retake.allSatisfy { !Self.fileAndFraming.contains($0) })
        #expect(outcome.report.fix?.retakeAdvice?.zh.contains("重新拍摄") == true)
    }
}

/// DCT-scaled decoding of phone photos, in `check` and `fix`.
@Suite struct FixScaledDecodeTests {
    @Test func smallestFactorStillTwiceTheTarget() {
        let twice = DecodeSize.twice(.chsi2017)
        #expect(JPEGDecoderProbe.factor(3000, 4000, twice) == 3.0 / 8)
        #expect(JPEGDecoderProbe.factor(6000, 8000, twice) == 2.0 / 8)
        #expect(JPEGDecoderProbe.factor(8000, 6000, twice) == 2.0 / 8)
        #expect(JPEGDecoderProbe.factor(480, 640, twice) == 1)
        // check scales only photos at least four times the target: the shared photos (at most
        // 1434×2333) and every fixture are measured at full size, as before.
        let check = DecodeSize.twice(.chsi2017, largestFactor: 0.5)
        #expect(JPEGDecoderProbe.factor(1350, 1800, check) == 1)
        #expect(JPEGDecoderProbe.factor(1434, 2333, check) == 1)
        #expect(JPEGDecoderProbe.factor(3000, 4000, check) == 3.0 / 8)
    }

    /// A 3000×4000 photo checked with the scaled decode: the report gives the photo's own size and a
    /// crop advice in its own pixels, the framing statuses match the full-size check.
    @Test func phonePhotoCheckedScaledKeepsItsSizeAndStatuses() throws {
        let source = FixRealPhotoTests.photo("frll-neutral-plain-grey-bg-03.jpg")
        let phone = try FixRealPhotoTests.magick(source, ["-crop", "1012x1350+169+0", "+repage", "-resize", "3000x4000!", "-quality", "90"])
        var scaled = CheckOptions()
        scaled.decodeAtLeast = .twice(.chsi2017, largestFactor: 0.5)
        let small = PhotoChecker(profile: .chsi2017, options: scaled).check(path: "phone.jpg", bytes: phone)
        let full = PhotoChecker(profile: .chsi2017, options: CheckOptions()).check(path: "phone.jpg", bytes: phone)
        #expect(small.width == 3000 && small.height == 4000)
        for check in ["framing.head_top", "framing.eye_line", "framing.face_width", "framing.centring", "face.count", "file.dimensions"] {
            #expect(small.status(check) == full.status(check), "\(check)")
        }
        let fixed = PhotoFixer(profile: .chsi2017).fix(path: "phone.jpg", bytes: phone)
        #expect(fixed.report.fix?.sourceWidth == 3000 && fixed.report.fix?.sourceHeight == 4000)
        let crop = try #require(fixed.plan?.crop)
        #expect(crop.maxX <= 3000 && crop.maxY <= 4000 && crop.width * 4 == crop.height * 3 && crop.height > 2000)
    }
}

/// The decoder's choice of DCT scaling factor, as a number (1: full size).
enum JPEGDecoderProbe {
    static func factor(_ w: Int, _ h: Int, _ size: DecodeSize) -> Double {
        JPEGDecoder.scalingFactor(width: w, height: h, atLeast: size).map { Double($0.num) / Double($0.denom) } ?? 1
    }
}
