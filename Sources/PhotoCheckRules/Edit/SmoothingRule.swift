import PhotoCheckAnalysis
import PhotoCheckModel

/// edit.smoothing: cheek skin far smoother than the picture's own noise floor and than the
/// eyebrows' and eyes' fine detail (beauty filter suspected). Never fails: only warns, with the
/// numbers.
struct SmoothingRule: Rule {
    static let check: CheckID = "edit.smoothing"
    static let description = RuleDescription(
        check, "CHSI-1.2", title: Localized(zh: "磨皮检测", en: "Skin smoothing"),
        summary: Localized(zh: "脸颊皮肤纹理是否远比画面其他部分平滑(疑似美颜)", en: "whether cheek skin is far smoother than the rest (beauty filter)"))
    static let limits: [LimitSpec] = [LimitSpec("edit.smoothing", 0...100)]
    static let parameters: [ParameterSpec] = [
        ParameterSpec("edit.smoothing.noise_factor", 0.01...100), ParameterSpec("edit.smoothing.detail_share", 0.01...100),
    ]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let texture = try photo[SkinTextureKey.self].get()
        let p = photo.profile
        let ratio = texture.skinToReference(
            noiseFactor: p.parameter("edit.smoothing.noise_factor", default: 1.3),
            detailShare: p.parameter("edit.smoothing.detail_share", default: 0.32))
        let measurements = [
            Measurement("skin_to_reference_ratio", ratio, limit: try p.limit("edit.smoothing")),
            Measurement("skin_to_noise_ratio", texture.skinToNoise),
            Measurement("skin_to_detail_ratio", texture.skinToDetail),
            Measurement("skin_texture_levels", texture.skin),
            Measurement("forehead_texture_levels", texture.forehead),
            Measurement("detail_texture_levels", texture.detail),
            Measurement("noise_floor_levels", texture.noise),
            Measurement("noise_blocks", Double(texture.noiseBlocks)),
        ]
        return judged(measurements) { status in
            let n = formatNumber(texture.skinToNoise, digits: 2), d = formatNumber(texture.skinToDetail, digits: 2)
            return status == .pass
                ? Localized(
                    zh: "皮肤纹理自然:脸颊细节为画面噪声的 \(n) 倍、眉眼细节的 \(d) 倍",
                    en: "Natural skin texture: cheek detail is \(n)× the picture's noise floor and \(d)× the brow and eye detail")
                : Localized(
                    zh: "脸颊皮肤远比画面其他部分平滑(细节仅为画面噪声的 \(n) 倍、眉眼细节的 \(d) 倍),疑似使用了美颜/磨皮",
                    en:
                        "The cheek skin is far smoother than the rest of the picture (\(n)× the noise floor, \(d)× the brow and eye detail): a beauty filter is suspected"
                )
        } hint: { _ in
            Localized(
                zh: "关闭美颜、磨皮功能重新拍摄,或提交未处理的原图;如确未处理,请向审核老师说明",
                en:
                    "Take the photo again with beauty and smoothing modes off, or submit the unprocessed original; if it was not processed, tell the reviewer"
            )
        }
    }
}
