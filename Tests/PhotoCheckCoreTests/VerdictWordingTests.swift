import Foundation
import PhotoCheckImage
import PhotoCheckModel
import PhotoCheckRules
import PhotoCheckTestSupport
import Testing

/// What the findings say: a warning never reads as a failure, a warning that quotes the limit it is
/// outside of says the value is tolerated, the size advice agrees with the framing checks, and the
/// framing hints say how far to move.
@Suite struct VerdictWordingTests {
    let reference = SharedAnalyser.shared.real("frll-005-grey-480x640.jpg")

    @Test func aWarnQuotesItsLimitAsTolerated() {
        let roll = Limit.atMost(5, warnMax: 7)
        #expect(roll.requirement(for: 6.8, unit: "°").en == "above the 5° target, tolerated up to 7°")
        #expect(roll.requirement(for: 6.8, unit: "°").zh == "超过 5° 的标准,可容忍至 7°")
        #expect(roll.requirement(for: 9, unit: "°").en == "limit ≤ 5°")
        #expect(roll.requirement(for: 2, unit: "°").zh == "要求 ≤ 5°")
        let contrast = Limit.atLeast(20, warnMin: 5)
        #expect(contrast.requirement(for: 8.3).en == "below the 20 target, tolerated down to 5")
        let colour = Limit.atMost(10, beyond: .warn)
        #expect(colour.requirement(for: 21).en == "above the 10 target; a warning, not a failure")
        #expect(colour.requirement(for: 21).zh == "超过 10 的标准,此项只提醒")
        let share = Limit.atMost(0.03, warnMax: 0.08)
        #expect(share.requirement(for: 0.05, unit: "%", scale: 100).en == "above the 3% target, tolerated up to 8%")
    }

    /// The 6° tilt of the roll test warns: its message says tolerated, never 不合格.
    @Test func aTiltThatWarnsIsNotCalledAFailure() throws {
        let image = try #require(reference.image)
        let base = try #require(reference.face)
        let eyes = Point.midpoint(base.leftPupil, base.rightPupil)
        let turned = SharedAnalyser.shared.picture(GeometryCases.rotated(image, degrees: 6, about: eyes.x, eyes.y), name: "roll-warn")
        let finding = try #require(turned.finding("pose.roll"))
        #expect(finding.status == .warn)
        #expect(!finding.message.zh.contains("不合格"))
        #expect(finding.message.zh.contains("可容忍至 7°"))
        #expect(finding.message.en.contains("above the 5° target, tolerated up to 7°"))
    }

