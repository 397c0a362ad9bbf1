import PhotoCheckAnalysis
import PhotoCheckModel

/// edit.software: an editor or beauty app named in the metadata (EXIF Software, XMP CreatorTool
/// and history, Photoshop APP13 resources, the Adobe APP14 and Ducky markers, comments).
struct SoftwareRule: Rule {
    static let check: CheckID = "edit.software"
    static let description = RuleDescription(
        check, "CHSI-1.2", title: Localized(zh: "编辑软件", en: "Editing software"),
        summary: Localized(zh: "元数据中是否记录了修图或美颜软件", en: "whether the metadata names an editor or beauty app"))
    static let limits: [LimitSpec] = [LimitSpec("edit.software", 0...1000)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let file = try photo.jpegFile()
        let traces = SoftwareTraces.collect(file: file, exif: photo.exif)
        let named = traces.filter { $0.editor != nil }
        let beauty = named.contains { $0.editor?.kind == .beauty }
        let limit = try photo.profile.limit("edit.software")
        let measurements = [
            Measurement("editor_traces", Double(named.count), limit: limit),
            Measurement("software_traces", Double(traces.count)),
        ]
        return judged(measurements) { status in
            if status == .pass {
                guard !traces.isEmpty else {
                    return Localized(zh: "元数据中没有记录编辑软件", en: "The metadata names no editing software")
                }
                return Localized(
                    zh: "元数据中没有修图或美颜软件(记录的软件:\(Self.evidence(traces, .zh)))",
                    en: "No editor or beauty app in the metadata (software recorded: \(Self.evidence(traces, .en)))")
            }
            var editors: [Editor] = []
            for trace in named where !editors.contains(trace.editor!) { editors.append(trace.editor!) }
            let names = (zh: editors.map(\.name.zh).joined(separator: "、"), en: editors.map(\.name.en).joined(separator: ", "))
            return beauty
                ? Localized(
                    zh: "元数据显示照片经过美颜/修图应用 \(names.zh) 处理(\(Self.evidence(named, .zh)));标准不允许美颜和修饰",
                    en:
                        "The metadata shows the photo went through the beauty app \(names.en) (\(Self.evidence(named, .en))); the standard forbids beauty filters and retouching"
                )
                : Localized(
                    zh: "元数据显示照片经过 \(names.zh) 处理(\(Self.evidence(named, .zh)));标准不允许对相貌做技术处理(PS)",
                    en:
                        "The metadata shows the photo was processed in \(names.en) (\(Self.evidence(named, .en))); the standard forbids retouching the likeness"
                )
        } hint: { _ in
            Localized(
                zh: "提交未经修图或美颜的原始照片(只允许裁剪、缩放和调整分辨率);若只做了裁剪缩放,请向审核老师说明",
                en:
                    "Submit the original photo without retouching or beauty filters (cropping, resizing and setting the dpi are fine); if you only cropped and resized, tell the reviewer"
            )
        }
    }

    /// "EXIF Software tag: “GIMP 2.10”; XMP CreatorTool: “…”", at most four traces.
    static func evidence(_ traces: [SoftwareTrace], _ language: Language) -> String {
        var seen = Set<String>()
        let parts = traces.compactMap { trace -> String? in
            let key = "\(trace.source.rawValue)|\(trace.text)"
            guard seen.insert(key).inserted else { return nil }
            return language == .zh ? "\(trace.source.label.zh):“\(trace.text)”" : "\(trace.source.label.en): \"\(trace.text)\""
        }
        let shown = parts.prefix(4).joined(separator: language == .zh ? ";" : "; ")
        return parts.count > 4 ? shown + (language == .zh ? " 等" : "; …") : shown
    }
}
