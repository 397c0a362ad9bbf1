import Foundation
import PhotoCheckModel
import PhotoCheckRules

/// One self-contained HTML page (no external resources): a summary of the batch, filters by verdict
/// and by check, and per photo its thumbnail (`PhotoReport.thumbnail`, embedded as base64 JPEG),
/// verdict, the findings that need attention with their measured values, limits and hints, and the
/// rest folded away. In Chinese or English. A search box finds photos by 学号 or name (the file
/// name); clicking a thumbnail shows the picture enlarged (`PhotoReport.picture`, the annotated
/// picture at its own size, when there is one); a legend says what the marks on it mean. The
/// filters are kept in the address (`#verdict=fail&check=file.size&q=张三`) so a filtered view can
/// be bookmarked or sent, and follow the address when it changes later (back, a pasted link).
public struct HTMLReporter: Reporter {
    public init() {}

    public var needsTallyFirst: Bool { true }

    public func header(_ tally: BatchTally?, _ context: ReportContext) -> String {
        let t = tally ?? BatchTally()
        let zh = context.language == .zh
        let title = zh ? "照片检查报告" : "Photo check report"
        var out = """
            <!DOCTYPE html>
            <html lang="\(zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · photocheck</title>
            <style>\(Self.style)\(Annotator.legendStyle)</style>
            </head>
            <body>
            <header>
            <h1>\(title)</h1>
            <p class="meta">\(esc(context.profile.title.text(context.language))) · \(esc(context.profile.name)) · photocheck \(esc(context.toolVersion))\(context.strict ? (zh ? " · 严格模式(警告按不合格计)" : " · strict (warnings count as failures)") : "")</p>
            </header>
            <section class="summary">

            """
        out += "<div class=\"tiles\">\n"
        out += tile("all", zh ? "全部" : "All", t.photos)
        for verdict in [Verdict.pass, .warn, .fail, .error] {
            out += tile(verdict.rawValue, Words.verdict(verdict, context.language), t.effective[verdict, default: 0])
        }
        out += "</div>\n"
        if t.listedCount < t.photos {
            out +=
                "<p class=\"note\">"
                + (zh
                    ? "只列出了 \(t.listedCount) 张不合格或无法读取的照片。"
                    : "Only the \(t.listedCount) failing or unreadable photos are listed.") + "</p>\n"
        }
        let common = t.mostCommonFailing(10)
        if !common.isEmpty {
            out += "<h2>" + (zh ? "最常见的不合格项" : "Most common failures") + "</h2>\n<table class=\"common\">\n"
            for (check, photos) in common {
                let title = CheckCatalogue.description(of: check)?.title.text(context.language) ?? ""
                out += "<tr><td><button class=\"checklink\" data-check=\"\(esc(check))\">\(esc(check))</button></td>"
                out += "<td>\(esc(title))</td><td class=\"num\">\(photos)</td>"
                out += "<td class=\"bar\"><span style=\"width:\(t.photos > 0 ? photos * 100 / t.photos : 0)%\"></span></td></tr>\n"
            }
            out += "</table>\n"
        }
        out += "<details class=\"legendbox\"><summary>" + (zh ? "图例:标注图上的线和颜色" : "Legend: the marks on the pictures") + "</summary>"
        out += Annotator.legendHTML(context.language) + "</details>\n"
        out += "</section>\n<nav class=\"filters\">\n"
        out +=
            "<input id=\"fq\" type=\"search\" placeholder=\"" + (zh ? "搜索学号或姓名" : "Search ID or name") + "\" aria-label=\""
            + (zh ? "搜索学号或姓名" : "Search student ID or name") + "\">\n"
        out += "<label>" + (zh ? "结论" : "Verdict") + " <select id=\"fv\"><option value=\"\">" + (zh ? "全部" : "all") + "</option>"
        for verdict in [Verdict.pass, .warn, .fail, .error] {
            out += "<option value=\"\(verdict.rawValue)\">\(Words.verdict(verdict, context.language))</option>"
        }
        out += "</select></label>\n"
        out += "<label>" + (zh ? "检查项" : "Check") + " <select id=\"fc\"><option value=\"\">" + (zh ? "全部" : "all") + "</option>"
        for check in context.profile.checks where t.failing[check] != nil || t.warning[check] != nil {
            let n = t.failing[check, default: 0], w = t.warning[check, default: 0]
            let counts = zh ? "不合格 \(n),警告 \(w)" : "\(n) fail, \(w) warn"
            out += "<option value=\"\(esc(check))\">\(esc(check)) (\(counts))</option>"
        }
        out += "</select></label>\n"
        out += "<span id=\"shown\"></span>\n</nav>\n<div id=\"zoom\" hidden><img alt=\"\"></div>\n<main>\n"
        return out
    }

