import PhotoCheckModel

/// The sentences every reporter uses for what `fix` did to a photo (`PhotoReport.fix`).
enum FixWords {
    /// "fixed → a.fixed.jpg: crop 900×1200 at (225, 150) of 1350×1350, scale 0.533, JPEG quality
    /// 93, 59.1 KB", the dry run's plan with its predicted measurements, or nil for a refusal
    /// (its finding says why).
    static func summary(_ fix: FixReport) -> Localized? {
        guard fix.refusal == nil, let plan = fix.plan else { return nil }
        let c = plan.crop
        let source = fix.sourceWidth.flatMap { w in fix.sourceHeight.map { " \(w)×\($0)" } } ?? ""
        let sourceZh = source.isEmpty ? "" : source + " "
        let scale = formatNumber(plan.scale, digits: 3)
        var zh = "从\(sourceZh)中裁剪 \(c.width)×\(c.height)(左上角 \(c.x), \(c.y)),缩放 \(scale) 倍"
        var en = "crop \(c.width)×\(c.height) at (\(c.x), \(c.y)) of\(source), scale \(scale)"
        if let w = fix.outputWidth, let h = fix.outputHeight {
            zh += ",输出 \(w)×\(h)"
            en += ", output \(w)×\(h)"
        }
        if let q = fix.quality, let bytes = fix.byteCount {
            let kb = formatNumber(Double(bytes) / 1024, digits: 1)
            zh += ",JPEG 质量 \(q),\(kb) KB"
            en += ", JPEG quality \(q), \(kb) KB"
        }
        if fix.dryRun {
            let p = plan.predicted
            func px(_ v: Double) -> String { formatNumber(v, digits: 0) }
            return Localized(
                zh: "试运行,未写入文件:将\(zh);预计头顶距上边沿 \(px(p.headTopY)) 像素,眼睛 \(px(p.eyeLineY)) 像素,脸宽 \(px(p.faceWidth)) 像素,偏离中心 \(px(p.centreOffset)) 像素",
                en:
                    "dry run, nothing written: would \(en); predicted head top \(px(p.headTopY)) px, eye line \(px(p.eyeLineY)) px, face width \(px(p.faceWidth)) px, \(px(p.centreOffset)) px off centre"
            )
        }
        if let output = fix.outputPath {
            return Localized(zh: "已修复 → \(output):\(zh)", en: "fixed → \(output): \(en)")
        }
        return Localized(zh: "已修复(未写入文件):\(zh)", en: "fixed (not written): \(en)")
    }
}
