import Foundation
import PhotoCheckModel
import PhotoCheckReporting
import Testing

/// Hand-made reports for reporter tests: fixed findings that do not change when rules are tuned,
/// with the awkward parts of real batches (Chinese, commas, quotes, markup, newlines, control
/// characters, formula-looking names, an unreadable file).
public enum ReportSamples {
    /// A small profile so golden files do not change when checks are added to chsi-2017.
    public static let profile: Profile = {
        let json = #"""
            {"extends": "chsi-2017", "name": "sample", "title": {"zh": "示例规范", "en": "Sample standard"},
             "checks": ["file.jpeg", "file.dimensions", "file.size", "file.dpi", "edit.software", "face.count", "manual.retouching"]}
            """#
        return try! Profile(json: Data(json.utf8))
    }()

    public static let reports: [PhotoReport] = [passing, failing, unreadable, warning]

    /// Passes; its name carries a student id and Chinese; it has a (fake) thumbnail.
    public static let passing = PhotoReport(
        path: "photos/2021301234_张三.jpg", verdict: .pass, width: 480, height: 640,
        findings: [
            Finding(check: "file.jpeg", status: .pass, message: Localized(zh: "JPEG 文件,可正常解码", en: "a JPEG that decodes cleanly")),
            Finding(
                check: "file.dimensions", status: .pass,
                measurements: [Measurement("width_px", 480, limit: .within(480, 480)), Measurement("height_px", 640, limit: .within(640, 640))],
                message: Localized(zh: "尺寸为 480×640 像素", en: "480×640 pixels")),
            Finding(
                check: "file.size", status: .pass, measurements: [Measurement("size_kb", 45.25, limit: .within(30, 60, warn: .init(min: 20)))],
                message: Localized(zh: "文件大小 45.3 KB", en: "45.3 KB")),
            Finding(check: "face.count", status: .skip, message: Localized(zh: "此项检查尚未实现", en: "this check is not implemented yet")),
            Finding(check: "manual.retouching", status: .manual, message: Localized(zh: "请人工确认未做美颜", en: "check by eye that nothing was retouched")),
        ],
        thumbnail: [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0xFF, 0xD9])

    /// Fails two checks and warns on one; its name and messages hold CSV and XML/HTML specials.
    public static let failing = PhotoReport(
        path: "photos/2021301235, \"李四\" <b>&amp;.jpg", verdict: .fail, width: 1350, height: 1800,
        findings: [
            Finding(check: "file.jpeg", status: .pass, message: Localized(zh: "JPEG 文件", en: "a JPEG")),
            Finding(
                check: "file.dimensions", status: .fail,
                measurements: [Measurement("width_px", 1350, limit: .within(480, 480)), Measurement("height_px", 1800, limit: .within(640, 640))],
                message: Localized(zh: "尺寸为 1350×1800 像素,要求 480×640", en: "1350×1800 pixels, the standard wants 480×640"),
                hint: Localized(zh: "宽高比已是 3:4,直接缩放为 480×640 即可", en: "the aspect is already 3:4: resize to 480×640")),
            Finding(
                check: "file.size", status: .fail, measurements: [Measurement("size_kb", 12.5, limit: .within(30, 60, warn: .init(min: 20)))],
                message: Localized(zh: "文件大小 12.5 KB,要求 \"30–60 KB\"", en: "12.5 KB; the standard wants \"30–60 KB\""),
                hint: Localized(zh: "提高导出品质\n(如 90)", en: "export at a higher quality\n(e.g. 90)")),
            Finding(
                check: "edit.software", status: .warn,
                message: Localized(
                    zh: "EXIF 写有编辑软件 <script>alert('美图')</script> & Co\u{1}", en: "EXIF names the editor <script>alert('Meitu')</script> & Co\u{1}"),
                hint: Localized(zh: "使用相机原图", en: "use the camera's original")),
            Finding(check: "manual.retouching", status: .manual, message: Localized(zh: "请人工确认未做美颜", en: "check by eye that nothing was retouched")),
        ])

    /// Could not be read at all; its name looks like a spreadsheet formula.
    public static let unreadable = PhotoReport(
        path: "=HYPERLINK(\"x\").jpg", verdict: .error, error: .permissionDenied, findings: [])

    /// Only warns (fails with --strict).
    public static let warning = PhotoReport(
        path: "photos/sub/2021301236.jpg", verdict: .warn, width: 480, height: 640,
        findings: [
            Finding(check: "file.jpeg", status: .pass, message: Localized(zh: "JPEG 文件", en: "a JPEG")),
            Finding(
                check: "file.dpi", status: .warn, measurements: [Measurement("dpi", 72, limit: .within(300, 300, beyond: .warn))],
                message: Localized(zh: "分辨率为 72 dpi,要求 300 dpi", en: "72 dpi; the standard wants 300 dpi"),
                hint: Localized(zh: "把分辨率设为 300 dpi", en: "set the resolution to 300 dpi")),
        ])

    public static func context(_ language: Language, strict: Bool = false) -> ReportContext {
        ReportContext(language: language, profile: profile, toolVersion: "0.0.0-test", strict: strict)
    }
}

/// Compares text with a golden file under Tests/<target>/Golden/. With PHOTOCHECK_RECORD=1 the file
/// is (re)written and the test fails, so a recording never passes unnoticed; without it a missing or
/// different golden file fails the test.
public func assertGolden(_ actual: String, _ name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let url = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["PHOTOCHECK_RECORD"] == "1" {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(actual.utf8).write(to: url)
        Issue.record("recorded golden file \(name); run again without PHOTOCHECK_RECORD to check it", sourceLocation: sourceLocation)
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record("no golden file \(name): run with PHOTOCHECK_RECORD=1 to record it, then review it", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
        let want = line < e.count ? String(e[line]) : "<end>", got = line < a.count ? String(a[line]) : "<end>"
        Issue.record("\(name) differs at line \(line + 1):\n  golden: \(want)\n  actual: \(got)", sourceLocation: sourceLocation)
    }
}

/// The package root (the folder holding Package.swift), found from a source file's path.
public func packageRoot(from filePath: String = #filePath) -> URL {
    var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while url.path != "/" {
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        url.deleteLastPathComponent()
    }
    preconditionFailure("no Package.swift above \(filePath)")
}