    public func photo(_ report: PhotoReport, _ context: ReportContext) -> String {
        let lang = context.language, zh = lang == .zh
        let verdict = report.effectiveVerdict(strict: context.strict)
        let flagged = report.findings.filter { $0.status == .fail || $0.status == .warn }
        var out =
            "<article class=\"photo v-\(verdict.rawValue)\" data-verdict=\"\(verdict.rawValue)\" data-checks=\"\(esc(flagged.map(\.check).joined(separator: " ")))\""
            + " data-search=\"\(esc(Words.fileName(report.path).lowercased()))\">\n"
        if let thumbnail = report.thumbnail {
            out +=
                "<img class=\"thumb\" alt=\"\" title=\"\(zh ? "点击放大" : "click to enlarge")\" src=\"\(Self.dataURL(thumbnail))\""
            if let picture = report.picture { out += " data-full=\"\(Self.dataURL(picture))\"" }
            out += ">\n"
        } else {
            out += "<div class=\"thumb none\">" + (zh ? "无预览" : "no preview") + "</div>\n"
        }
        out += "<div class=\"body\">\n<h3><span class=\"badge b-\(verdict.rawValue)\">\(Words.verdict(verdict, lang))</span> "
        out += "<span class=\"file\">\(esc(Words.fileName(report.path)))</span>"
        if let id = Words.studentID(report.path) { out += " <span class=\"sid\">\(zh ? "学号" : "ID") \(esc(id))</span>" }
        out += "</h3>\n<p class=\"path\">\(esc(report.path))"
        if let w = report.width, let h = report.height { out += " · \(w)×\(h)" }
        out += "</p>\n"
        if let fix = report.fix { out += fixSection(fix, report, lang) }
        if let error = report.error {
            out += "<p class=\"error\">" + (zh ? "无法读取:" : "Cannot be read: ") + esc(error.message.text(lang)) + "</p>\n"
            if let hint = error.hint { out += "<p class=\"hint\">→ " + esc(hint.text(lang)) + "</p>\n" }
            out += "</div>\n</article>\n"
            return out
        }
        if !flagged.isEmpty {
            out += "<ul class=\"findings\">\n"
            for finding in findingsForReading(flagged) { out += item(finding, lang) }
            out += "</ul>\n"
        }
        out += others(report.findings, lang)
        return out + "</div>\n</article>\n"
    }

    /// What `fix` did: the source with the crop box drawn beside the fixed result, the crop, scale,
    /// quality and output, and what only a new photo can change.
    private func fixSection(_ fix: FixReport, _ report: PhotoReport, _ lang: Language) -> String {
        let zh = lang == .zh
        // Styled inline, so the page's shared style (and the check report) stays as it is.
        var out = "<div class=\"fix\" style=\"display:flex;gap:12px;flex-wrap:wrap;margin:8px 0\">\n"
        if let preview = fix.sourcePreview {
            out +=
                "<figure style=\"margin:0\"><img style=\"max-width:320px;max-height:320px;display:block\" alt=\"\" src=\"\(Self.dataURL(preview))\"><figcaption>"
            let caption = fix.plan == nil ? (zh ? "原照片" : "Source") : (zh ? "原照片,红框为裁剪范围" : "Source, the crop in red")
            out += caption + "</figcaption></figure>\n"
        }
        if let fixed = report.picture ?? report.thumbnail, fix.refusal == nil {
            out +=
                "<figure style=\"margin:0\"><img style=\"max-width:240px;max-height:320px;display:block\" alt=\"\" src=\"\(Self.dataURL(fixed))\"><figcaption>"
            let caption = fix.dryRun ? (zh ? "修复后(试运行,未写入)" : "Fixed (dry run, not written)") : (zh ? "修复后" : "Fixed")
            out += caption + "</figcaption></figure>\n"
        }
        out += "</div>\n"
        if let line = FixWords.summary(fix) { out += "<p class=\"fixline\">\(esc(line.text(lang)))</p>\n" }
        if let advice = fix.retakeAdvice { out += "<p class=\"hint\">→ \(esc(advice.text(lang)))</p>\n" }
        return out
    }

