import PhotoCheckModel
import PhotoCheckRules

/// Human-readable output: one block per photo, failures first, then a summary: counts by verdict
/// and the checks most photos failed.
public struct TextReporter: Reporter {
    /// Include passing and skipped checks (otherwise only what needs attention, plus counts).
    public var verbose: Bool

    public init(verbose: Bool = false) {
        self.verbose = verbose
    }

    public func header(_ tally: BatchTally?, _ context: ReportContext) -> String { "" }

    public func photo(_ report: PhotoReport, _ context: ReportContext) -> String {
        renderPhoto(report, context) + "\n"
    }

    /// The summary: counts by verdict, then the checks most photos failed.
    public func footer(_ tally: BatchTally, _ context: ReportContext) -> String {
        let zh = context.language == .zh
        var out = summaryLine(tally.summary, context) + "\n"
        if tally.listedCount < tally.photos {
            out += zh ? "(只列出了 \(tally.listedCount) 张不合格或无法读取的照片)\n" : "(only the \(tally.listedCount) failing or unreadable photos are listed)\n"
        }
        let common = tally.mostCommonFailing()
        if !common.isEmpty {
            out += (zh ? "最常见的不合格项:" : "most common failures: ")
            out +=
                common.map { zh ? "\(name($0.check, context.language)) \($0.photos) 张" : "\(name($0.check, context.language)) (\($0.photos))" }
                .joined(separator: zh ? "," : ", ") + "\n"
        }
        return out
    }

    public func renderPhoto(_ report: PhotoReport, _ context: ReportContext) -> String {
        let zh = context.language == .zh
        var out = ""
        let verdict = report.effectiveVerdict(strict: context.strict)
        out += paint(verdictLabel(verdict, zh), colourFor(verdict), context) + "  " + Words.printable(report.path)
        if let w = report.width, let h = report.height { out += "  (\(w)×\(h))" }
        out += "\n"
        if let fix = report.fix {
            if let line = FixWords.summary(fix) { out += "  " + Words.printable(line.text(context.language), indent: 4) + "\n" }
            if let advice = fix.retakeAdvice { out += "  → " + Words.printable(advice.text(context.language), indent: 4) + "\n" }
        }
        if let error = report.error {
            out += "  " + (zh ? "无法读取:" : "cannot be read: ") + Words.printable(error.message.text(context.language)) + "\n"
            if let hint = error.hint { out += "  → " + Words.printable(hint.text(context.language), indent: 4) + "\n" }
            return out
        }
        var hidden: [Status: Int] = [:]
        var manual: [String] = []
        for finding in findingsForReading(report.findings) {
            if !verbose && (finding.status == .pass || finding.status == .skip) {
                hidden[finding.status, default: 0] += 1
                continue
            }
            if !verbose && finding.status == .manual {
                manual.append(title(finding.check, context.language))
                continue
            }
            out += "  " + paint(statusLabel(finding.status, zh), colourFor(finding.status), context)
            if verbose {
                // The check id and the raw measurements with their limits: for the record, not for reading.
                out += " " + pad(finding.check, 22)
                let values = finding.measurements.filter { $0.limit != nil }
                if !values.isEmpty {
                    out += " " + values.map { "\($0.key)=\(formatNumber($0.value)) [\($0.limit!.passDescription)]" }.joined(separator: " ")
                }
                out += " — "
            } else {
                out += " "
            }
            out += Words.printable(finding.message.text(context.language), indent: indent(zh)) + "\n"
            if let hint = finding.hint {
                out += String(repeating: " ", count: indent(zh)) + "→ " + Words.printable(hint.text(context.language), indent: indent(zh) + 2) + "\n"
            }
        }
        if !manual.isEmpty {
            out += "  " + paint(zh ? "需人工确认" : "check by eye", colourFor(Status.manual), context) + (zh ? ":" : ": ")
            out += manual.joined(separator: zh ? "、" : "; ") + "\n"
        }
        if !hidden.isEmpty {
            let parts = [(Status.pass, zh ? "项通过" : "passed"), (.skip, zh ? "项未检查" : "skipped")]
                .compactMap { status, word in hidden[status].map { "\($0) \(word)" } }
            out += "  " + parts.joined(separator: zh ? "," : ", ") + (zh ? "(--verbose 显示全部)" : " (--verbose shows all)") + "\n"
        }
        if let annotated = report.annotatedPath {
            out += "  " + (zh ? "标注图:" : "annotated copy: ") + Words.printable(annotated) + "\n"
        }
        return out
    }

    /// A check as the summary names it: its title, with the id when verbose.
    private func name(_ check: CheckID, _ language: Language) -> String {
        verbose ? check : title(check, language)
    }

    /// Where messages' continuation lines and hints start: past the status word (10 columns in
    /// Chinese, 8 in English) and the two spaces before it.
    private func indent(_ zh: Bool) -> Int { zh ? 13 : 11 }

    /// The check's title in the language ("像素尺寸", "Pixel size"); the id when it is not catalogued.
    private func title(_ check: CheckID, _ language: Language) -> String {
        CheckCatalogue.description(of: check)?.title.text(language) ?? check
    }

    public func summaryLine(_ s: BatchSummary, _ context: ReportContext) -> String {
        context.language == .zh
            ? "共 \(s.photos) 张:通过 \(s.pass),警告 \(s.warn),不合格 \(s.fail),无法读取 \(s.error)"
            : "\(s.photos) \(s.photos == 1 ? "photo" : "photos"): \(s.pass) pass, \(s.warn) warn, \(s.fail) fail, \(s.error) error"
    }

    private func verdictLabel(_ v: Verdict, _ zh: Bool) -> String {
        switch v {
        case .pass: zh ? "[通过]" : "[PASS]"
        case .warn: zh ? "[警告]" : "[WARN]"
        case .fail: zh ? "[不合格]" : "[FAIL]"
        case .error: zh ? "[无法读取]" : "[ERROR]"
        }
    }

    /// The status word, padded to one width per language (a CJK character takes two columns).
    private func statusLabel(_ s: Status, _ zh: Bool) -> String {
        if zh {
            switch s {
            case .pass: return "通过      "
            case .warn: return "警告      "
            case .fail: return "不合格    "
            case .skip: return "未检查    "
            case .manual: return "需人工确认"
            }
        }
        switch s {
        case .pass: return "pass    "
        case .warn: return "warn    "
        case .fail: return "FAIL    "
        case .skip: return "skip    "
        case .manual: return "manual  "
        }
    }

    private func colourFor(_ v: Verdict) -> String {
        switch v {
        case .pass: "32"
        case .warn: "33"
        case .fail, .error: "31"
        }
    }

    private func colourFor(_ s: Status) -> String {
        switch s {
        case .pass: "32"
        case .warn: "33"
        case .fail: "31"
        case .skip: "90"
        case .manual: "36"
        }
    }

    private func paint(_ text: String, _ code: String, _ context: ReportContext) -> String {
        context.colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
    }
}
