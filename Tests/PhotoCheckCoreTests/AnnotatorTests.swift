import Foundation
import PhotoCheckAnalysis
import PhotoCheckCore
import PhotoCheckDecoding
import PhotoCheckImage
import PhotoCheckModel
import PhotoCheckReporting
import PhotoCheckTestSupport
import Testing

/// The annotated copy: same size as the photo, guide bands green where they pass, red where not.
@Suite struct AnnotatorTests {
    static func annotated(_ image: RGBImage?, bytes: [UInt8]? = nil, name: String) -> RGBImage? {
        let shared = SharedAnalyser.shared
        let data = bytes ?? image.map { shared.jpeg($0) } ?? []
        return shared.withAnalysis(path: name, bytes: data) { photo, findings in
            Annotator.annotate(photo, findings: findings)
        }
    }

    /// Mean colour of the tinted strip at the left edge in row y.
    static func strip(_ image: RGBImage, y: Int) -> SIMD3<Float> {
        (0..<8).map { image.pixel($0, y) }.reduce(.zero, +) / 8
    }

    @Test func passingBandsAreGreen() throws {
        let path = Fixtures.real("frll-005-grey-480x640.jpg")
        let original = try #require(SharedAnalyser.shared.real("frll-005-grey-480x640.jpg").image)
        let out = try #require(Self.annotated(nil, bytes: Fixtures.bytes(path), name: path))
        #expect(out.width == original.width && out.height == original.height)
        #expect(out != original)
        // Eye band (200–300) and head-top band (50–110) strips at the left edge: tinted green.
        for y in [250, 80] {
            let c = Self.strip(out, y: y), o = Self.strip(original, y: y)
            #expect(c.y - c.x > o.y - o.x + 20, "row \(y)")
        }
    }

    @Test func failingEyeBandIsRed() throws {
        let image = try #require(SharedAnalyser.shared.real("frll-005-grey-480x640.jpg").image)
        let moved = GeometryCases.shifted(image, dx: 0, dy: 45)
        let out = try #require(Self.annotated(moved, name: "down45"))
        let c = Self.strip(out, y: 250), o = Self.strip(moved, y: 250)
        #expect(c.x - c.y > o.x - o.y + 20)
    }
}

/// The annotated picture draws what the findings say and nothing else, once per photo.
@Suite struct AnnotatorDrawsFindingsTests {
    /// Pixels of exactly `colour` in row `y` between columns `x0` and `x1`.
    static func count(_ image: RGBImage, _ colour: (UInt8, UInt8, UInt8), row y: Int, _ x0: Int, _ x1: Int) -> Int {
        (max(0, x0)..<min(image.width, x1)).filter { x in
            image.pixel(x, y) == SIMD3<Float>(Float(colour.0), Float(colour.1), Float(colour.2))
        }.count
    }

    /// On a busy backdrop the head top is the face-proportion estimate: the picture draws the
    /// estimate where the rule judged it (dashed, labelled), not the outline's top that was rejected.
    @Test func theEstimatedHeadTopIsDrawnAtTheRulesValue() throws {
        let name = "selfie-small-offcentre-busy-bg-02.jpg", path = Fixtures.real(name)
        let shared = SharedAnalyser.shared
        let (picture, finding, face) = shared.withAnalysis(path: path, bytes: Fixtures.bytes(path)) { photo, findings in
            (Annotator.annotate(photo, findings: findings), findings.first { $0.check == "framing.head_top" }, try? photo.face())
        }
        let annotated = try #require(picture), headTop = try #require(finding), g = try #require(face)
        #expect(headTop.measurements.contains { $0.key == "head_top_estimated" && $0.value == 1 })
        let y = try #require(headTop.measurements.first { $0.key == "head_top_y_px" }?.value)
        let outlineTop = try #require(headTop.measurements.first { $0.key == "head_top_outline_y_px" }?.value)
        #expect(abs(y - outlineTop) > 20)
        // The finding's own mark: an estimated line at the judged value, labelled as an estimate.
        let line = try #require(headTop.marks.first { $0.role == .estimated && $0.label?.contains("head top") == true })
        guard case .line(let a, let b) = line.shape else {
            Issue.record("the head top is not a line: \(line.shape)")
            return
        }
        #expect(a.y == y && b.y == y)
        #expect(line.label == "head top ~\(Int(y)) px (estimated)")
        // Drawn dashed in the finding's colour across the row, left of the face (past the strips).
        let colour = Annotator.colour(headTop.status)
        let strip = max(8, annotated.width / 24), faceLeft = Int(g.faceCentreX - g.faceWidth)
        let drawn = Self.count(annotated, colour, row: Int(y.rounded()), strip, faceLeft)
        #expect(drawn > (faceLeft - strip) / 3 && drawn < faceLeft - strip, "dashed: \(drawn) of \(faceLeft - strip)")
        #expect(Self.count(annotated, colour, row: Int(outlineTop), strip, faceLeft) == 0)
    }