    public func footer(_ tally: BatchTally, _ context: ReportContext) -> String {
        let zh = context.language == .zh
        return """
            </main>
            <p id="empty" hidden>\(zh ? "没有符合筛选条件的照片。" : "No photo matches the filters.")</p>
            <script>\(Self.script(shownWord: zh ? "显示 %d / %d 张" : "showing %d of %d"))</script>
            </body>
            </html>

            """
    }

    /// The findings that need no change, folded: what to check by eye in full, the passed checks
    /// by id, the skipped ones grouped by reason (a batch repeats the same reasons thousands of times).
    private func others(_ findings: [Finding], _ lang: Language) -> String {
        let zh = lang == .zh
        let manual = findings.filter { $0.status == .manual }
        let passed = findings.filter { $0.status == .pass }
        let skipped = findings.filter { $0.status == .skip }
        guard !(manual.isEmpty && passed.isEmpty && skipped.isEmpty) else { return "" }
        let parts = [(Status.manual, manual.count), (.pass, passed.count), (.skip, skipped.count)]
            .filter { $0.1 > 0 }.map { "\(Words.status($0.0, lang)) \($0.1)" }
        var out =
            "<details><summary>" + (zh ? "其他检查:" : "Other checks: ") + parts.joined(separator: zh ? "," : ", ")
            + "</summary>\n<ul class=\"findings\">\n"
        for finding in manual { out += item(finding, lang) }
        if !passed.isEmpty {
            out += "<li class=\"s-pass\"><span class=\"st\">\(Words.status(.pass, lang))</span> "
            out += passed.map { "<code>\(esc($0.check))</code>" }.joined(separator: " ") + "</li>\n"
        }
        var reasons: [(reason: String, checks: [CheckID])] = []
        for finding in skipped {
            let reason = finding.message.text(lang)
            if let i = reasons.firstIndex(where: { $0.reason == reason }) {
                reasons[i].checks.append(finding.check)
            } else {
                reasons.append((reason, [finding.check]))
            }
        }
        for (reason, checks) in reasons {
            out += "<li class=\"s-skip\"><span class=\"st\">\(Words.status(.skip, lang))</span> "
            out += checks.map { "<code>\(esc($0))</code>" }.joined(separator: " ") + " — \(esc(reason))</li>\n"
        }
        return out + "</ul>\n</details>\n"
    }

    private func tile(_ key: String, _ label: String, _ count: Int) -> String {
        "<button class=\"tile t-\(key)\" data-verdict=\"\(key == "all" ? "" : key)\"><span class=\"n\">\(count)</span><span class=\"l\">\(esc(label))</span></button>\n"
    }

    private func item(_ f: Finding, _ lang: Language) -> String {
        var out = "<li class=\"s-\(f.status.rawValue)\" data-check=\"\(esc(f.check))\"><span class=\"st\">\(Words.status(f.status, lang))</span> "
        out += "<code>\(esc(f.check))</code> <span class=\"clause\">\(esc(f.clause))</span> \(esc(f.message.text(lang)))"
        let values = f.measurements.filter { $0.limit != nil }
        if !values.isEmpty {
            out +=
                "<span class=\"values\">"
                + values.map {
                    "\(esc($0.key)) = \(formatNumber($0.value)) [\(esc($0.limit!.passDescription))]"
                }.joined(separator: "; ") + "</span>"
        }
        if let hint = f.hint { out += "<span class=\"hint\">→ \(esc(hint.text(lang)))</span>" }
        return out + "</li>\n"
    }

