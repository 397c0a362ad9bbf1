internal import CYaml
import Foundation
import PhotoCheckModel

/// What a YAML profile file must get past before Yams builds a value from it, read as libyaml's
/// event stream (linear in the file's size, nothing built): no anchor (`&a`) and no alias (`*a`),
/// which a profile never needs and which let a few hundred bytes expand into billions of values
/// (an alias bomb); at most `maxDepth` levels of nesting; and well-formed YAML, a syntax error
/// quoting at most a short excerpt of its line.
enum YAMLGate {
    /// The deepest a profile nests is 4 (`limits.<key>.pass.min`, `background[0].name.zh`).
    static let maxDepth = 16

    static func check(_ bytes: [UInt8], origin: String) throws(ProfileError) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw ProfileError(origin: origin, key: "", problem: Localized(zh: "无法读取 YAML", en: "the YAML cannot be read"))
        }
        defer { yaml_parser_delete(&parser) }
        let found: ProfileError? = bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return syntaxError(parser, bytes: buffer, origin: origin)
                }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                let anchored: Bool
                switch event.type {
                case YAML_ALIAS_EVENT:
                    return ProfileError(
                        origin: origin, key: "",
                        problem: Localized(
                            zh: "第 \(line) 行:规范文件不能使用别名(*名字)或锚点(&名字):请把值直接写出来",
                            en: "line \(line): a profile file may not use aliases (*name) or anchors (&name): write the value out"))
                case YAML_SCALAR_EVENT:
                    anchored = event.data.scalar.anchor != nil
                case YAML_SEQUENCE_START_EVENT:
                    anchored = event.data.sequence_start.anchor != nil
                    depth += 1
                case YAML_MAPPING_START_EVENT:
                    anchored = event.data.mapping_start.anchor != nil
                    depth += 1
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                    anchored = false
                case YAML_STREAM_END_EVENT:
                    return nil
                default:
                    anchored = false
                }
                if anchored {
                    return ProfileError(
                        origin: origin, key: "",
                        problem: Localized(
                            zh: "第 \(line) 行:规范文件不能使用锚点(&名字)或别名(*名字):请把值直接写出来",
                            en: "line \(line): a profile file may not use anchors (&name) or aliases (*name): write the value out"))
                }
                if depth > maxDepth { return tooDeep(line: line, origin: origin) }
            }
        }
        if let found { throw found }
    }

    private static func tooDeep(line: Int, origin: String) -> ProfileError {
        ProfileError(
            origin: origin, key: "",
            problem: Localized(
                zh: "第 \(line) 行:嵌套超过 \(maxDepth) 层,规范文件不会这样写",
                en: "line \(line): nested more than \(maxDepth) levels deep, which no profile is"))
    }

    /// libyaml's complaint, where it is, and at most a short excerpt of that line.
    private static func syntaxError(_ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>, origin: String) -> ProfileError {
        let problem = parser.problem.map { String(cString: $0) } ?? "syntax error"
        let context = parser.context.map { String(cString: $0) }
        let mark = parser.problem_mark
        let line = Int(mark.line) + 1, column = Int(mark.column) + 1
        // libyaml's scanner stops deep flow collections ("[[[[…") before the events reach our
        // own limit.
        if problem.hasPrefix("Maximum nesting level") { return tooDeep(line: line, origin: origin) }
        let what = context.map { "\(problem) (\($0))" } ?? problem
        let near = excerpt(bytes, offset: Int(mark.index))
        let quoted = near.isEmpty ? "" : " near '\(near)'"
        let quotedZh = near.isEmpty ? "" : ",附近:'\(near)'"
        return ProfileError(
            origin: origin, key: "",
            problem: Localized(
                zh: "不是有效的 YAML,第 \(line) 行第 \(column) 列:\(what)\(quotedZh)",
                en: "not valid YAML, line \(line), column \(column): \(what)\(quoted)"))
    }

    /// At most `width` characters of the line around byte `offset`, with … where it is cut.
    static func excerpt(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int, width: Int = 40) -> String {
        guard !bytes.isEmpty else { return "" }
        let at = min(max(0, offset), bytes.count - 1)
        var start = at, end = at
        while start > 0, bytes[start - 1] != 0x0A, at - start < width / 2 { start -= 1 }
        while end < bytes.count, bytes[end] != 0x0A, end - start < width { end += 1 }
        // Whole UTF-8 characters only.
        while start < end, bytes[start] & 0xC0 == 0x80 { start += 1 }
        while end < bytes.count, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return "" }
        if start > 0, bytes[start - 1] != 0x0A { text = "…" + text }
        if end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { text += "…" }
        return text
    }
}
