import Foundation
import PhotoCheckModel

/// Measurements and regions derived from one face's 68 landmarks, in displayed-image pixels.
public struct FaceGeometry: Sendable, Equatable {
    public var face: DetectedFace
    /// Centre of the eye on the image's left (landmarks 36–41) and on its right (42–47).
    public var leftPupil: Point
    public var rightPupil: Point
    /// y of the midpoint of the two pupils.
    public var eyeLineY: Double
    /// Cheek-to-cheek width: the jaw contour at cheekbone height (landmarks 1 and 15).
    public var faceWidth: Double
    /// x of the face's vertical axis (midpoint of the cheek points at eye and cheekbone height).
    public var faceCentreX: Double
    /// Angle of the pupil line against the horizontal; positive when the right pupil is lower.
    public var rollDegrees: Double
    /// Head turn from the nose's position between the cheeks; positive when the nose is
    /// nearer the image's right cheek.
    public var yawDegrees: Double
    /// Distance from the eye line to the chin (landmark 8), along the face's axis.
    public var eyeToChin: Double
    /// y of the chin (landmark 8).
    public var chinY: Double
    /// Where the top of the head probably is, from the face's proportions alone: the eye line
    /// minus 1.1 × the eye-to-chin distance (0.87–1.39 on the real photos with a plain backdrop,
    /// 1.13 typical). For when the person mask cannot be trusted.
    public var estimatedHeadTopY: Double
    /// Regions other checks need, in image pixels (clipped to the picture).
    public var leftCheek: PixelRect
    public var rightCheek: PixelRect
    public var forehead: PixelRect
    public var leftEye: PixelRect
    public var rightEye: PixelRect
    public var mouth: PixelRect
    /// Jaw contour and an estimated brow/forehead arc, as a closed polygon (first point not repeated).
    public var faceOval: [Point]

