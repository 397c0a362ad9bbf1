import ArgumentParser
import Foundation
import PhotoCheckCore

/// The language of the command line's own texts (help, usage errors, `rules`), chosen before
/// parsing: ArgumentParser reads the help texts when it builds the commands, so the language comes
/// from `--lang` as written on the command line, else from LC_ALL or LANG (zh_* gives Chinese).
enum UI {
    static let language: Language = language(arguments: Array(CommandLine.arguments.dropFirst()))

    static func language(arguments: [String]) -> Language {
        for (i, argument) in arguments.enumerated() {
            if argument == "--", i > 0 { break }
            if argument == "--lang", i + 1 < arguments.count, let option = LanguageOption(rawValue: arguments[i + 1]) {
                return option.language
            }
            if argument.hasPrefix("--lang="), let option = LanguageOption(rawValue: String(argument.dropFirst(7))) {
                return option.language
            }
        }
        return LanguageOption.fromEnvironment().language
    }

    /// The text in the command line's language.
    static func text(_ en: String, _ zh: String) -> String {
        language == .zh ? zh : en
    }

    static func help(_ en: String, _ zh: String, valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(text(en, zh), valueName: valueName)
    }

    /// ArgumentParser's own words in help and error texts, in Chinese when the language is zh.
    static func translate(_ message: String) -> String {
        guard language == .zh else { return message }
        var out = message
        for (en, zh) in phrases { out = out.replacingOccurrences(of: en, with: zh) }
        return out
    }

    /// Longest first where one phrase contains another.
    static let phrases: [(String, String)] = [
        ("OVERVIEW:", "简介:"), ("USAGE:", "用法:"), ("ARGUMENTS:", "参数:"), ("OPTIONS:", "选项:"),
        ("SUBCOMMANDS:", "子命令:"), ("Show help information.", "显示帮助信息。"), ("Show the version.", "显示版本号。"),
        ("See 'photocheck help <subcommand>' for detailed help.", "用 'photocheck help <子命令>' 查看某个子命令的帮助。"),
        ("(default: ", "(默认:"), ("; default: ", ";默认:"), (" (default) ", " (默认)    "), ("(values: ", "(可选值:"), ("(values:", "(可选值:"),
        ("Error: ", "错误:"), ("Usage: ", "用法:"), ("Help:  ", "帮助:"),
        ("See 'photocheck check --help' for more information.", "详见 'photocheck check --help'。"),
        ("See 'photocheck rules --help' for more information.", "详见 'photocheck rules --help'。"),
        ("See 'photocheck fix --help' for more information.", "详见 'photocheck fix --help'。"),
        ("See 'photocheck profiles --help' for more information.", "详见 'photocheck profiles --help'。"),
        ("See 'photocheck serve --help' for more information.", "详见 'photocheck serve --help'。"),
        ("See 'photocheck --help' for more information.", "详见 'photocheck --help'。"),
        ("Unknown option ", "未知选项 "), ("Missing value for ", "缺少取值:"), ("Missing expected argument ", "缺少参数 "),
        ("Unexpected argument ", "多余的参数 "), ("Unexpected extra value ", "多余的取值 "),
        ("is not a valid value for", "不是有效的取值,选项"), ("The value ", "取值 "), (" is invalid for ", " 无效,选项 "),
        ("Please provide one of the following:", "请从以下取值中选择一个:"), (". Did you mean ", "。是不是要用 "), ("'. ", "'。"),
    ]
}
