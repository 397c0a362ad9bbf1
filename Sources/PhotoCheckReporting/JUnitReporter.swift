import PhotoCheckModel

/// JUnit XML for CI: one `testcase` per photo. A failing photo carries one `failure` whose message
/// names the failed checks and whose body gives each with its clause and message; an unreadable file
/// is an `error`; warnings go to `system-out` (and fail the case with `--strict`). Every text and
/// attribute is escaped, and characters XML 1.0 forbids become U+FFFD.
public struct JUnitReporter: Reporter {
    public init() {}

    public var needsTallyFirst: Bool { true }

    public func header(_ tally: BatchTally?, _ context: ReportContext) -> String {
        let listed = tally?.listed ?? [:]
        let tests = listed.values.reduce(0, +)
        let failures = listed[.fail, default: 0], errors = listed[.error, default: 0]
        let counts = "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\""
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"photocheck\" \(counts)>\n"
            + "  <testsuite name=\"\(Self.escape(context.profile.name))\" \(counts)>\n"
    }

    public func photo(_ report: PhotoReport, _ context: ReportContext) -> String {
        let lang = context.language
        var out = "    <testcase classname=\"photocheck.\(Self.escape(context.profile.name))\" name=\"\(Self.escape(report.path))\""
        if let error = report.error {
            let hint = error.hint.map { " → " + $0.text(lang) } ?? ""
            return out + ">\n      <error message=\"\(Self.escape(error.message.text(lang)))\" type=\"unreadable\">"
                + Self.escape(error.message.text(lang) + hint) + "</error>\n    </testcase>\n"
        }
        let failed = report.findings.filter { $0.status == .fail }
        let warned = report.findings.filter { $0.status == .warn }
        let failedAsCase = context.strict ? failed + warned : failed
        if failedAsCase.isEmpty && warned.isEmpty { return out + "/>\n" }
        out += ">\n"
        if !failedAsCase.isEmpty {
            let ids = failedAsCase.map(\.check).joined(separator: ", ")
            let message = lang == .zh ? "\(failedAsCase.count) 项不合格:\(ids)" : "\(failedAsCase.count) failed: \(ids)"
            out += "      <failure message=\"\(Self.escape(message))\" type=\"\(failed.isEmpty ? "warn" : "fail")\">"
            out += Self.escape(failedAsCase.map { line($0, lang) }.joined(separator: "\n")) + "</failure>\n"
        }
        if !warned.isEmpty && !context.strict {
            out += "      <system-out>" + Self.escape(warned.map { line($0, lang) }.joined(separator: "\n")) + "</system-out>\n"
        }
        return out + "    </testcase>\n"
    }

    public func footer(_ tally: BatchTally, _ context: ReportContext) -> String {
        "  </testsuite>\n</testsuites>\n"
    }

    private func line(_ f: Finding, _ lang: Language) -> String {
        var text = "[\(f.status.rawValue)] \(f.check) (\(f.clause)): \(f.message.text(lang))"
        if let hint = f.hint { text += " → " + hint.text(lang) }
        return text
    }

    /// Text safe in XML content and in double- or single-quoted attributes.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += "&#9;"  // as character references, so attributes keep them too
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default:
                let v = scalar.value
                let allowed = (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
