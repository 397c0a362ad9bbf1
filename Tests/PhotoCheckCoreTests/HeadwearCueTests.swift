import PhotoCheckImage
import PhotoCheckTestSupport
import Testing

/// manual.accessories: an outline rising far above where a head's proportions put the crown (a
/// hat) warns "possible hat or headwear" with the measured height; plain heads stay `manual`.
@Suite struct HeadwearCueTests {
    /// The reference photo scaled to 70% about the bottom centre, so there is room above the head.
    static func smallReference() throws -> (image: RGBImage, photo: AnalysedPhoto) {
        let reference = SharedAnalyser.shared.real("frll-005-grey-480x640.jpg")
        let image = GeometryCases.scaled(try #require(reference.image), by: 0.7, about: 240, 640)
        return (image, SharedAnalyser.shared.picture(image, name: "small-005"))
    }

    static func fill(_ image: inout RGBImage, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
        for y in max(0, Int(y0))..<min(image.height, Int(y1)) {
            for x in max(0, Int(x0))..<min(image.width, Int(x1)) { image.setPixel(x, y, (32, 32, 32)) }
        }
    }

    @Test func aTallHatOnTheHeadWarns() throws {
        let (image, small) = try Self.smallReference()
        #expect(small.status("manual.accessories") == .manual)
        let face = try #require(small.face)
        let top = Double(try #require(small.mask?.headTopY))
        // A top hat: a crown 0.65 face widths wide rising 0.75 eye-to-chin distances above the
        // hair, on a brim 1.1 face widths wide.
        var hat = image
        let fw = face.faceWidth, cx = face.faceCentreX
        Self.fill(&hat, cx - 0.325 * fw, top - 0.75 * face.eyeToChin, cx + 0.325 * fw, top + 0.06 * fw)
        Self.fill(&hat, cx - 0.55 * fw, top - 0.05 * fw, cx + 0.55 * fw, top + 0.06 * fw)
        let photo = SharedAnalyser.shared.picture(hat, name: "top-hat")
        let finding = try #require(photo.finding("manual.accessories"))
        #expect(finding.status == .warn)
        let ratio = try #require(photo.value("manual.accessories", "outline_top_ratio"))
        #expect(ratio > 1.6 && ratio < 2.2)
        #expect((photo.value("manual.accessories", "outline_above_crown_px") ?? 0) > 20)
        #expect(finding.message.en.hasPrefix("Possible hat or headwear"))
        #expect(finding.message.zh.hasPrefix("可能戴了帽子或头饰"))
        #expect(finding.hint != nil)
    }

    @Test func aDiscBesideTheHeadIsNoHat() throws {
        let (image, small) = try Self.smallReference()
        let face = try #require(small.face)
        let top = Double(try #require(small.mask?.headTopY))
        var disc = image
        let fw = face.faceWidth
        Self.fill(&disc, face.faceCentreX + 0.45 * fw, top - 0.8 * face.eyeToChin, face.faceCentreX + 0.9 * fw, top + 0.3 * fw)
        let photo = SharedAnalyser.shared.picture(disc, name: "box-beside-small")
        #expect(photo.status("manual.accessories") == .manual)
    }

    @Test(arguments: [
        "frll-005-blue-480x640.jpg", "frll-005-grey-480x640.jpg", "frll-008-blue-480x640.jpg", "frll-008-grey-480x640.jpg",
        "frll-021-blue-480x640.jpg", "frll-021-grey-480x640.jpg", "frll-067-blue-480x640.jpg", "frll-067-grey-480x640.jpg",
        "frll-087-blue-480x640.jpg", "frll-087-grey-480x640.jpg", "frll-neutral-plain-grey-bg-05.jpg",
        "frll-neutral-plain-grey-bg-06.jpg",
    ])
    func plainHeadsStayManual(name: String) {
        let photo = SharedAnalyser.shared.real(name)
        #expect(photo.status("manual.accessories") == .manual)
        #expect(photo.finding("manual.accessories")?.measurements.isEmpty == true)
    }
}