    /// Every warning on the real photos (the fixtures and the shared collection): no 不合格 or
    /// "fails", and one that quotes a limit says that the value is tolerated or only warned about.
    @Test func noWarningOnARealPhotoReadsAsAFailure() throws {
        let paths = EditSupport.fixtureJPEGs.filter { $0.contains("/real/") } + EditSupport.sharedPhotos
        #expect(paths.count >= 10)
        var warnings = 0
        for path in paths {
            let report = checkPhoto(path: path, bytes: Fixtures.bytes(path))
            for finding in report.findings where finding.status == .warn {
                warnings += 1
                let zh = finding.message.zh, en = finding.message.en
                #expect(!zh.contains("不合格"), "\(path) \(finding.check): \(zh)")
                #expect(!en.contains("fails") && !en.contains("failed"), "\(path) \(finding.check): \(en)")
                guard finding.measurements.contains(where: { $0.limit?.status(for: $0.value) == .warn }) else { continue }
                // A limit quoted as a number ("要求 ≤ 5°", "limit 0.87–1.15"), not "不允许" in a sentence.
                let quotesZh = zh.range(of: #"(要求|允许|限) ?[≤≥0-9]"#, options: .regularExpression) != nil
                let quotesEn = en.range(of: #"(limit|wants|needs|allowed) [≤≥0-9]"#, options: .regularExpression) != nil
                if quotesZh { #expect(zh.contains("可容忍") || zh.contains("只提醒"), "\(path) \(finding.check): \(zh)") }
                if quotesEn { #expect(en.contains("tolerated") || en.contains("not a failure"), "\(path) \(finding.check): \(en)") }
            }
        }
        #expect(warnings > 0)
    }

    /// Bands of the default profile, in output pixels, that a crop must meet.
    static func framedAfterCrop(_ crop: FramingCrop, fw: Double, cx: Double, eye: Double, head: Double) -> Bool {
        let k = 640 / Double(crop.rect.height)
        let eyeOut = (eye - Double(crop.rect.y)) * k, headOut = (head - Double(crop.rect.y)) * k
        let centre = abs((cx - Double(crop.rect.x)) * k - 240)
        return (200...300).contains(eyeOut) && (50...110).contains(headOut) && (180...300).contains(fw * k) && centre <= 24.5
    }

    @Test func theCropFramesTheFaceOrIsNil() throws {
        let crop = try #require(
            FramingCrop.plan(faceWidth: 300, faceCentreX: 560, eyeLineY: 700, headTopY: 420, width: 1200, height: 1500, profile: .chsi2017))
        #expect(crop.rect.width * 4 == crop.rect.height * 3 || abs(crop.rect.width * 4 - crop.rect.height * 3) <= 4)
        #expect(Self.framedAfterCrop(crop, fw: 300, cx: 560, eye: 700, head: 420))
        #expect(crop.topRange.contains(crop.offTop))
        #expect(crop.keepsResolution)
        #expect(crop.advice(.chsi2017).en.contains("off the top"))
        // A face as wide as the picture: no crop frames it.
        #expect(FramingCrop.plan(faceWidth: 900, faceCentreX: 480, eyeLineY: 500, headTopY: 100, width: 960, height: 1280, profile: .chsi2017) == nil)
        // A crown at the very top with the eyes high: no room above the head in any crop.
        #expect(FramingCrop.plan(faceWidth: 200, faceCentreX: 240, eyeLineY: 120, headTopY: 0, width: 480, height: 640, profile: .chsi2017) == nil)
    }

    func dimensionsHint(_ image: RGBImage, _ name: String) -> Localized? {
        SharedAnalyser.shared.picture(image, name: name).finding("file.dimensions")?.hint
    }

    /// Well framed and 3:4, only the size is wrong: resizing is enough.
    @Test func rightFramingWrongSizeSaysResize() throws {
        let image = try #require(reference.image).resized(width: 600, height: 800)
        let hint = try #require(dimensionsHint(image, "framed-600x800"))
        #expect(hint.en.contains("resize to 480×640"))
        #expect(hint.zh.contains("不必为尺寸重拍"))
    }

    /// 3:4 but the face sits too low: "just resize" would contradict the framing checks, so the
    /// advice is how much to crop (or that no crop does).
    @Test func wrongFramingIsNotToldToJustResize() throws {
        let low = GeometryCases.shifted(try #require(reference.image), dx: 0, dy: 110).resized(width: 600, height: 800)
        let analysed = SharedAnalyser.shared.picture(low, name: "low-600x800")
        #expect(analysed.status("framing.eye_line") == .fail)
        let hint = try #require(analysed.finding("file.dimensions")?.hint)
        #expect(!hint.en.contains("no need to re-shoot") && !hint.zh.contains("无需重拍") && !hint.zh.contains("不必为尺寸重拍"))
        #expect(hint.en.contains("Resizing alone will not fix the framing"))
        // One sentence: what follows the semicolon is not capitalised.
        #expect(hint.en.range(of: "; [A-Z]", options: .regularExpression) == nil, "\(hint.en)")
    }

    /// 3:4 and large, the face too small in it: resizing alone will not do, cropping will, and
    /// the advice says both in one sentence.
    @Test func aSmallFaceIn34GetsResizeWillNotAndTheCrop() throws {
        let big = try #require(reference.image).resized(width: 960, height: 1280)
        let face = try #require(reference.face)
        let far = GeometryCases.scaled(big, by: 0.7, about: face.faceCentreX * 2, face.eyeLineY * 2)
        let analysed = SharedAnalyser.shared.picture(far, name: "far-960x1280")
        #expect(analysed.status("framing.face_width") == .fail)
        let hint = try #require(analysed.finding("file.dimensions")?.hint)
        #expect(hint.en.hasPrefix("Resizing alone will not fix the framing (see the framing checks); crop "), "\(hint.en)")
        #expect(hint.en.contains("off the top") && hint.zh.contains("只缩放改不了人像位置") && hint.zh.contains("顶部裁掉"), "\(hint.zh)")
    }

    /// Not 3:4 (a tall camera original with room around the face): the advice gives the crop in
    /// pixels, which frames the face, and names photocheck fix.
    @Test func aPictureThatIsNot34GetsTheCropInPixels() throws {
        let big = try #require(reference.image).resized(width: 960, height: 1280)
        // Room below and at the sides: a 1100×1500 canvas with the photo near its top left.
        let tall = GeometryCases.warp(big, width: 1100, height: 1500) { x, y in (x - 40, y - 20) }
        let analysed = SharedAnalyser.shared.picture(tall, name: "tall-1100x1500")
        let hint = try #require(analysed.finding("file.dimensions")?.hint)
        #expect(hint.en.contains("off the top") && hint.en.contains("photocheck fix"), "\(hint.en)")
        #expect(hint.zh.contains("顶部裁掉"))
        #expect(!hint.en.contains("no need to re-shoot"))
    }

    /// Framing hints say how far: the eye line to move in px and % of the height, the distance to
    /// step back for a face too large.
    @Test func framingHintsGiveAmounts() throws {
        let image = try #require(reference.image)
        let low = SharedAnalyser.shared.picture(GeometryCases.shifted(image, dx: 0, dy: 110), name: "low-480x640")
        let eyeHint = try #require(low.finding("framing.eye_line")?.hint)
        #expect(eyeHint.en.range(of: #"go up by \d+(–\d+)? px \(\d+(–\d+)?% of the height\)"#, options: .regularExpression) != nil, "\(eyeHint.en)")
        #expect(eyeHint.zh.range(of: #"需上移 \d+(–\d+)? 像素"#, options: .regularExpression) != nil, "\(eyeHint.zh)")
        let face = try #require(reference.face)
        let close = SharedAnalyser.shared.picture(
            GeometryCases.scaled(image, by: 1.6, about: face.faceCentreX, face.eyeLineY), name: "close-480x640")
        #expect(close.status("framing.face_width") == .fail)
        let widthHint = try #require(close.finding("framing.face_width")?.hint)
        #expect(widthHint.en.range(of: #"Step back to about \d(\.\d)?× the distance"#, options: .regularExpression) != nil, "\(widthHint.en)")
        #expect(widthHint.zh.contains("后退到现在距离的约"))
    }
}

@Suite struct FramingCropWordingTests {
    /// A crop flush with the top says so, not "about 0 px (0% of the height) off the top".
    @Test func aCropFlushWithTheTopSaysNothingOffTheTop() throws {
        let crop = FramingCrop(
            rect: PixelRect(x: 82, y: 0, width: 387, height: 515), topRange: 0...0, pictureWidth: 512, pictureHeight: 600,
            keepsResolution: false)
        let advice = crop.advice(.chsi2017)
        #expect(advice.en == "crop 387×515 px: nothing off the top, 85 off the bottom, 82 off the left and 43 off the right, then resize to 480×640")
        #expect(advice.zh.contains("顶部不裁") && !advice.zh.contains("约 0 像素"))
    }
}
