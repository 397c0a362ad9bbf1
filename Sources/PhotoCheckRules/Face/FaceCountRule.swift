import PhotoCheckAnalysis
import PhotoCheckModel

/// face.count: exactly one frontal face, wholly inside the picture.
struct FaceCountRule: Rule {
    static let check: CheckID = "face.count"
    static let description = RuleDescription(
        check, "CHSI-1.1", title: Localized(zh: "人脸数量", en: "Number of faces"),
        summary: Localized(zh: "照片中应恰好有一张正面人脸", en: "exactly one frontal face"))
    static let limits: [LimitSpec] = [LimitSpec("face.count", 0...100), LimitSpec("face.outside", 0...100)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let faces = try photo.faces()
        var measurements = [Measurement("face_count", Double(faces.count), limit: try photo.profile.limit("face.count"))]
        let main = faces.first
        if let main {
            measurements.append(
                Measurement(
                    "face_outside_pct", (100 * main.outsideShare).rounded(), limit: try photo.profile.limit("face.outside")))
            measurements.append(Measurement("face_score", (main.score * 100).rounded() / 100))
        }
        let n = faces.count
        // Every face found, and the landmarks the other face checks measure from.
        let marks = faces.map { Mark(.box($0.box), .measured) } + faces.map { Mark(.dots($0.landmarks), .found) }
        return judged(measurements, region: main?.box, marks: marks) { status in
            if n == 0 {
                return Localized(zh: "未检测到正面人脸", en: "No frontal face found")
            }
            if n > 1 {
                return Localized(zh: "检测到 \(n) 张人脸,照片中只能有本人", en: "\(n) faces found; the photo must show only you")
            }
            if status != .pass {
                let pct = formatNumber(100 * (main?.outsideShare ?? 0), digits: 0)
                return Localized(zh: "人脸约 \(pct)% 在画面之外,被边缘截断", en: "About \(pct)% of the face is outside the picture (cut off at the edge)")
            }
            return Localized(zh: "检测到 1 张正面人脸", en: "One frontal face found")
        } hint: { _ in
            if n == 0 {
                return Localized(
                    zh: "正对镜头拍摄,脸部不要被遮挡,光线充足", en: "Face the camera squarely, nothing covering the face, in good light")
            }
            if n > 1 {
                return Localized(zh: "单独拍摄,背景中不要有其他人或人像", en: "Take the photo alone, with no other person or portrait behind you")
            }
            return Localized(zh: "让整张脸和头部都在画面内,并居中", en: "Keep the whole face and head inside the picture, centred")
        }
    }
}
