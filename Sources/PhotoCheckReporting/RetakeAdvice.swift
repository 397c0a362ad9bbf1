import PhotoCheckModel
import PhotoCheckRules

extension FixReport {
    /// "Take a new photo" and why, when some check fails or warns for a reason `fix` cannot change.
    public var retakeAdvice: Localized? {
        guard !retake.isEmpty else { return nil }
        let zh = retake.map { CheckCatalogue.description(of: $0)?.title.zh ?? $0 }.joined(separator: "、")
        let en = retake.map { CheckCatalogue.description(of: $0)?.title.en ?? $0 }.joined(separator: ", ")
        return Localized(
            zh: "裁剪和缩放不改变照片的内容,以下问题需要重新拍摄才能解决:\(zh)",
            en: "Cropping and scaling never change what the photo shows; for these, take a new photo: \(en)")
    }
}
