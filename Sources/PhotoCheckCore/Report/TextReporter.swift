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
                common.map { zh ? "\($0.check) \($0.photos) 张" : "\($0.check) (\($0.photos))" }
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
        if let error = report.error {
            out += "  " + (zh ? "无法读取:" : "cannot be read: ") + Words.printable(error.message.text(context.language)) + "\n"
            if let hint = error.hint { out += "  → " + Words.printable(hint.text(context.language), indent: 4) + "\n" }
            return out
        }
        var hidden: [Status: Int] = [:]
        for finding in findingsForReading(report.findings) {
            if !verbose && (finding.status == .pass || finding.status == .skip || finding.status == .manual) {
                hidden[finding.status, default: 0] += 1
                continue
            }
            out += "  " + paint(statusLabel(finding.status), colourFor(finding.status), context)
            out += " " + pad(finding.check, 22)
            let values = finding.measurements.filter { $0.limit != nil }
            if !values.isEmpty {
                out += " " + values.map { "\($0.key)=\(formatNumber($0.value)) [\($0.limit!.passDescription)]" }.joined(separator: " ")
            }
            out += " — " + Words.printable(finding.message.text(context.language), indent: 9) + "\n"
            if let hint = finding.hint {
                out += "         → " + Words.printable(hint.text(context.language), indent: 11) + "\n"
            }
        }
        if !hidden.isEmpty {
            let parts = [(Status.pass, zh ? "项通过" : "passed"), (.manual, zh ? "项需人工确认" : "to check by eye"), (.skip, zh ? "项未检查" : "skipped")]
                .compactMap { status, word in hidden[status].map { "\($0) \(word)" } }
            out += "  " + parts.joined(separator: zh ? "," : ", ") + (zh ? "(--verbose 显示全部)" : " (--verbose shows all)") + "\n"
        }
        return out
    }

    public func summaryLine(_ s: BatchSummary, _ context: ReportContext) -> String {
        context.language == .zh
            ? "共 \(s.photos) 张:通过 \(s.pass),警告 \(s.warn),不合格 \(s.fail),无法读取 \(s.error)"
            : "\(s.photos) photos: \(s.pass) pass, \(s.warn) warn, \(s.fail) fail, \(s.error) error"
    }

    private func verdictLabel(_ v: Verdict, _ zh: Bool) -> String {
        switch v {
        case .pass: zh ? "[通过]" : "[PASS]"
        case .warn: zh ? "[警告]" : "[WARN]"
        case .fail: zh ? "[不合格]" : "[FAIL]"
        case .error: zh ? "[无法读取]" : "[ERROR]"
        }
    }

    private func statusLabel(_ s: Status) -> String {
        switch s {
        case .pass: "pass  "
        case .warn: "warn  "
        case .fail: "FAIL  "
        case .skip: "skip  "
        case .manual: "manual"
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
