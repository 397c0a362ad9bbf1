import PhotoCheckAnalysis
import PhotoCheckModel

/// file.dimensions: the stored size is the profile's: exactly (480×640 for CHSI) or at least, at its
/// aspect (CET).
struct DimensionsRule: Rule {
    static let check: CheckID = "file.dimensions"
    static let description = RuleDescription(
        check, "CHSI-4.1", title: Localized(zh: "像素尺寸", en: "Pixel size"),
        summary: Localized(zh: "宽×高为规范要求的像素尺寸", en: "width × height in pixels as the profile requires"))

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        guard let (w, h) = photo.storedDimensions else {
            throw SkipReason(zh: "无法读出图片尺寸", en: "the picture size cannot be read")
        }
        let p = photo.profile
        let sameAspect = w * p.height == h * p.width
        if p.sizeMatch == .atLeast {
            return atLeast(photo, w, h)
        }
        let measurements = [
            Measurement("width_px", Double(w), limit: .within(Double(p.width), Double(p.width))),
            Measurement("height_px", Double(h), limit: .within(Double(p.height), Double(p.height))),
        ]
        return judged(measurements) { status in
            status == .pass
                ? Localized(zh: "尺寸 \(w)×\(h) 像素", en: "Size \(w)×\(h) px")
                : Localized(zh: "尺寸为 \(w)×\(h) 像素,要求 \(p.width)×\(p.height)", en: "Size is \(w)×\(h) px; the standard wants \(p.width)×\(p.height)")
        } hint: { _ in
            Self.advice(photo, sameAspect: sameAspect)
        }
    }

    /// Profiles that want at least the frame's size at its aspect (CET: at least 144×192, 3:4):
    /// a larger photo of the right aspect passes; the aspect may be off by 1% (rounding).
    func atLeast(_ photo: PhotoAnalysis, _ w: Int, _ h: Int) -> Finding {
        let p = photo.profile
        let aspect = Double(p.width) / Double(p.height)
        let measurements = [
            Measurement("width_px", Double(w), limit: .atLeast(Double(p.width))),
            Measurement("height_px", Double(h), limit: .atLeast(Double(p.height))),
            Measurement(
                "aspect_ratio", (Double(w) / Double(max(1, h)) * 1000).rounded() / 1000,
                limit: .within((aspect * 0.99 * 1000).rounded() / 1000, (aspect * 1.01 * 1000).rounded() / 1000)),
        ]
        let want = Localized(
            zh: "至少 \(p.sizeText) 像素、宽高比 \(p.aspectText)", en: "at least \(p.sizeText) px at an aspect of \(p.aspectText)")
        return judged(measurements) { status in
            status == .pass
                ? Localized(zh: "尺寸 \(w)×\(h) 像素(要求\(want.zh))", en: "Size \(w)×\(h) px (needs \(want.en))")
                : Localized(zh: "尺寸为 \(w)×\(h) 像素,要求\(want.zh)", en: "Size is \(w)×\(h) px; the standard wants \(want.en)")
        } hint: { _ in
            Self.advice(photo, sameAspect: measurements[2].status == .pass)
        }
    }

    /// The framing checks this advice must agree with (those the profile has).
    static let framingRules: [any Rule] = [HeadTopRule(), EyeLineRule(), FaceWidthRule(), HeadHeightRule(), CentringRule()]

    /// "Just resize" only when the framing already passes (resizing keeps it); otherwise how much
    /// to crop so the framing passes too, or that no crop of this picture can.
    static func advice(_ photo: PhotoAnalysis, sameAspect: Bool) -> Localized {
        let p = photo.profile
        let size = p.sizeText, ratio = p.aspectText
        let framing = framingRules.filter { p.checks.contains(type(of: $0).check) }
        guard !framing.isEmpty else {
            // A profile that does not judge the framing: only the size can be advised.
            return sameAspect
                ? Localized(zh: "宽高比已是 \(ratio),缩放为 \(size) 即可", en: "The aspect is already \(ratio): resize to \(size)")
                : Localized(
                    zh: "先按 \(ratio) 裁剪(保持头部居中、留出肩部),再缩放为 \(size)",
                    en: "Crop to \(ratio) (head centred, shoulders in frame), then resize to \(size)")
        }
        let framed = framing.allSatisfy { rule in (try? rule.evaluate(photo))?.status == .pass }
        if sameAspect && framed {
            return Localized(
                zh: "宽高比已是 \(ratio),人像位置也合格:直接缩放为 \(size) 即可,不必为尺寸重拍",
                en: "The aspect is already \(ratio) and the framing passes: resize to \(size); the size alone needs no re-shoot")
        }
        let lead =
            sameAspect
            ? Localized(zh: "只缩放改不了人像位置(见头顶、眼睛、脸宽、居中各项);", en: "Resizing alone will not fix the framing (see the framing checks); ")
            : Localized(zh: "", en: "")
        if let crop = photo.framingCrop() {
            let advice = photo.cropAdvice(crop)
            let soft =
                crop.keepsResolution
                ? Localized(zh: "", en: "")
                : Localized(
                    zh: "(裁出部分小于 \(size),放大后会发虚,最好用更大的原图或重拍)",
                    en: " (the crop is smaller than \(size), so it gets soft when enlarged: a larger original or a re-shoot is better)")
            return Localized(
                zh: "\(lead.zh)按标准构图\(advice.zh),人像位置随之合格\(soft.zh);photocheck fix 可自动完成",
                en:
                    "\(lead.en)\(lead.en.isEmpty ? advice.en.prefix(1).uppercased() + advice.en.dropFirst() : advice.en); that also puts the face where the standard wants it\(soft.en). photocheck fix does this"
            )
        }
        return Localized(
            zh: "\(lead.zh)这张照片怎么裁剪都无法让人像位置合格(脸太大或太靠边):按人像位置各项的提示重拍,再保存为 \(size)",
            en:
                "\(lead.en)\(lead.en.isEmpty ? "No" : "no") crop of this picture puts the face where the standard wants it (too large or too near an edge): re-shoot following the framing hints, then save at \(size)"
        )
    }
}