    /// Derives the geometry from a face with 68 landmarks, within a picture of the given size.
    public init(face: DetectedFace, imageWidth: Int, imageHeight: Int) {
        precondition(face.landmarks.count == 68, "FaceGeometry needs 68 landmarks")
        let p = face.landmarks
        self.face = face
        leftPupil = Self.centroid(p[36...41])
        rightPupil = Self.centroid(p[42...47])
        eyeLineY = (leftPupil.y + rightPupil.y) / 2
        let dx = rightPupil.x - leftPupil.x, dy = rightPupil.y - leftPupil.y
        rollDegrees = atan2(dy, dx) * 180 / .pi
        faceWidth = p[1].distance(to: p[15])
        faceCentreX = (p[0].x + p[16].x + p[1].x + p[15].x) / 4

        // Yaw: undo the roll around the eye midpoint, then compare the nose's distances to the
        // two sides of the jaw. Head seen from above: cheeks at ±w, nose tip d in front, so the
        // asymmetry (l − r)/(l + r) = (d/w)·tan(yaw). The jaw landmarks sit on the silhouette,
        // which turns with the head, so the effective d/w is larger than the anatomical ≈ 0.55:
        // 0.8 puts the portrait labelled "turned 10–15°" at 15° and the FRLL frontal faces at ≤ 8°.
        let eyeMid = Point.midpoint(leftPupil, rightPupil)
        let angle = -atan2(dy, dx)
        let c = cos(angle), s = sin(angle)
        func derolled(_ q: Point) -> Point {
            let x = q.x - eyeMid.x, y = q.y - eyeMid.y
            return Point(x: x * c - y * s, y: x * s + y * c)
        }
        let nose = [27, 28, 29, 30, 33].map { derolled(p[$0]).x }.reduce(0, +) / 5
        var asymmetry = 0.0
        for (l, r) in [(0, 16), (1, 15), (2, 14)] {
            let left = nose - derolled(p[l]).x, right = derolled(p[r]).x - nose
            asymmetry += (left - right) / max(1e-6, left + right)
        }
        asymmetry /= 3
        yawDegrees = atan(asymmetry / 0.8) * 180 / .pi

        chinY = p[8].y
        eyeToChin = derolled(p[8]).y
        estimatedHeadTopY = eyeLineY - 1.1 * eyeToChin

        let bounds = PixelRect(x: 0, y: 0, width: imageWidth, height: imageHeight)
        func rect(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> PixelRect {
            let lx = Int(min(x0, x1).rounded(.down)), ly = Int(min(y0, y1).rounded(.down))
            let hx = Int(max(x0, x1).rounded(.up)), hy = Int(max(y0, y1).rounded(.up))
            return PixelRect(x: lx, y: ly, width: max(0, hx - lx), height: max(0, hy - ly)).clipped(to: bounds)
        }
        func box(_ points: ArraySlice<Point>, grow: Double) -> PixelRect {
            let xs = points.map(\.x), ys = points.map(\.y)
            let w = xs.max()! - xs.min()!, h = ys.max()! - ys.min()!
            let g = max(w, h) * grow
            return rect(xs.min()! - g, ys.min()! - g, xs.max()! + g, ys.max()! + g)
        }
        leftEye = box(p[36...41], grow: 0.25)
        rightEye = box(p[42...47], grow: 0.25)
        mouth = box(p[48...59], grow: 0.1)

        // Cheeks: between the jaw line and the nose, from below the eyes to the nose base.
        let eyeBottom = max(p[40].y, p[41].y, p[46].y, p[47].y)
        let cheekTop = eyeBottom + 0.25 * (p[33].y - eyeBottom)
        let cheekBottom = p[33].y + 0.1 * (p[33].y - eyeBottom)
        leftCheek = rect(
            p[2].x + 0.25 * (p[31].x - p[2].x), cheekTop, p[31].x - 0.15 * (p[31].x - p[2].x), cheekBottom)
        rightCheek = rect(
            p[35].x + 0.15 * (p[14].x - p[35].x), cheekTop, p[14].x - 0.25 * (p[14].x - p[35].x), cheekBottom)

        // Forehead: above the brows, over the width between the brows' middles.
        let browY = p[17...26].map(\.y).min()!
        let faceHeight = max(1, p[8].y - browY)
        forehead = rect(p[19].x, browY - 0.3 * faceHeight, p[24].x, browY - 0.05 * faceHeight)

        // Oval: the jaw from image left to right, then an arc over the forehead back to the start.
        var oval = Array(p[0...16])
        let centre = Point.midpoint(p[0], p[16])
        let radiusX = p[0].distance(to: p[16]) / 2
        let radiusY = max(1, centre.y - (browY - 0.35 * faceHeight))
        let tilt = atan2(p[16].y - p[0].y, p[16].x - p[0].x)
        for k in 1..<12 {
            let t = Double(k) / 12 * Double.pi  // from the right (t = 0) over the top to the left
            let ex = radiusX * cos(t), ey = -radiusY * sin(t)
            oval.append(
                Point(
                    x: centre.x + ex * cos(tilt) - ey * sin(tilt), y: centre.y + ex * sin(tilt) + ey * cos(tilt)))
        }
        faceOval = oval
    }

    /// Eye aspect ratio of a 6-point eye (corner, two upper, corner, two lower): opening / width.
    public static func eyeAspectRatio(_ eye: ArraySlice<Point>) -> Double {
        let e = Array(eye)
        let width = e[0].distance(to: e[3])
        guard width > 0 else { return 0 }
        return (e[1].distance(to: e[5]) + e[2].distance(to: e[4])) / (2 * width)
    }

    /// Eye aspect ratio of the image-left and image-right eye.
    public var eyeAspectRatios: (left: Double, right: Double) {
        (Self.eyeAspectRatio(face.landmarks[36...41]), Self.eyeAspectRatio(face.landmarks[42...47]))
    }

    /// Mean gap between the inner lips (landmarks 61–63 against 67–65), in pixels.
    public var innerLipGap: Double {
        let p = face.landmarks
        return (p[61].distance(to: p[67]) + p[62].distance(to: p[66]) + p[63].distance(to: p[65])) / 3
    }

    static func centroid(_ points: ArraySlice<Point>) -> Point {
        let n = Double(points.count)
        return Point(x: points.map(\.x).reduce(0, +) / n, y: points.map(\.y).reduce(0, +) / n)
    }
}

/// The geometry of the photo's one face, or why there is not exactly one clean face.
enum FaceGeometryKey: AnalysisKey {
    static func compute(_ photo: PhotoAnalysis) -> Result<FaceGeometry, SkipReason> {
        Result { () throws(SkipReason) in
            let faces = try photo.faces()
            guard let face = faces.first else {
                throw SkipReason(zh: "未检测到正面人脸", en: "no frontal face was found")
            }
            guard faces.count == 1 else {
                throw SkipReason(
                    zh: "检测到 \(faces.count) 张人脸,只能有一人", en: "\(faces.count) faces were found; the photo must show one person")
            }
            guard !face.isCutOff else {
                throw SkipReason(zh: "人脸被画面边缘截断", en: "the face is cut off by the edge of the picture")
            }
            let image = try photo.image()
            return FaceGeometry(face: face, imageWidth: image.width, imageHeight: image.height)
        }
    }
}

extension PhotoAnalysis {
    /// The geometry of the one face in the photo; throws when there is no face, more than one, or
    /// the face is cut off by the picture's edge.
    public func face() throws(SkipReason) -> FaceGeometry {
        try self[FaceGeometryKey.self].get()
    }
}
