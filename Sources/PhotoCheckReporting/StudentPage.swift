import Foundation
import PhotoCheckModel
import PhotoCheckRules

/// One photo's result as a small self-contained HTML page to send back to the student who took
/// it (`--per-student DIR`): the verdict, what to change (each failing or warning check with its
/// message and hint, failures first), what to confirm by eye, and the annotated picture
/// (`PhotoReport.picture`, else the thumbnail) with its legend. In the output language; no
/// external resources, no script.
public enum StudentPage {
    public static func render(_ report: PhotoReport, _ context: ReportContext) -> String {
        let lang = context.language, zh = lang == .zh
        let esc = HTMLReporter.escape
        let verdict = report.effectiveVerdict(strict: context.strict)
        let name = Words.fileName(report.path)
        var out = """
            <!DOCTYPE html>
            <html lang="\(zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(name)) · \(zh ? "照片检查结果" : "Photo check result")</title>
            <style>\(style)\(Annotator.legendStyle)</style>
            </head>
            <body>
            <h1><span class="badge b-\(verdict.rawValue)">\(Words.verdict(verdict, lang))</span> \(esc(name))</h1>

            """
        var meta: [String] = []
        if let id = Words.studentID(report.path) { meta.append((zh ? "学号 " : "ID ") + esc(id)) }
        if let w = report.width, let h = report.height { meta.append("\(w)×\(h)") }
        meta.append(esc(context.profile.title.text(lang)))
        out += "<p class=\"meta\">" + meta.joined(separator: " · ") + "</p>\n"
        out += "<p class=\"lead\">" + lead(verdict, zh) + "</p>\n"
        if let error = report.error {
            out += "<p class=\"error\">" + (zh ? "无法读取:" : "Cannot be read: ") + esc(error.message.text(lang)) + "</p>\n"
            if let hint = error.hint { out += "<p class=\"hint\">→ " + esc(hint.text(lang)) + "</p>\n" }
        }
        let flagged = findingsForReading(report.findings.filter { $0.status == .fail || $0.status == .warn })
        if !flagged.isEmpty {
            out += "<h2>" + (zh ? "需要修改" : "What to change") + "</h2>\n<ol class=\"todo\">\n"
            for f in flagged {
                let title = CheckCatalogue.description(of: f.check)?.title.text(lang) ?? f.check
                out += "<li class=\"s-\(f.status.rawValue)\"><b>\(Words.status(f.status, lang))</b> \(esc(title)):\(esc(f.message.text(lang)))"
                if let hint = f.hint { out += "<span class=\"hint\">→ \(esc(hint.text(lang)))</span>" }
                out += "</li>\n"
            }
            out += "</ol>\n"
        }
        let manual = report.findings.filter { $0.status == .manual }
        if !manual.isEmpty {
            out += "<h2>" + (zh ? "请自己确认" : "Please confirm yourself") + "</h2>\n<ul class=\"manual\">\n"
            for f in manual { out += "<li>\(esc(f.message.text(lang)))</li>\n" }
            out += "</ul>\n"
        }
        if let picture = report.picture ?? report.thumbnail {
            out += "<h2>" + (zh ? "检查时看到的" : "What the check saw") + "</h2>\n<figure>"
            out += "<img alt=\"\(esc(name))\" src=\"data:\(PictureType.mime(picture));base64,\(Data(picture).base64EncodedString())\">"
            if report.picture != nil { out += "<figcaption>" + Annotator.legendHTML(lang) + "</figcaption>" }
            out += "</figure>\n"
        }
        out += "<p class=\"meta\">photocheck \(esc(context.toolVersion)) · \(esc(context.profile.name))</p>\n</body>\n</html>\n"
        return out
    }

    private static func lead(_ verdict: Verdict, _ zh: Bool) -> String {
        switch verdict {
        case .pass: zh ? "照片符合要求,可以提交。" : "The photo meets the standard and can be handed in."
        case .warn: zh ? "照片基本符合要求;下面的警告项最好改正后再提交。" : "The photo is close: better fix the warnings below before handing it in."
        case .fail: zh ? "照片不符合要求,请按下面的建议修改或重拍后再提交。" : "The photo does not meet the standard: change or retake it as below, then hand it in again."
        case .error: zh ? "这个文件无法作为照片读取,请重新导出为 JPEG 后再提交。" : "This file cannot be read as a photo: export it again as a JPEG and hand it in again."
        }
    }

    package static let style = """
        *{box-sizing:border-box}body{margin:0 auto;max-width:760px;padding:16px 20px 32px;font:15px/1.6 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1f2328}
        h1{font-size:20px;margin:4px 0;overflow-wrap:anywhere}h2{font-size:16px;margin:18px 0 6px}.meta{color:#5f6b7a;margin:2px 0;font-size:13px}
        .lead{font-size:16px}.error{color:#6a1b9a}
        .badge{display:inline-block;color:#fff;border-radius:4px;padding:0 10px;margin-right:6px}
        .b-pass{background:#1a7f37}.b-warn{background:#b26b00}.b-fail{background:#c62828}.b-error{background:#6a1b9a}
        ol.todo{padding-left:22px}ol.todo li{margin:6px 0}li.s-fail b{color:#c62828}li.s-warn b{color:#b26b00}
        .hint{display:block;color:#0b4f8a}
        figure{margin:8px 0}figure img{display:block;max-width:100%;height:auto;border:1px solid #d9dee4}
        """
}
