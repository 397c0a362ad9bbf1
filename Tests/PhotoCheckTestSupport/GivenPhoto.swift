import PhotoCheckAnalysis
import PhotoCheckImage
import PhotoCheckModel
import PhotoCheckRules
import Testing

import func Foundation.cos
import func Foundation.sin
import func Foundation.tan

/// Photos for rule tests built from the parts the rules read, with no photo file and no detector:
/// a plain picture, a face placed by its eye line, width and axis, a person mask drawn from simple
/// shapes, and given statistics. Each measured value is then known by construction, so a test can
/// put a face just inside or just outside a band and assert the whole finding.
///
///     let face = GivenPhoto.face(eyeY: 250, width: 220, centreX: 240)
///     let photo = GivenPhoto.photo(face: face, mask: GivenPhoto.mask(face: face, headTop: 80))
///     let finding = GivenPhoto.finding("framing.eye_line", photo)
public enum GivenPhoto {
    /// The 68 landmarks of a frontal face (FRLL 005, placed once by the landmark model), in face
    /// widths from the midpoint of the pupils, the pupil line level.
    static let template: [Point] = [
        (-0.5065, 0.0322), (-0.4875, 0.1576), (-0.4596, 0.2829), (-0.4227, 0.4037),
        (-0.3725, 0.5154), (-0.2954, 0.6134), (-0.2050, 0.7024), (-0.1013, 0.7778),
        (0.0245, 0.7991), (0.1499, 0.7757), (0.2569, 0.7076), (0.3459, 0.6171),
        (0.4168, 0.5179), (0.4607, 0.4009), (0.4911, 0.2796), (0.5125, 0.1539),
        (0.5203, 0.0193), (-0.4221, -0.0717), (-0.3689, -0.1483), (-0.2751, -0.1850),
        (-0.1763, -0.1723), (-0.0863, -0.1327), (0.0796, -0.1341), (0.1735, -0.1707),
        (0.2766, -0.1805), (0.3710, -0.1454), (0.4254, -0.0696), (-0.0047, -0.0302),
        (0.0005, 0.0549), (0.0011, 0.1401), (0.0018, 0.2253), (-0.0917, 0.3068),
        (-0.0467, 0.3154), (0.0071, 0.3239), (0.0564, 0.3146), (0.1056, 0.3052),
        (-0.3094, 0.0037), (-0.2558, -0.0237), (-0.1975, -0.0242), (-0.1434, 0.0113),
        (-0.2017, 0.0162), (-0.2600, 0.0167), (0.1481, 0.0089), (0.1971, -0.0229),
        (0.2554, -0.0234), (0.3094, 0.0031), (0.2602, 0.0169), (0.1975, 0.0174),
        (-0.1573, 0.5002), (-0.0949, 0.4593), (-0.0368, 0.4319), (0.0126, 0.4450),
        (0.0618, 0.4266), (0.1248, 0.4485), (0.1833, 0.4839), (0.1254, 0.5293),
        (0.0673, 0.5522), (0.0180, 0.5570), (-0.0358, 0.5575), (-0.0942, 0.5400),
        (-0.1304, 0.5000), (-0.0365, 0.4768), (0.0174, 0.4808), (0.0667, 0.4759),
        (0.1564, 0.4842), (0.0667, 0.4804), (0.0174, 0.4853), (-0.0364, 0.4857),
    ].map { Point(x: $0.0, y: $0.1) }

    /// The detector's box around the template face: its top-left corner and side, in face widths.
    static let templateBox = (x: -0.4529, y: -0.2948, side: 0.9686)

    /// The template's own geometry (its face width is 1 to four decimals, its axis a hair right of
    /// the pupils' midpoint).
    static let templateGeometry = FaceGeometry(
        face: DetectedFace(box: PixelRect(x: 0, y: 0, width: 1, height: 1), score: 2, landmarks: template), imageWidth: 1, imageHeight: 1)

    /// A frontal face with its eye line (the pupils' midpoint) at `eyeY`, `width` px from cheek to
    /// cheek, its axis at `centreX`, the pupil line turned `roll` degrees about the pupils' midpoint
    /// (positive: the pupil on the picture's right lower). Its chin is 0.8 face widths below the
    /// eye line.
    /// `yaw` (degrees, positive: the nose nearer the picture's right cheek) moves the nose
    /// sideways to give that head turn; nil keeps the template's own (−1.5°).
    /// `lids` scales each eye's opening (the lids' distance from the eye's middle): 1 is the
    /// template's open eyes (aspect ratio 0.244 left, 0.251 right), 0 closed.
    public static func face(
        eyeY: Double, width: Double, centreX: Double, roll: Double = 0, yaw: Double? = nil, lids: (left: Double, right: Double) = (1, 1),
        score: Double = 2, outsideShare: Double = 0
    ) -> DetectedFace {
        let g = templateGeometry
        let s = width / g.faceWidth
        var template = template
        for (eye, k) in [(36...41, lids.left), (42...47, lids.right)] {
            let middle = template[eye].map(\.y).reduce(0, +) / 6
            for i in eye { template[i].y = middle + (template[i].y - middle) * k }
        }
        if let yaw {
            // The yaw is atan(asymmetry / 0.8), the asymmetry the mean over three jaw pairs of
            // (l − r) / (l + r), l and r the nose's distances to the pair: linear in a nose shift.
            let nose = [27, 28, 29, 30, 33].map { template[$0].x }.reduce(0, +) / 5
            let pairs = [(0, 16), (1, 15), (2, 14)].map { (l, r) in (nose - template[l].x, template[r].x - nose) }
            let now = pairs.map { ($0.0 - $0.1) / ($0.0 + $0.1) }.reduce(0, +) / 3
            let perShift = pairs.map { 2 / ($0.0 + $0.1) }.reduce(0, +) / 3
            let shift = (0.8 * tan(yaw * .pi / 180) - now) / perShift
            for i in 27...35 { template[i].x += shift }
        }
        let a = roll * .pi / 180, c = cos(a), sn = sin(a)
        // The pupils' midpoint goes to (x, eyeY) such that the face's axis lands on centreX.
        let pivot = Point(x: centreX - s * g.faceCentreX, y: eyeY)
        func place(_ p: Point) -> Point {
            let x = s * p.x, y = s * p.y
            return Point(x: pivot.x + x * c - y * sn, y: pivot.y + x * sn + y * c)
        }
        let corner = place(Point(x: templateBox.x, y: templateBox.y))
        let side = Int((templateBox.side * s).rounded())
        return DetectedFace(
            box: PixelRect(x: Int(corner.x.rounded()), y: Int(corner.y.rounded()), width: side, height: side), score: score,
            landmarks: template.map(place), outsideShare: outsideShare)
    }

