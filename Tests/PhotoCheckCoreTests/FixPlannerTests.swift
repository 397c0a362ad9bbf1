import Foundation
import PhotoCheckCore
import PhotoCheckModel
import Testing

/// `FramingPlanner` on faces of known geometry: where the crop must land, and which check a
/// refusal names.
@Suite struct FixPlannerTests {
    let planner = FramingPlanner(profile: .chsi2017)

    /// A face whose head top, eye line and width can all sit at the middles of the CHSI bands
    /// (80, 250, 240 px) at once: the crop is exactly the one that puts them there, centred.
    @Test(arguments: [(0.5, 1000, 700), (0.25, 300, 120), (0.8, 40, 400)])
    func cropLandsOnTheBandMiddles(scale k: Double, top y0: Int, left x0: Int) throws {
        let ch = 640 / k, cw = 480 / k
        let face = FaceFrame(
            eyeLineY: Double(y0) + 250 / k, faceWidth: 240 / k, faceCentreX: Double(x0) + cw / 2, headTopY: Double(y0) + 80 / k)
        let plan = try planner.plan(face, width: 4000, height: 5000).get()
        #expect(abs(plan.crop.x - x0) <= 2)
        #expect(abs(plan.crop.y - y0) <= 2)
        #expect(abs(Double(plan.crop.height) - ch) <= 2)
        #expect(plan.crop.width * 4 == plan.crop.height * 3)
        #expect(abs(plan.predicted.eyeLineY - 250) < 1.5 && abs(plan.predicted.headTopY - 80) < 1.5)
        #expect(abs(plan.predicted.faceWidth - 240) < 1.5 && plan.predicted.centreOffset < 1.5)
    }

    /// The same face moved within the picture: the crop moves with it, pixel for pixel.
    @Test func cropFollowsTheFace() throws {
        let base = FaceFrame(eyeLineY: 1200, faceWidth: 500, faceCentreX: 1500, headTopY: 800)
        let a = try planner.plan(base, width: 3000, height: 4000).get()
        var moved = base
        moved.eyeLineY += 137
        moved.headTopY += 137
        moved.faceCentreX -= 211
        let b = try planner.plan(moved, width: 3000, height: 4000).get()
        #expect(b.crop.width == a.crop.width)
        #expect(abs(b.crop.x - (a.crop.x - 211)) <= 1 && abs(b.crop.y - (a.crop.y + 137)) <= 1)
    }

    /// Whatever the face, an accepted crop is inside the picture, of the exact 3:4 aspect, shrinks
    /// or enlarges at most 1.25×, and predicts every framing measurement inside its band.
    @Test func acceptedCropsStayInsideThePictureAndTheBands() {
        var generator = SystemRandomNumberGenerator()
        var accepted = 0
        for _ in 0..<2000 {
            let w = Int.random(in: 300...4000, using: &generator), h = Int.random(in: 300...5000, using: &generator)
            let width = Double.random(in: 40...Double(w) * 0.8, using: &generator)
            let top = Double.random(in: 0...Double(h) * 0.6, using: &generator)
            let face = FaceFrame(
                eyeLineY: top + width * Double.random(in: 0.6...1.2, using: &generator), faceWidth: width,
                faceCentreX: Double.random(in: 0...Double(w), using: &generator), headTopY: top)
            guard case .success(let plan) = planner.plan(face, width: w, height: h) else { continue }
            accepted += 1
            #expect(plan.crop.clipped(to: PixelRect(x: 0, y: 0, width: w, height: h)) == plan.crop)
            #expect(plan.crop.width * 4 == plan.crop.height * 3)
            #expect(plan.scale <= 1.25 + 1e-9)
            #expect((50...110).contains(plan.predicted.headTopY) && (200...300).contains(plan.predicted.eyeLineY))
            #expect((180...300).contains(plan.predicted.faceWidth) && plan.predicted.centreOffset <= 24)
        }
        #expect(accepted > 100)
    }

    /// A photo already at 480×640 and framed in the bands stays unscaled (no needless resampling).
    @Test func aFramedPhotoAtTheProfileSizeIsNotEnlarged() throws {
        let face = FaceFrame(eyeLineY: 270, faceWidth: 230, faceCentreX: 240, headTopY: 78)
        let plan = try planner.plan(face, width: 480, height: 640).get()
        #expect(plan.scale <= 1.01)
    }

    @Test func hairTouchingTheTopIsRefusedByHeadTop() {
        let face = FaceFrame(eyeLineY: 600, faceWidth: 450, faceCentreX: 675, headTopY: 0)
        #expect(refusal(face, 1350, 1800) == "framing.head_top")
    }

    @Test func tooLittleRoomAboveTheHeadIsRefusedByHeadTop() {
        // 10 px above the hair of a face that needs about 130 px at this scale.
        let face = FaceFrame(eyeLineY: 520, faceWidth: 450, faceCentreX: 675, headTopY: 10)
        #expect(refusal(face, 1350, 1800) == "framing.head_top")
    }

    @Test func aFaceAtTheSideEdgeIsRefusedByCentring() {
        let face = FaceFrame(eyeLineY: 700, faceWidth: 400, faceCentreX: 150, headTopY: 300)
        #expect(refusal(face, 1500, 2000) == "framing.centring")
    }

    @Test func aFaceTooSmallToEnlargeIsRefusedBySharpness() {
        let face = FaceFrame(eyeLineY: 200, faceWidth: 100, faceCentreX: 200, headTopY: 100)
        #expect(refusal(face, 400, 600) == "focus.sharpness")
    }

    @Test func aFaceFillingThePictureIsRefusedByFaceWidth() {
        let face = FaceFrame(eyeLineY: 500, faceWidth: 800, faceCentreX: 500, headTopY: 150)
        #expect(refusal(face, 1000, 1300) == "framing.face_width")
    }

    func refusal(_ face: FaceFrame, _ w: Int, _ h: Int) -> CheckID? {
        if case .failure(let refusal) = planner.plan(face, width: w, height: h) { return refusal.check }
        return nil
    }
}
