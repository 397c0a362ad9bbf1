import PhotoCheckModel
import PhotoCheckRules

extension FixReport {
    /// "Take a new photo" and why, when some check fails or warns for a reason `fix` cannot change;
    /// what the source file shows of its history (`FixReport.sourceFileChecks`) is said apart:
    /// the camera's original file cures it as well as a new photo does.
    public var retakeAdvice: Localized? {
        guard !retake.isEmpty else { return nil }
        let scene = retake.filter { !FixReport.sourceFileChecks.contains($0) }
        let file = retake.filter { FixReport.sourceFileChecks.contains($0) }
        func names(_ checks: [CheckID], _ language: Language) -> String {
            checks.map { CheckCatalogue.description(of: $0)?.title.text(language) ?? $0 }.joined(separator: language == .zh ? "、" : ", ")
        }
        var zh: [String] = [], en: [String] = []
        if !scene.isEmpty {
            zh.append("裁剪和缩放不改变照片的内容,以下问题需要重新拍摄才能解决:\(names(scene, .zh))")
            en.append("Cropping and scaling never change what the photo shows; for these, take a new photo: \(names(scene, .en))")
        }
        if !file.isEmpty {
            zh.append("以下问题在原照片文件中,重新编码不能消除:\(names(file, .zh))。请提交相机或手机拍摄的原始文件(未经压缩、未经修图),或重新拍摄")
            en.append(
                "These are in the source file, and re-encoding does not remove them: \(names(file, .en)). Hand in the camera's original file (not compressed or edited), or take a new photo"
            )
        }
        return Localized(zh: zh.joined(separator: "。"), en: en.joined(separator: ". "))
    }
}
