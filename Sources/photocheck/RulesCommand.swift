import ArgumentParser
import Foundation
import PhotoCheckCore

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: UI.text(
            "List every check of the profile with its clause, limits and what it measures.", "列出规范的每一项检查:条款、限值和测量内容。"))

    @OptionGroup var common: CommonOptions

    func run() throws {
        let profile = try common.loadProfile()
        let lang = common.language
        var out = "\(profile.name): \(profile.title.text(lang))\n\n"
        for check in profile.checks {
            guard let d = CheckCatalogue.description(of: check) else { continue }
            let implemented = RuleRegistry.rule(for: check) != nil
            let limits = profile.limits.filter { $0.key == check || $0.key.hasPrefix(check + ".") }
                .sorted { $0.key < $1.key }
                .map { key, limit in
                    let zh = lang == .zh
                    var text = (key == check ? "" : String(key.dropFirst(check.count + 1)) + " ") + (zh ? "通过 " : "pass ") + limit.passDescription
                    if let warn = limit.warn { text += (zh ? ",警告 " : ", warn ") + Limit.describe(warn) }
                    return text
                }
            out += "\(check.padding(toLength: 24, withPad: " ", startingAt: 0)) \(d.clause)  \(d.title.text(lang))"
            if !implemented { out += lang == .zh ? "  (尚未实现)" : "  (not implemented yet)" }
            out += "\n    \(d.summary.text(lang))\n"
            if !limits.isEmpty { out += "    " + limits.joined(separator: lang == .zh ? ";" : "; ") + "\n" }
        }
        // The throwing write: the plain one traps on a full disk or a closed pipe (/dev/full: exit 132).
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(out.utf8))
        } catch {
            ReportRun.complain("cannot write the list of checks: \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}
