import Foundation
import PhotoCheckModel
import PhotoCheckReporting
import PhotoCheckTestSupport
import Testing

/// The JSON `fix` object: streamed byte for byte as Foundation's encoder writes it, for a fixed, a
/// dry-run and a refused photo.
@Suite struct FixJSONTests {
    static var reports: [PhotoReport] {
        var fixed = ReportSamples.reports[0]
        var fix = FixReport(
            plan: FramingPlan(
                crop: PixelRect(x: 201, y: 40, width: 945, height: 1260), scale: 640.0 / 1260,
                predicted: PredictedFraming(headTopY: 72.3, eyeLineY: 283.14159, faceWidth: 237, centreOffset: 0.5)))
        fix.sourceWidth = 1350
        fix.sourceHeight = 1300
        fix.quality = 92
        fix.byteCount = 59_502
        fix.outputPath = "班级/张三.fixed.jpg"
        fix.retake = ["background.colour", "clothing.contrast", "edit.software"]
        fix.fromSource = ["edit.software"]
        fixed.fix = fix
        var dry = ReportSamples.reports[0]
        var plan = fix
        plan.quality = nil
        plan.byteCount = nil
        plan.outputPath = nil
        plan.retake = []
        plan.fromSource = []
        plan.dryRun = true
        dry.fix = plan
        var refused = PhotoReport(path: "group.jpg", verdict: .fail, findings: [])
        refused.fix = FixReport(refusal: FixRefusal(check: "face.count", zh: "检测到 2 张人脸", en: "2 faces were found"))
        return [fixed, dry, refused]
    }

    @Test func streamedEqualsWholeDocument() {
        let context = ReportSamples.context(.en)
        #expect(JSONReporter().render(Self.reports, context) == JSONReporter().document(Self.reports, context))
    }

    @Test func fixObjectCarriesCropScaleQualityAndOutput() throws {
        let text = JSONReporter().render(Self.reports, ReportSamples.context(.en))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let photos = try #require(object["photos"] as? [[String: Any]])
        let fix = try #require(photos[0]["fix"] as? [String: Any])
        #expect(fix["crop"] as? [String: Int] == ["x": 201, "y": 40, "width": 945, "height": 1260])
        #expect(fix["quality"] as? Int == 92 && fix["output"] as? String == "班级/张三.fixed.jpg")
        #expect(fix["scale"] as? Double == 0.5079)
        #expect((fix["retake_advice"] as? [String: String])?["zh"]?.contains("背景颜色") == true)
        // Judged on the source: named, and its advice said apart from the retake.
        #expect(fix["judged_on_source"] as? [String] == ["edit.software"])
        #expect((fix["retake_advice"] as? [String: String])?["en"]?.contains("These are in the source file") == true)
        #expect((photos[1]["fix"] as? [String: Any])?["judged_on_source"] as? [String] == [])
        let refusal = try #require((photos[2]["fix"] as? [String: Any])?["refusal"] as? [String: Any])
        #expect(refusal["check"] as? String == "face.count")
        // A check report has no fix object at all.
        let check = JSONReporter().render(ReportSamples.reports, ReportSamples.context(.en))
        #expect(!check.contains("\"fix\""))
    }
}