    /// A person mask of a `width` × `height` picture: the head, an ellipse around the face from
    /// `headTop` to the chin and 1.1 face widths wide, and below the chin the neck and a body
    /// `shoulders` px wide reaching the bottom edge. `spread` is the backdrop's spread the mask
    /// saw (above 14 the outline is not trusted: a busy backdrop).
    public static func mask(
        width: Int = 480, height: Int = 640, face: DetectedFace, headTop: Int, shoulders: Int, spread: Double = 2
    ) -> PersonMask {
        let g = FaceGeometry(face: face, imageWidth: width, imageHeight: height)
        var person = [Bool](repeating: false, count: width * height)
        let top = Double(headTop), bottom = g.chinY
        let cy = (top + bottom) / 2, ry = max(1, (bottom - top) / 2), rx = 0.55 * g.faceWidth
        for y in max(0, headTop)..<min(height, Int(bottom.rounded(.up)) + 1) {
            let dy = (Double(y) - cy) / ry
            guard dy * dy <= 1 else { continue }
            let half = rx * (1 - dy * dy).squareRoot()
            let x0 = max(0, Int((g.faceCentreX - half).rounded())), x1 = min(width - 1, Int((g.faceCentreX + half).rounded()))
            guard x0 <= x1 else { continue }
            for x in x0...x1 { person[y * width + x] = true }
        }
        // The neck, then the body from a quarter face width below the chin.
        let neckHalf = Int((0.25 * g.faceWidth).rounded()), chin = Int(g.chinY.rounded())
        let body = chin + Int((0.25 * g.faceWidth).rounded())
        let left = Int((g.faceCentreX - Double(shoulders) / 2).rounded())
        for y in max(0, chin)..<height {
            let (x0, x1) = y < body ? (Int(g.faceCentreX) - neckHalf, Int(g.faceCentreX) + neckHalf) : (left, left + shoulders - 1)
            guard max(0, x0) <= min(width - 1, x1) else { continue }
            for x in max(0, x0)...min(width - 1, x1) { person[y * width + x] = true }
        }
        return PersonMask.given(width: width, height: height, isPerson: person, headTopY: headTop, spread: spread)
    }

    /// The analysis of a plain `width` × `height` picture of `backdrop` under `profile`, with the
    /// given face (none: no face found), mask and statistics; what is not given is computed from
    /// the plain picture when a rule asks.
    public static func photo(
        profile: Profile = .chsi2017, width: Int = 480, height: Int = 640, backdrop: (UInt8, UInt8, UInt8) = (100, 197, 255),
        face: DetectedFace?, mask: PersonMask? = nil, background: BackgroundStatistics? = nil, faceStatistics: FaceStatistics? = nil
    ) -> PhotoAnalysis {
        let context = AnalysisContext(profile: profile, options: CheckOptions())
        let photo = PhotoAnalysis(picture: RGBImage(width: width, height: height, fill: backdrop), context: context)
        photo.given(faces: face.map { [$0] } ?? [])
        if let mask { photo.given(mask: mask) }
        if let background { photo.given(background: background) }
        if let faceStatistics { photo.given(faceStatistics: faceStatistics) }
        return photo
    }

    /// What the rule for `check` finds on `photo`: its finding, or a skip with the reason it threw.
    public static func finding(_ check: CheckID, _ photo: PhotoAnalysis) -> Finding {
        guard let rule = RuleRegistry.rule(for: check) else { preconditionFailure("no rule for \(check)") }
        do {
            return try rule.evaluate(photo)
        } catch {
            return .skip(check, error.message)
        }
    }
}

/// Asserts the whole of a finding as a report shows it: its check and clause, status, every
/// measurement in order (value and limit; an unexpected or a missing one fails), both messages and
/// the hint.
public func expectFinding(
    _ finding: Finding, _ check: CheckID, _ status: Status, _ measurements: [Measurement], zh: String, en: String,
    hint: Localized? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(finding.check == check, sourceLocation: sourceLocation)
    #expect(finding.clause == Finding(check: check, status: status, message: Localized(zh: "", en: "")).clause, sourceLocation: sourceLocation)
    #expect(finding.status == status, sourceLocation: sourceLocation)
    #expect(finding.measurements == measurements, sourceLocation: sourceLocation)
    #expect(finding.message.zh == zh, sourceLocation: sourceLocation)
    #expect(finding.message.en == en, sourceLocation: sourceLocation)
    #expect(finding.hint == hint, sourceLocation: sourceLocation)
}