    private func esc(_ text: String) -> String { Self.escape(text) }

    /// An embedded picture: its bytes as a data URL of the type they start with.
    static func dataURL(_ bytes: [UInt8]) -> String {
        "data:\(PictureType.mime(bytes));base64,\(Data(bytes).base64EncodedString())"
    }

    /// Text safe in HTML content and in quoted attributes; control characters become U+FFFD.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(ch)
            default: out.unicodeScalars.append(ControlCharacters.contains(ch) ? "\u{FFFD}" : ch)
            }
        }
        return out
    }

    package static let style = """
        :root{--pass:#1a7f37;--warn:#b26b00;--fail:#c62828;--error:#6a1b9a;--line:#d9dee4;--muted:#5f6b7a}
        *{box-sizing:border-box}[hidden]{display:none!important}
        body{margin:0 auto;max-width:1100px;padding:16px 20px 40px;font:14px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1f2328;background:#f6f8fa}
        h1{font-size:22px;margin:4px 0}h2{font-size:16px;margin:16px 0 6px}
        .meta,.path,.note{color:var(--muted);margin:2px 0}
        .tiles{display:flex;gap:10px;flex-wrap:wrap;margin:12px 0}
        .tile{border:1px solid var(--line);border-radius:8px;background:#fff;padding:8px 16px;min-width:96px;text-align:left;cursor:pointer;font:inherit}
        .tile .n{display:block;font-size:24px;font-weight:600}.tile .l{color:var(--muted)}
        .t-pass .n{color:var(--pass)}.t-warn .n{color:var(--warn)}.t-fail .n{color:var(--fail)}.t-error .n{color:var(--error)}
        .tile.on{outline:2px solid #0969da}
        table.common{border-collapse:collapse;background:#fff;border:1px solid var(--line)}
        table.common td{padding:3px 10px;border-top:1px solid var(--line)}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        td.bar{width:160px}td.bar span{display:block;height:8px;background:var(--fail);border-radius:4px;opacity:.7}
        .checklink{font:12px ui-monospace,monospace;border:0;background:none;color:#0969da;cursor:pointer;padding:0}
        nav.filters{position:sticky;top:0;z-index:1;display:flex;gap:16px;align-items:center;padding:10px 0;background:#f6f8fa;border-bottom:1px solid var(--line);margin-bottom:12px}
        nav select{font:inherit;padding:2px 4px}#shown{color:var(--muted)}
        article.photo{display:flex;gap:16px;background:#fff;border:1px solid var(--line);border-left:5px solid var(--line);border-radius:8px;padding:12px;margin:10px 0}
        article.v-pass{border-left-color:var(--pass)}article.v-warn{border-left-color:var(--warn)}article.v-fail{border-left-color:var(--fail)}article.v-error{border-left-color:var(--error)}
        .thumb{flex:none;width:150px;height:200px;object-fit:contain;background:#eef1f4;border-radius:4px}
        img.thumb{cursor:zoom-in}
        #zoom{position:fixed;inset:0;z-index:9;background:rgba(20,24,28,.85);display:flex;align-items:center;justify-content:center;cursor:zoom-out}
        #zoom img{max-width:96vw;max-height:96vh;background:#fff;box-shadow:0 4px 24px #000}
        #fq{font:inherit;padding:2px 6px;min-width:14em}.legendbox{margin:8px 0}
        .thumb.none{display:flex;align-items:center;justify-content:center;color:var(--muted)}
        .body{flex:1;min-width:0}
        h3{margin:0;font-size:15px;overflow-wrap:anywhere}.sid{color:var(--muted);font-weight:400;font-size:13px}
        .path{font-size:12px;overflow-wrap:anywhere}
        .badge{display:inline-block;color:#fff;border-radius:4px;padding:0 8px;font-size:13px;margin-right:4px}
        .b-pass{background:var(--pass)}.b-warn{background:var(--warn)}.b-fail{background:var(--fail)}.b-error{background:var(--error)}
        ul.findings{list-style:none;padding:0;margin:6px 0}
        ul.findings li{padding:3px 0 3px 8px;border-left:3px solid var(--line);margin:3px 0}
        li.s-fail{border-left-color:var(--fail)!important}li.s-warn{border-left-color:var(--warn)!important}
        .st{display:inline-block;min-width:4.5em;font-weight:600}
        li.s-fail .st{color:var(--fail)}li.s-warn .st{color:var(--warn)}li.s-pass .st{color:var(--pass)}li.s-skip .st,li.s-manual .st{color:var(--muted)}
        code{font-size:12px;background:#eef1f4;padding:0 4px;border-radius:3px}.clause{color:var(--muted);font-size:12px}
        .values{display:block;font:12px ui-monospace,monospace;color:var(--muted)}
        .hint{display:block;color:#0b4f8a}
        .error{color:var(--error)}
        li.hl{background:#fff8c5}
        details summary{cursor:pointer;color:var(--muted)}
        @media print{nav.filters{display:none}article.photo{break-inside:avoid}}
        """

    package static func script(shownWord: String) -> String {
        """
        (function(){
        var fv=document.getElementById('fv'),fc=document.getElementById('fc'),fq=document.getElementById('fq'),shown=document.getElementById('shown');
        var cards=[].slice.call(document.querySelectorAll('article.photo'));
        function apply(){var v=fv.value,c=fc.value,q=fq.value.trim().toLowerCase(),n=0;
        cards.forEach(function(a){var ok=(!v||a.dataset.verdict===v)&&(!c||(' '+a.dataset.checks+' ').indexOf(' '+c+' ')>=0)&&(!q||a.dataset.search.indexOf(q)>=0);a.hidden=!ok;if(ok)n++;});
        shown.textContent=\(jsString(shownWord)).replace('%d',n).replace('%d',cards.length);
        document.getElementById('empty').hidden=n>0;
        [].forEach.call(document.querySelectorAll('.tile'),function(t){t.classList.toggle('on',t.dataset.verdict===v&&(v!==''||!c));});
        [].forEach.call(document.querySelectorAll('li[data-check]'),function(l){l.classList.toggle('hl',!!c&&l.dataset.check===c);});}
        function save(){var h=[],q=fq.value.trim();if(fv.value)h.push('verdict='+fv.value);if(fc.value)h.push('check='+fc.value);if(q)h.push('q='+encodeURIComponent(q));
        history.replaceState(null,'',h.length?'#'+h.join('&'):location.pathname+location.search);}
        function load(){fv.value='';fc.value='';fq.value='';
        location.hash.slice(1).split('&').forEach(function(kv){var i=kv.indexOf('='),k=i<0?kv:kv.slice(0,i),v=i<0?'':kv.slice(i+1);try{v=decodeURIComponent(v);}catch(e){}
        if(k==='q'){fq.value=v;return;}
        var s=k==='verdict'?fv:k==='check'?fc:null;if(s&&[].some.call(s.options,function(o){return o.value===v;}))s.value=v;});}
        window.addEventListener('hashchange',function(){load();apply();});
        fv.onchange=function(){apply();save();};fc.onchange=function(){apply();save();};fq.oninput=function(){apply();save();};
        [].forEach.call(document.querySelectorAll('.tile'),function(t){t.onclick=function(){fv.value=t.dataset.verdict;apply();save();};});
        [].forEach.call(document.querySelectorAll('.checklink'),function(b){b.onclick=function(){
        var has=[].some.call(fc.options,function(o){return o.value===b.dataset.check;});if(has){fc.value=b.dataset.check;apply();save();fc.scrollIntoView();}};});
        var zoom=document.getElementById('zoom'),zi=zoom.querySelector('img');
        [].forEach.call(document.querySelectorAll('img.thumb'),function(i){i.onclick=function(){zi.src=i.dataset.full||i.src;zoom.hidden=false;};});
        zoom.onclick=function(){zoom.hidden=true;zi.removeAttribute('src');};
        document.addEventListener('keydown',function(e){if(e.key==='Escape'&&!zoom.hidden)zoom.onclick();});
        load();apply();})();
        """
    }

    private static func jsString(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
