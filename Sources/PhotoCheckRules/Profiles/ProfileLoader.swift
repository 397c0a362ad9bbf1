import Foundation
import PhotoCheckModel
import Yams

/// Reads profiles: the built-in ones (JSON compiled into the binary) and users' files (YAML or
/// JSON). A file names the built-in profile it `extends` and overrides only what it names; without
/// `extends` it must be complete. Every key is known or the file is refused with that key's name;
/// the result is validated against the rule registry (`validate`).
public enum ProfileLoader {
    public enum Format: Sendable {
        case json, yaml
    }

    /// A profile file is a few KB (every limit of every check written out is under 20 KB);
    /// anything larger is not one, and is refused before it is parsed.
    static let maxFileBytes = 64 * 1024

    /// A profile file by path: `.json` (or text starting with `{`) is JSON, anything else YAML.
    public static func load(path: String) throws -> Profile {
        let origin = (path as NSString).lastPathComponent
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw ProfileError(
                origin: path, key: "",
                problem: Localized(
                    zh: "找不到规范文件(也不是内置规范的名字:\(Profile.builtInNames.joined(separator: "、")))",
                    en: "no such file (nor a built-in profile: \(Profile.builtInNames.joined(separator: ", ")))"))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw ProfileError(origin: path, key: "", problem: Localized(zh: "不是普通文件", en: "not a regular file"))
        }
        guard Int(status.st_size) <= maxFileBytes else {
            throw ProfileError(origin: path, key: "", problem: Localized(zh: "文件太大,不是规范文件", en: "too large to be a profile file"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProfileError(origin: path, key: "", problem: Localized(zh: "无法读取文件", en: "cannot be read"))
        }
        let isJSON = path.lowercased().hasSuffix(".json") || data.first(where: { !Set(" \t\r\n".utf8).contains($0) }) == UInt8(ascii: "{")
        return try load(data: data, format: isJSON ? .json : .yaml, origin: origin)
    }

    /// A profile from a file's bytes; `origin` names it in errors and in the sources of the limits
    /// it sets.
    public static func load(data: Data, format: Format, origin: String) throws -> Profile {
        try build(tree(data, format: format, origin: origin), origin: origin, base: { name throws(ProfileError) in try builtIn(name) })
    }

    // MARK: Built-in profiles

    /// The built-in profiles, parsed once, in order: each may extend one listed before it.
    private static let builtIns: [String: Result<Profile, ProfileError>] = {
        var done: [String: Result<Profile, ProfileError>] = [:]
        for name in BuiltInProfiles.names {
            let origin = "built-in profile \(name)"
            do {
                let tree = try tree(Data((BuiltInProfiles.json[name] ?? "").utf8), format: .json, origin: origin)
                let profile = try build(tree, origin: origin) { base throws(ProfileError) in
                    guard let made = done[base] else {
                        throw ProfileError(
                            origin: origin, key: "extends", problem: Localized(zh: "未知的内置规范 \(base)", en: "unknown built-in profile '\(base)'"))
                    }
                    return try made.get()
                }
                done[name] = .success(profile)
            } catch let error as ProfileError {
                done[name] = .failure(error)
            } catch {
                done[name] = .failure(ProfileError(origin: origin, key: "", problem: Localized(zh: "\(error)", en: "\(error)")))
            }
        }
        return done
    }()

    package static func builtIn(_ name: String) throws(ProfileError) -> Profile {
        guard let made = builtIns[name] else {
            throw ProfileError(
                origin: name, key: "",
                problem: Localized(
                    zh: "没有这个内置规范(内置:\(Profile.builtInNames.joined(separator: "、")))",
                    en: "no such built-in profile (built in: \(Profile.builtInNames.joined(separator: ", ")))"))
        }
        return try made.get()
    }

    // MARK: Text to tree

    static func tree(_ data: Data, format: Format, origin: String) throws(ProfileError) -> [String: Any] {
        guard data.count <= maxFileBytes else {
            throw ProfileError(origin: origin, key: "", problem: Localized(zh: "文件太大,不是规范文件", en: "too large to be a profile file"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ProfileError(origin: origin, key: "", problem: Localized(zh: "文件不是 UTF-8 文本", en: "the file is not UTF-8 text"))
        }
        let parsed: Any?
        switch format {
        case .json:
            do {
                parsed = try JSONSerialization.jsonObject(with: Data(text.utf8))
            } catch {
                throw ProfileError(
                    origin: origin, key: "",
                    problem: Localized(zh: "不是有效的 JSON:\(error.localizedDescription)", en: "not valid JSON: \(error.localizedDescription)"))
            }
        case .yaml:
            // Anchors, aliases, deep nesting and syntax errors are refused on libyaml's events
            // before Yams builds anything (an alias bomb expands exponentially as it is built).
            try YAMLGate.check(Array(data), origin: origin)
            do {
                parsed = try Yams.load(yaml: text, .default, yamlConstructor)
            } catch {
                throw ProfileError(
                    origin: origin, key: "",
                    problem: Localized(zh: "不是有效的 YAML:\(shortened("\(error)"))", en: "not valid YAML: \(shortened("\(error)"))"))
            }
        }
        guard let parsed, let top = try mapping(parsed, "", origin) else {
            throw ProfileError(
                origin: origin, key: "", problem: Localized(zh: "文件应是一个映射(键: 值)", en: "the file must be a mapping of keys to values"))
        }
        return top
    }

    /// A whole number written out in a profile that no Int holds (`height: 99999999999999999999`):
    /// Yams would make it text, which would then be reported as "not a number".
    struct TooLargeNumber {
        let text: String

        /// The number as written, its first 20 characters and how many digits when longer.
        var excerpt: String {
            text.count > 24 ? "\(text.prefix(20))… (\(text.count) digits)" : text
        }
    }

    /// Yams' own constructor, but for integers too large for an Int.
    private static var yamlConstructor: Constructor {
        var scalars = Constructor.defaultScalarMap
        scalars[.int] = { scalar in Int.construct(from: scalar) ?? TooLargeNumber(text: scalar.string) }
        return Constructor(scalars)
    }

    /// A library's message cut to a few short lines (Yams quotes the whole line it stopped on).
    static func shortened(_ message: String, lines: Int = 3, width: Int = 100) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: true).prefix(lines)
            .map { $0.count > width ? $0.prefix(width) + "…" : String($0) }
            .joined(separator: " ")
    }

    /// A JSON object or YAML mapping with text keys, or nil for anything else.
    private static func mapping(_ value: Any, _ key: String, _ origin: String) throws(ProfileError) -> [String: Any]? {
        if let map = value as? [String: Any] { return map }
        guard let map = value as? [AnyHashable: Any] else { return nil }
        var out: [String: Any] = [:]
        for (k, v) in map {
            guard let name = k.base as? String else {
                throw ProfileError(origin: origin, key: join(key, "\(k)"), problem: Localized(zh: "键必须是文字", en: "a key must be text"))
            }
            out[name] = v
        }
        return out
    }

    // MARK: Tree to profile

    static let topKeys: Set<String> = [
        "name", "title", "extends", "width", "height", "size_match", "background", "checks", "limits", "parameters", "notes",
        "documents",
    ]

    /// The profile a tree describes, on top of the profile it extends.
    static func build(_ tree: [String: Any], origin: String, base: (String) throws(ProfileError) -> Profile) throws(ProfileError) -> Profile {
        var r = Reader(origin: origin)
        try r.known(tree, topKeys, at: "")
        var profile: Profile
        if let extends = tree["extends"] {
            let baseName = try r.string(extends, at: "extends")
            do {
                profile = try base(baseName)
            } catch {
                throw ProfileError(origin: origin, key: "extends", problem: error.problem)
            }
            profile.extends = baseName
            profile.name = (origin as NSString).deletingPathExtension
            profile.notes = profile.notes ?? [:]
        } else {
            for key in ["name", "title", "width", "height", "background", "checks", "limits"] where tree[key] == nil {
                throw ProfileError(
                    origin: origin, key: key,
                    problem: Localized(zh: "缺少此项(没有 extends 时规范必须完整)", en: "missing (a profile without 'extends' must be complete)"))
            }
            profile = Profile(name: "", title: Localized(zh: "", en: ""), width: 0, height: 0, backgrounds: [], checks: [], limits: [:])
        }
        if let v = tree["name"] { profile.name = try r.string(v, at: "name") }
        if let v = tree["title"] { profile.title = try r.localized(v, at: "title") }
        let frame = (width: profile.width, height: profile.height)
        if let v = tree["width"] { profile.width = try r.integer(v, at: "width", 1...20000) }
        if let v = tree["height"] { profile.height = try r.integer(v, at: "height", 1...20000) }
        if tree["extends"] != nil, frame != (profile.width, profile.height) {
            // The inherited geometry limits are pixels of the base's frame: carry them to the new
            // frame, so a file that only changes the size keeps the same proportions.
            for (key, limit) in profile.limits {
                switch RuleRegistry.limitSpecs[key]?.scale {
                case .frameWidth: profile.limits[key] = limit.rescaled(from: frame.width, to: profile.width)
                case .frameHeight: profile.limits[key] = limit.rescaled(from: frame.height, to: profile.height)
                default: break
                }
            }
        }
        if let v = tree["size_match"] {
            let text = try r.string(v, at: "size_match")
            guard let match = Profile.SizeMatch(rawValue: text) else {
                throw r.error("size_match", zh: "应为 exact 或 at_least,而不是 \(text)", en: "must be exact or at_least, not '\(text)'")
            }
            profile.sizeMatch = match
        }
        if let v = tree["background"] { profile.backgrounds = try r.backgrounds(v) }
        if let v = tree["checks"] {
            profile.checks = try r.list(v, at: "checks").enumerated().map { i, c throws(ProfileError) in try r.string(c, at: "checks[\(i)]") }
        }
        if let v = tree["documents"] {
            for (key, value) in try r.map(v, at: "documents") {
                if value is String {
                    profile.documents[key] = try r.string(value, at: "documents.\(key)")
                    profile.documentTitles[key] = nil
                } else {
                    let title = try r.localized(value, at: "documents.\(key)")
                    profile.documents[key] = title.en
                    profile.documentTitles[key] = title
                }
            }
        }
        if let v = tree["notes"] {
            var notes = profile.notes ?? [:]
            for (key, value) in try r.map(v, at: "notes") { notes[key] = try r.string(value, at: "notes.\(key)") }
            profile.notes = notes
        }
        if let v = tree["parameters"] {
            for (key, value) in try r.map(v, at: "parameters") {
                if value is NSNull { profile.parameters[key] = nil } else { profile.parameters[key] = try r.number(value, at: "parameters.\(key)") }
            }
        }
        if let v = tree["limits"] {
            for (key, value) in try r.map(v, at: "limits").sorted(by: { $0.key < $1.key }) {
                let at = "limits.\(key)"
                if value is NSNull {
                    profile.limits[key] = nil
                    profile.sources[key] = nil
                    continue
                }
                guard let entry = try mapping(value, at, origin) else {
                    throw r.error(at, zh: "应为映射(pass、warn、beyond、source)", en: "must be a mapping (pass, warn, beyond, source)")
                }
                try r.known(entry, ["pass", "warn", "beyond", "source"], at: at)
                let existing = profile.limits[key]
                guard existing != nil || entry["pass"] != nil else {
                    throw r.error("\(at).pass", zh: "缺少通过区间", en: "missing: a new limit needs its pass band")
                }
                var limit = existing ?? Limit(pass: Limit.Band())
                if let p = entry["pass"] { limit.pass = try r.band(p, at: "\(at).pass") }
                if let w = entry["warn"] { limit.warn = w is NSNull ? nil : try r.band(w, at: "\(at).warn") }
                if let b = entry["beyond"] {
                    let text = try r.string(b, at: "\(at).beyond")
                    guard let status = Status(rawValue: text), status == .fail || status == .warn else {
                        throw r.error("\(at).beyond", zh: "应为 fail 或 warn,而不是 \(text)", en: "must be fail or warn, not '\(text)'")
                    }
                    limit.beyond = status
                }
                profile.limits[key] = limit
                if let s = entry["source"] {
                    profile.sources[key] = try r.source(s, at: "\(at).source")
                } else if entry["pass"] != nil || entry["warn"] != nil || entry["beyond"] != nil {
                    // Set here without a source: the file itself is where it comes from.
                    profile.sources[key] = LimitSource(document: origin, clause: "")
                }
            }
        }
        try validate(profile, origin: origin)
        return profile
    }

    /// Reads typed values out of the tree, with errors that name the key.
    struct Reader {
        let origin: String

        func error(_ key: String, zh: String, en: String) -> ProfileError {
            ProfileError(origin: origin, key: key, problem: Localized(zh: zh, en: en))
        }

        func known(_ map: [String: Any], _ keys: Set<String>, at: String) throws(ProfileError) {
            if let unknown = map.keys.sorted().first(where: { !keys.contains($0) }) {
                throw error(
                    join(at, unknown), zh: "未知的键(可用:\(keys.sorted().joined(separator: "、")))",
                    en: "unknown key (known here: \(keys.sorted().joined(separator: ", ")))")
            }
        }

        func map(_ value: Any, at: String) throws(ProfileError) -> [String: Any] {
            guard let map = try mapping(value, at, origin) else { throw error(at, zh: "应为映射", en: "must be a mapping") }
            return map
        }

        func list(_ value: Any, at: String) throws(ProfileError) -> [Any] {
            guard let list = value as? [Any] else { throw error(at, zh: "应为列表", en: "must be a list") }
            return list
        }

        func string(_ value: Any, at: String) throws(ProfileError) -> String {
            guard let text = value as? String else { throw error(at, zh: "应为文字", en: "must be text") }
            return text
        }

        func number(_ value: Any, at: String) throws(ProfileError) -> Double {
            if let big = value as? TooLargeNumber {
                throw error(at, zh: "数字 \(big.excerpt) 太大", en: "the number \(big.excerpt) is too large")
            }
            if value is String || value is Bool && !(value is NSNumber) {
                throw error(at, zh: "应为数字", en: "must be a number")
            }
            let number: Double
            if let n = value as? NSNumber {
                number = n.doubleValue
            } else if let d = value as? Double {
                number = d
            } else if let i = value as? Int {
                number = Double(i)
            } else {
                throw error(at, zh: "应为数字", en: "must be a number")
            }
            guard number.isFinite else { throw error(at, zh: "应为有限的数字", en: "must be a finite number") }
            return number
        }

        func integer(_ value: Any, at: String, _ range: ClosedRange<Int>) throws(ProfileError) -> Int {
            if let big = value as? TooLargeNumber {
                throw error(
                    at, zh: "应为 \(range.lowerBound)–\(range.upperBound) 之间的整数,\(big.excerpt) 太大",
                    en: "must be a whole number from \(range.lowerBound) to \(range.upperBound); \(big.excerpt) is far too large")
            }
            let number = try self.number(value, at: at)
            guard number == number.rounded(), number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
                throw error(
                    at, zh: "应为 \(range.lowerBound)–\(range.upperBound) 之间的整数,而不是 \(formatNumber(number))",
                    en: "must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(formatNumber(number))")
            }
            return Int(number)
        }

        func localized(_ value: Any, at: String) throws(ProfileError) -> Localized {
            if let text = value as? String { return Localized(zh: text, en: text) }
            let map = try self.map(value, at: at)
            try known(map, ["zh", "en"], at: at)
            guard let zh = map["zh"], let en = map["en"] else { throw error(at, zh: "需要 zh 和 en", en: "needs both zh and en") }
            return Localized(zh: try string(zh, at: "\(at).zh"), en: try string(en, at: "\(at).en"))
        }

        func band(_ value: Any, at: String) throws(ProfileError) -> Limit.Band {
            let map = try self.map(value, at: at)
            try known(map, ["min", "max"], at: at)
            func bound(_ key: String) throws(ProfileError) -> Double? {
                guard let v = map[key], !(v is NSNull) else { return nil }
                return try number(v, at: "\(at).\(key)")
            }
            return Limit.Band(min: try bound("min"), max: try bound("max"))
        }

        func source(_ value: Any, at: String) throws(ProfileError) -> LimitSource {
            if let clause = value as? String { return LimitSource(document: origin, clause: clause) }
            let map = try self.map(value, at: at)
            try known(map, ["document", "clause"], at: at)
            let document = try map["document"].map { v throws(ProfileError) in try string(v, at: "\(at).document") } ?? origin
            guard let clause = map["clause"] else { return LimitSource(document: document, clause: "") }
            if clause is String { return LimitSource(document: document, clause: try string(clause, at: "\(at).clause")) }
            let both = try localized(clause, at: "\(at).clause")
            return LimitSource(document: document, clause: both.en, translation: both)
        }

        /// `[100, 197, 255]`, or a list of `{rgb: [r, g, b], name: {zh, en}}`.
        func backgrounds(_ value: Any) throws(ProfileError) -> [BackgroundReference] {
            let items = try list(value, at: "background")
            func rgb(_ v: Any, at: String) throws(ProfileError) -> [Int] {
                let channels = try list(v, at: at)
                guard channels.count == 3 else { throw error(at, zh: "应为 3 个数 [R, G, B]", en: "must be three numbers [R, G, B]") }
                return try channels.enumerated().map { i, c throws(ProfileError) in try integer(c, at: "\(at)[\(i)]", 0...255) }
            }
            let scalars = items.allSatisfy { !($0 is [Any]) && !($0 is [String: Any]) && !($0 is [AnyHashable: Any]) }
            if !items.isEmpty && scalars {
                let c = try rgb(items, at: "background")
                return [BackgroundReference(c[0], c[1], c[2], name: Localized(zh: "色", en: "colour"))]
            }
            guard !items.isEmpty else { throw error("background", zh: "至少需要一种背景色", en: "needs at least one colour") }
            return try items.enumerated().map { i, item throws(ProfileError) in
                let at = "background[\(i)]"
                let map = try self.map(item, at: at)
                try known(map, ["rgb", "name"], at: at)
                guard let channels = map["rgb"] else { throw error("\(at).rgb", zh: "缺少此项", en: "missing") }
                let c = try rgb(channels, at: "\(at).rgb")
                let name = try map["name"].map { v throws(ProfileError) in try localized(v, at: "\(at).name") } ?? Localized(zh: "色", en: "colour")
                return BackgroundReference(c[0], c[1], c[2], name: name)
            }
        }
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    // MARK: Validation

    /// Checks a profile against the rule registry: known checks, each with every limit its rule
    /// reads; known limits and parameters; possible values (finite, in the range the rule
    /// declares, min ≤ max, the warn band around the pass band).
    public static func validate(_ profile: Profile, origin: String) throws(ProfileError) {
        let r = Reader(origin: origin)
        guard !profile.name.isEmpty else { throw r.error("name", zh: "不能为空", en: "must not be empty") }
        guard (1...20000).contains(profile.width), (1...20000).contains(profile.height) else {
            throw r.error("width", zh: "尺寸应在 1–20000 像素之间", en: "the size must be 1–20000 px")
        }
        guard !profile.backgrounds.isEmpty else { throw r.error("background", zh: "至少需要一种背景色", en: "needs at least one colour") }
        guard !profile.checks.isEmpty else { throw r.error("checks", zh: "至少需要一项检查", en: "needs at least one check") }
        var seen = Set<CheckID>()
        for (i, check) in profile.checks.enumerated() {
            guard RuleRegistry.rule(for: check) != nil else {
                throw r.error(
                    "checks[\(i)]", zh: "未知的检查 \(check)(photocheck rules 列出全部检查)", en: "unknown check id '\(check)' (photocheck rules lists them)")
            }
            guard seen.insert(check).inserted else { throw r.error("checks[\(i)]", zh: "\(check) 重复", en: "'\(check)' is listed twice") }
        }
        for check in profile.checks {
            guard let rule = RuleRegistry.rule(for: check) else { continue }
            for spec in type(of: rule).limits where profile.limits[spec.key] == nil {
                throw r.error("limits.\(spec.key)", zh: "缺少此限值(检查 \(check) 需要它)", en: "missing (the check \(check) reads it)")
            }
        }
        for key in profile.limits.keys.sorted() {
            guard let spec = RuleRegistry.limitSpecs[key], let limit = profile.limits[key] else {
                throw r.error("limits.\(key)", zh: "未知的限值", en: "unknown limit")
            }
            try check(limit, spec: spec, profile: profile, reader: r)
        }
        for key in profile.parameters.keys.sorted() {
            guard let spec = RuleRegistry.parameterSpecs[key], let value = profile.parameters[key] else {
                throw r.error("parameters.\(key)", zh: "未知的参数", en: "unknown parameter")
            }
            guard value.isFinite, spec.range.contains(value) else {
                throw r.error(
                    "parameters.\(key)",
                    zh: "应在 \(formatNumber(spec.range.lowerBound))–\(formatNumber(spec.range.upperBound)) 之间,而不是 \(formatNumber(value))",
                    en: "must be from \(formatNumber(spec.range.lowerBound)) to \(formatNumber(spec.range.upperBound)), not \(formatNumber(value))")
            }
        }
    }

    private static func check(_ limit: Limit, spec: LimitSpec, profile: Profile, reader r: Reader) throws(ProfileError) {
        let at = "limits.\(spec.key)"
        let range = spec.range(width: profile.width, height: profile.height)
        func bounds(_ band: Limit.Band, _ name: String) throws(ProfileError) {
            for (bound, value) in [("min", band.min), ("max", band.max)] {
                guard let value else { continue }
                guard value.isFinite, range.contains(value) else {
                    let lo = formatNumber(range.lowerBound), hi = formatNumber(range.upperBound)
                    throw r.error(
                        "\(at).\(name).\(bound)", zh: "应在 \(lo)–\(hi) 之间,而不是 \(formatNumber(value))",
                        en: "must be from \(lo) to \(hi), not \(formatNumber(value))")
                }
            }
            if let lo = band.min, let hi = band.max, lo > hi {
                throw r.error(
                    "\(at).\(name)", zh: "min \(formatNumber(lo)) 大于 max \(formatNumber(hi))",
                    en: "min \(formatNumber(lo)) is greater than max \(formatNumber(hi))")
            }
        }
        guard limit.pass.min != nil || limit.pass.max != nil else {
            throw r.error("\(at).pass", zh: "通过区间至少要有 min 或 max", en: "the pass band needs a min or a max")
        }
        try bounds(limit.pass, "pass")
        if let warn = limit.warn {
            try bounds(warn, "warn")
            let outside =
                (warn.min.map { lo in limit.pass.min.map { $0 < lo } ?? true } ?? false)
                || (warn.max.map { hi in limit.pass.max.map { $0 > hi } ?? true } ?? false)
            if outside {
                throw r.error("\(at).warn", zh: "警告区间应包含通过区间", en: "the warn band must contain the pass band")
            }
        }
        guard limit.beyond == .fail || limit.beyond == .warn else {
            throw r.error("\(at).beyond", zh: "应为 fail 或 warn", en: "must be fail or warn")
        }
    }
}
