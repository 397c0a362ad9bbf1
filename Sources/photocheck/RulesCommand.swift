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
        let zh = lang == .zh
        var out = "\(profile.name): \(profile.title.text(lang))\n"
        out += "    " + ProfilesCommand.facts(profile, lang) + "\n\n"
        for check in profile.checks {
            guard let d = CheckCatalogue.description(of: check) else { continue }
            let implemented = RuleRegistry.rule(for: check) != nil
            out +=
                "\(check.padding(toLength: 24, withPad: " ", startingAt: 0)) \(profile.clause(for: check, default: d.clause))  \(d.title.text(lang))"
            if !implemented { out += zh ? "  (尚未实现)" : "  (not implemented yet)" }
            out += "\n    \(d.summary.text(lang))\n"
            let keys = profile.limits.keys.filter { $0 == check || $0.hasPrefix(check + ".") }.sorted()
            for key in keys {
                guard let limit = profile.limits[key] else { continue }
                var text = (key == check ? "" : String(key.dropFirst(check.count + 1)) + " ") + (zh ? "通过 " : "pass ") + Self.exact(limit.pass)
                if let warn = limit.warn { text += (zh ? ",警告 " : ", warn ") + Self.exact(warn) }
                text += zh ? (limit.beyond == .fail ? ",其余不合格" : ",其余警告") : (limit.beyond == .fail ? ", else fail" : ", else warn")
                if let source = profile.sources[key] {
                    let clause = source.clause.isEmpty ? "" : ", \(source.clause(lang))"
                    text += zh ? "  〔来源:\(source.document)\(clause)〕" : "  [source: \(source.document)\(clause)]"
                }
                out += "    \(text)\n"
            }
        }
        let cited = Set(profile.sources.values.map(\.document))
        let documents = profile.documents.filter { cited.contains($0.key) }.sorted { $0.key < $1.key }
        if !documents.isEmpty {
            out += zh ? "\n来源文件:\n" : "\nSources:\n"
            for (key, title) in documents { out += "    \(key): \(profile.documentTitle(key, lang) ?? title)\n" }
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

extension RulesCommand {
    /// A band with the profile's own numbers ("159.3–265.5"), not rounded as messages round them.
    static func exact(_ band: Limit.Band) -> String {
        func show(_ x: Double) -> String { formatNumber(x, digits: 3) }
        switch (band.min, band.max) {
        case let (lo?, hi?) where lo == hi: return show(lo)
        case let (lo?, hi?): return "\(show(lo))–\(show(hi))"
        case let (lo?, nil): return "≥ \(show(lo))"
        case let (nil, hi?): return "≤ \(show(hi))"
        case (nil, nil): return "any"
        }
    }
}

struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: UI.text(
            "List the built-in profiles (the standards photocheck knows) with their size, resolution and backdrop.",
            "列出内置规范(photocheck 支持的标准):尺寸、分辨率和背景色。"))

    @Option(
        name: .long,
        help: UI.help("Output language: zh or en (default: zh when LANG starts with zh, else en).", "输出语言:zh 或 en(默认:LANG 以 zh 开头时为 zh,否则为 en)。"))
    var lang: LanguageOption?

    func run() throws {
        let lang = (lang ?? LanguageOption.fromEnvironment()).language
        let zh = lang == .zh
        var out = ""
        for name in Profile.builtInNames {
            let profile: Profile
            do {
                profile = try Profile.builtIn(named: name)
            } catch {
                ReportRun.complain("\(error)")
                throw ExitCode(2)
            }
            let mark = name == "chsi-2017" ? (zh ? "(默认)" : " (default)") : ""
            out += "\(name)\(mark)  \(profile.title.text(lang))\n    \(Self.facts(profile, lang))\n"
        }
        out +=
            zh
            ? "\n用法:photocheck --profile 名称 照片…;或写一个 YAML/JSON 文件,以 extends: 名称 开头,只写与之不同的项。\n"
            : "\nUse: photocheck --profile NAME photo…; or a YAML/JSON file that starts with extends: NAME and names only what differs.\n"
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(out.utf8))
        } catch {
            ReportRun.complain("cannot write the list of profiles: \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }

    /// "480×640 px, 300 dpi, 30–60 KB; backdrop light blue RGB(100,197,255); 44 checks".
    static func facts(_ profile: Profile, _ lang: Language) -> String {
        let zh = lang == .zh
        var parts: [String] = []
        let size = "\(profile.width)×\(profile.height)"
        parts.append(
            profile.sizeMatch == .exact ? (zh ? "\(size) 像素" : "\(size) px") : (zh ? "至少 \(size) 像素(同宽高比)" : "at least \(size) px (same aspect)"))
        if let dpi = profile.dpi { parts.append("\(dpi) dpi") }
        if let band = profile.limits["file.size"]?.pass, profile.checks.contains("file.size") { parts.append(RulesCommand.exact(band) + " KB") }
        let colours = profile.backgrounds.map { "\($0.name.text(lang)) \($0.rgbText)" }.joined(separator: zh ? "、" : ", ")
        let backdrop = zh ? "背景 \(colours)" : "backdrop \(colours)"
        let count = zh ? "\(profile.checks.count) 项检查" : "\(profile.checks.count) checks"
        let base = profile.extends.map { zh ? ";基于 \($0)" : "; based on \($0)" } ?? ""
        return parts.joined(separator: zh ? "," : ", ") + (zh ? ";" : "; ") + backdrop + (zh ? ";" : "; ") + count + base
    }
}
