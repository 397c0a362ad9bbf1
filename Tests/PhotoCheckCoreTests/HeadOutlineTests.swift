import PhotoCheckAnalysis
import PhotoCheckImage
import PhotoCheckReporting
import PhotoCheckTestSupport
import Testing

/// framing.head_top when something behind the person merges into the outline above the face: the
/// outline is not a crown there, so the head top is the face-proportion estimate, the finding says
/// so, and the annotated picture draws the head top that was judged.
@Suite struct HeadOutlineTests {
    static let referenceName = "frll-005-grey-480x640.jpg"
    let reference = SharedAnalyser.shared.real(Self.referenceName)

    /// The reference photo with a dark disc (a wall clock, a lamp shade) pasted beside the head,
    /// overlapping the hair at its side and rising above the crown.
    static func withDisc(_ image: RGBImage, centreX: Double, centreY: Double, radius: Double) -> RGBImage {
        var out = image
        for y in 0..<out.height {
            for x in 0..<out.width {
                let dx = Double(x) - centreX, dy = Double(y) - centreY
                if dx * dx + dy * dy <= radius * radius { out.setPixel(x, y, (74, 48, 32)) }
            }
        }
        return out
    }

    @Test func referencePhotosTrustTheirOutline() throws {
        for name in ["frll-005-grey-480x640.jpg", "frll-005-blue-480x640.jpg", "frll-087-grey-480x640.jpg", "frll-087-blue-480x640.jpg"] {
            let photo = SharedAnalyser.shared.real(name)
            let top = try #require(photo.mask?.headTopY, "\(name)")
            #expect(photo.value("framing.head_top", "head_top_y_px") == Double(top), "\(name)")
            #expect(photo.value("framing.head_top", "head_top_estimated") == nil, "\(name)")
            #expect(photo.finding("framing.head_top")?.message.en.contains("estimated") == false, "\(name)")
        }
    }

    @Test(arguments: [1.0, -1.0])
    func aDiscBesideTheHeadIsNotTheHeadTop(side: Double) throws {
        let image = try #require(reference.image)
        let face = try #require(reference.face)
        let top = Double(try #require(reference.mask?.headTopY))
        let disc = Self.withDisc(
            image, centreX: face.faceCentreX + side * 0.75 * face.faceWidth, centreY: top + 0.1 * face.faceWidth,
            radius: 0.35 * face.faceWidth)
        let photo = SharedAnalyser.shared.picture(disc, name: "disc\(side)")
        // The outline now reaches the disc's top, far above the hair …
        let outlineTop = try #require(photo.mask?.headTopY)
        #expect(Double(outlineTop) < top - 40)
        // … which is not a crown: the estimate is used, close to the real head top, and passes.
        let measured = try #require(photo.value("framing.head_top", "head_top_y_px"))
        #expect(photo.value("framing.head_top", "head_top_estimated") == 1)
        #expect(photo.value("framing.head_top", "head_top_outline_y_px") == Double(outlineTop))
        #expect(abs(measured - top) <= 12)
        #expect(photo.status("framing.head_top") == .pass)
        let message = try #require(photo.finding("framing.head_top")?.message)
        #expect(message.en.contains("about \(Int(measured)) px"))
        #expect(message.en.contains("runs into something beside the head"))
        #expect(message.zh.contains("按脸部比例估计"))
    }

    @Test func aCrownIsTrustedAndAShapeOffTheAxisIsNot() throws {
        let face = try #require(reference.face)
        let mask = try #require(reference.mask)
        let outline = HeadOutline(mask: mask, face: face)
        #expect(outline.doubt == nil)
        #expect(outline.crownOffset < 0.1 && outline.crownWidth < 1 && outline.crownRatio > 0.87 && outline.crownRatio < 1.39)
        // The same face under a mask whose only pixels above the eyes are a block to the side.
        var side = mask
        let eye = Int(face.eyeLineY)
        for y in 0..<eye {
            for x in 0..<mask.width { side.isPerson[y * mask.width + x] = false }
        }
        for y in 20..<eye {
            for x in Int(face.faceCentreX + 0.6 * face.faceWidth)..<Int(face.faceCentreX + 0.85 * face.faceWidth) {
                side.isPerson[y * mask.width + x] = true
            }
        }
        side.headTopY = 20
        let moved = HeadOutline(mask: side, face: face)
        #expect(moved.doubt == .offCentre)
        #expect(moved.y == max(0, face.estimatedHeadTopY))
    }

    /// The real selfie: a wall clock beside the head merged into the outline at 165 px; the hair
    /// starts at about 216 px.
    @Test func theWallClockSelfieGetsTheEstimate() throws {
        let photo = SharedAnalyser.shared.real("selfie-small-offcentre-busy-bg-02.jpg")
        #expect(photo.mask?.headTopY == 165)
        let measured = try #require(photo.value("framing.head_top", "head_top_y_px"))
        #expect(abs(measured - 216) <= 15)
        #expect(photo.value("framing.head_top", "head_top_estimated") == 1)
        #expect(photo.finding("framing.head_top")?.message.en.contains("beside the head") == true)
    }

    /// A rolled head's crown is off the face's vertical, not off its axis: still trusted.
    @Test func theRolledSelfieKeepsItsOutline() throws {
        let photo = SharedAnalyser.shared.real("selfie-head-tilted-busy-bg-03.jpg")
        let top = try #require(photo.mask?.headTopY)
        #expect(photo.value("framing.head_top", "head_top_y_px") == Double(top))
        #expect(photo.value("framing.head_top", "head_top_estimated") == nil)
    }

    /// The annotated picture draws the head top the rule judged: the estimate, not the disc's top.
    @Test func theAnnotationDrawsTheJudgedHeadTop() throws {
        let image = try #require(reference.image)
        let face = try #require(reference.face)
        let top = Double(try #require(reference.mask?.headTopY))
        let disc = Self.withDisc(
            image, centreX: face.faceCentreX + 0.75 * face.faceWidth, centreY: top + 0.1 * face.faceWidth,
            radius: 0.35 * face.faceWidth)
        let shared = SharedAnalyser.shared
        let result = shared.withAnalysis(path: "disc.jpg", bytes: shared.jpeg(disc)) { photo, findings in
            (
                image: Annotator.annotate(photo, findings: findings),
                judged: findings.first { $0.check == "framing.head_top" }?.measurements.first?.value,
                outlineTop: (try? photo.personMask())?.headTopY
            )
        }
        let annotated = try #require(result.image), y = Int(try #require(result.judged))
        let rejected = try #require(result.outlineTop)
        // Count pass-green pixels along a row left of the face, away from the guide strips.
        func green(_ row: Int) -> Int {
            (30..<Int(face.faceCentreX - 0.6 * face.faceWidth)).filter { x in
                let p = annotated.pixel(x, row)
                return abs(p.x - 40) < 30 && abs(p.y - 200) < 30 && abs(p.z - 60) < 30
            }.count
        }
        #expect(green(y) > 20)
        #expect(green(rejected) == 0)
    }
}