    /// The same on a given face and mask (no photo): the outline's top at 100 is rejected on the
    /// busy backdrop, the rule judges the estimate at 120, and the picture draws 120.
    @Test func theEstimateOfAGivenFaceIsDrawnAtTheRulesValue() throws {
        let face = GivenPhoto.face(eyeY: 313, width: 220, centreX: 240)
        let photo = GivenPhoto.photo(face: face, mask: GivenPhoto.mask(face: face, headTop: 100, shoulders: 440, spread: 30))
        let findings = ["framing.head_top", "framing.eye_line", "framing.face_width"].map { GivenPhoto.finding($0, photo) }
        #expect(findings[0].measurements.first == Measurement("head_top_y_px", 120, limit: .within(50, 110, beyond: .warn)))
        let annotated = try #require(Annotator.annotate(photo, findings: findings))
        let strip = 480 / 24
        let drawn = Self.count(annotated, Annotator.warnColour, row: 120, strip, 120)
        #expect(drawn > 30 && drawn < 100, "dashed: \(drawn) of 100")
        #expect(Self.count(annotated, Annotator.warnColour, row: 100, strip, 120) == 0)
    }

    /// A measured head top is drawn solid; the same value marked as an estimate is drawn dashed.
    @Test func measuredIsSolidAndEstimatedIsDashed() {
        let picture = RGBImage(width: 480, height: 640, fill: (128, 128, 128))
        func drawn(_ role: Mark.Role) -> Int {
            let finding = Finding(
                check: "framing.head_top", status: .pass, message: Localized(zh: "", en: ""),
                marks: [.horizontal(300, from: 0, to: 479, role)])
            return Self.count(Annotator.annotate(picture, findings: [finding]), Annotator.passColour, row: 300, 0, 480)
        }
        #expect(drawn(.measured) == 480)
        #expect(drawn(.estimated) > 200 && drawn(.estimated) < 300)
    }

    /// Nothing is drawn that no finding marks: no finding, no bands, no face, no outline.
    @Test func withoutMarksThePictureIsUntouched() {
        let picture = RGBImage(width: 120, height: 160, fill: (90, 160, 220))
        let findings = [Finding(check: "framing.eye_line", status: .fail, message: Localized(zh: "", en: ""))]
        #expect(Annotator.annotate(picture, findings: findings) == picture)
    }

    /// Records, after the other attachments ran, how often the photo's annotated picture was drawn.
    final class DrawCounter: PhotoAttachment, @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [Int] = []
        var seen: [Int] { lock.withLock { counts } }
        func attach(_ photo: PhotoAnalysis, to report: inout PhotoReport) {
            let draws = photo.annotationDraws
            lock.withLock { counts.append(draws) }
        }
    }

    /// `--annotate` and `--format html` together draw each photo once: the written copy and the
    /// report's picture are one drawing.
    @Test func annotateAndHTMLDrawOncePerPhoto() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("annotate-once-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let counter = DrawCounter()
        let checker = PhotoChecker(profile: .chsi2017, options: CheckOptions(annotateDirectory: folder))
        checker.attachments = [ThumbnailAttachment(pictureMaxSide: 960, source: ThumbnailAttachment.annotatedPicture), counter]
        let report = checker.check(path: Fixtures.real("frll-005-grey-480x640.jpg"))
        #expect(counter.seen == [1])
        let written = try #require(report.annotatedPath)
        let copy = try JPEGDecoder().decode(Fixtures.bytes(written)).image
        let shown = try JPEGDecoder().decode(try #require(report.picture)).image
        #expect(copy.width == 480 && shown.width == 480 && copy.height == shown.height)
        // The same drawing, twice JPEG-compressed: close everywhere.
        var worst: Float = 0
        for y in stride(from: 0, to: copy.height, by: 7) {
            for x in stride(from: 0, to: copy.width, by: 7) {
                let d: SIMD3<Float> = copy.pixel(x, y) - shown.pixel(x, y)
                worst = max(worst, abs(d.x), abs(d.y), abs(d.z))
            }
        }
        #expect(worst < 60)
    }
}

/// Annotated copies of photos with the same name in different folders never overwrite each other.
@Suite struct AnnotationPathTests {
    @Test func sameNameInTwoFoldersGetsTwoPaths() {
        let paths = ["/data/class1/2021001.jpg", "/data/class2/2021001.JPG", "/data/class1/2021002-张三.jpg"]
        let names = OutputNames(paths, suffix: ".annotated.jpg", directory: "/out")
        let a = AnnotationWriter.outputPath(for: paths[0], in: "/out", names: names)
        let b = AnnotationWriter.outputPath(for: paths[1], in: "/out", names: names)
        #expect(a != b)
        #expect(a.hasPrefix("/out/2021001.") && a.hasSuffix(".annotated.jpg") && a.count == "/out/2021001.12345678.annotated.jpg".count)
        // Stable from run to run.
        #expect(a == AnnotationWriter.outputPath(for: paths[0], in: "/out", names: OutputNames(paths, suffix: ".annotated.jpg", directory: "/out")))
        // A name no other photo shares carries no tag.
        #expect(AnnotationWriter.outputPath(for: paths[2], in: "/out", names: names) == "/out/2021002-张三.annotated.jpg")
    }

    /// A copy never overwrites a photo of the batch (a folder checked into itself).
    @Test func aCopyThatWouldOverwriteAPhotoIsTagged() {
        let paths = ["/out/a.jpg", "/out/a.annotated.jpg"]
        let names = OutputNames(paths, suffix: ".annotated.jpg", directory: "/out")
        #expect(names.name(for: paths[0]) != "a.annotated.jpg")
        #expect(names.name(for: paths[1]) == "a.annotated.annotated.jpg")
        let pages = OutputNames(["/c1/张三.jpg", "/c2/李四.png"], suffix: ".html", directory: "/pages")
        #expect(pages.name(for: "/c1/张三.jpg") == "张三.html" && pages.name(for: "/c2/李四.png") == "李四.html")
    }
}
