import PhotoCheckAnalysis
import PhotoCheckModel

/// framing.shoulders: the person mask at the bottom rows spans both shoulders (≥ 1.6 × face width).
struct ShouldersRule: Rule {
    static let check: CheckID = "framing.shoulders"
    static let description = RuleDescription(
        check, "CHSI-4.2", title: Localized(zh: "肩部完整", en: "Shoulders in frame"),
        summary: Localized(zh: "画面底部应包含双肩(不要大头照)", en: "both shoulders in the bottom rows (no close-up)"))
    static let limits: [LimitSpec] = [LimitSpec("framing.shoulders", 0...100)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let face = try photo.face()
        let mask = try photo.personMask()
        guard mask.isReliable else {
            throw SkipReason(zh: "背景不纯,无法可靠地分出人像轮廓", en: "the backdrop is not plain, so the person's outline cannot be trusted")
        }
        // A row just above the bottom edge (the last rows often carry encoder edge artefacts).
        let row = max(0, mask.height - 1 - mask.height / 100)
        let run = mask.span(row: row)
        let span = run.map { Double($0.maxX - $0.minX + 1) } ?? 0
        let ratio = span / max(1, face.faceWidth)
        let measurements = [
            Measurement("shoulder_span_ratio", (ratio * 100).rounded() / 100, limit: try photo.profile.limit("framing.shoulders")),
            Measurement("shoulder_span_px", span),
        ]
        let limit = try photo.profile.limit("framing.shoulders")
        let r = formatNumber(ratio, digits: 2)
        // The person's span along that row, and the shortest span allowed (the limit's ratio of
        // the face width) as ticks about the span's middle.
        var marks: [Mark] = []
        let y = Double(row), middle = run.map { Double($0.minX + $0.maxX) / 2 } ?? face.faceCentreX
        if let least = limit.pass.min {
            let half = least * face.faceWidth / 2, tick = 0.1 * face.faceWidth
            for x in [middle - half, middle + half] { marks.append(.vertical(x, from: y - 2 * tick, to: y, .limit)) }
        }
        if let run {
            marks.append(
                .horizontal(y, from: Double(run.minX), to: Double(run.maxX), .measured, label: "shoulders \(r)x face width"))
        }
        return judged(measurements, region: PixelRect(x: 0, y: row, width: mask.width, height: 1), marks: marks) { status in
            status == .pass
                ? Localized(zh: "底部人像宽度为脸宽的 \(r) 倍,双肩完整", en: "The person spans \(r)× the face width at the bottom: shoulders in frame")
                : Localized(
                    zh: "大头照 / 肩膀未照全:底部人像宽度只有脸宽的 \(r) 倍(\(limit.requirement(for: measurements[0].value, unit: " 倍").zh))",
                    en:
                        "Shoulders not in frame: the person spans only \(r)× the face width at the bottom (\(limit.requirement(for: measurements[0].value, unit: "×").en))"
                )
        } hint: { _ in
            // The span seen at the bottom grows about in proportion as the face shrinks with distance.
            let move = FaceRuleText.distance(min(2, (limit.pass.min ?? 1.6) / max(0.5, ratio)))
            return Localized(
                zh: "\(move.zh)或把镜头拉远,拍到双肩",
                en: "\(move.en.prefix(1).uppercased() + move.en.dropFirst()) or zoom out so both shoulders are in the picture")
        }
    }
}
