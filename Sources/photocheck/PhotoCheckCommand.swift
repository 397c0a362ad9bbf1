import ArgumentParser
import Foundation
import PhotoCheckCore

@main
struct PhotoCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "photocheck",
        abstract: UI.text(
            "Checks ID photos against the CHSI (学信网) standard, clause by clause, offline.",
            "按学信网(CHSI)标准逐条检查证件照,全程离线。"),
        discussion: UI.text(
            "Exit codes: 0 no photo failed, 1 some photo failed, 2 a path could not be read or bad usage.",
            "退出码:0 没有照片不合格,1 有照片不合格,2 路径无法读取或用法错误。"),
        version: PhotoCheckVersion.current,
        subcommands: [CheckCommand.self, FixCommand.self, RulesCommand.self, ProfilesCommand.self, ServeCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// As ParsableCommand's, but bad usage exits with 2 (as documented above), not EX_USAGE (64),
    /// and help and usage errors are in the chosen language (see `UI`).
    static func main() {
        Console.reopenClosedStandardStreams()
        do {
            // The arguments byte for byte: a file name that is not UTF-8 must still name its file.
            var command = try parseAsRoot(Array(RawPath.arguments().dropFirst()))
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = UI.translate(fullMessage(for: error))
            if !message.isEmpty {
                let handle = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                Console.write(message + "\n", to: handle)
            }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Output language: Chinese or English.
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case zh, en

    /// zh when LANG or LC_ALL starts with zh, else en.
    static func fromEnvironment() -> LanguageOption {
        let env = ProcessInfo.processInfo.environment
        for key in ["LC_ALL", "LANG"] {
            if let value = env[key], !value.isEmpty { return value.lowercased().hasPrefix("zh") ? .zh : .en }
        }
        return .en
    }

    var language: Language { self == .zh ? .zh : .en }
}

/// Options shared by the commands that print in a language and use a profile.
struct CommonOptions: ParsableArguments {
    @Option(
        name: .long,
        help: UI.help("Output language: zh or en (default: zh when LANG starts with zh, else en).", "输出语言:zh 或 en(默认:LANG 以 zh 开头时为 zh,否则为 en)。"))
    var lang: LanguageOption?

    @Option(
        name: .long,
        help: UI.help(
            "The standard: a built-in profile (\(Profile.builtInNames.joined(separator: ", ")); see 'photocheck profiles') or a profile file, YAML or JSON (default: chsi-2017).",
            "使用的标准:内置规范(\(Profile.builtInNames.joined(separator: "、")),见 photocheck profiles)或规范文件(YAML 或 JSON)(默认:chsi-2017)。",
            valueName: "name|file"))
    var profile: String?

    /// The chosen profile; a bad one is a message naming the key at fault and exit 2, before any
    /// photo is read.
    func loadProfile() throws -> Profile {
        do {
            return try Profile.load(nameOrPath: profile ?? "chsi-2017")
        } catch let error as ProfileError {
            ReportRun.complain(UI.text("cannot use the profile: ", "无法使用规范:") + error.text(UI.language))
            throw ExitCode(2)
        } catch {
            ReportRun.complain(UI.text("cannot use the profile: ", "无法使用规范:") + "\(error)")
            throw ExitCode(2)
        }
    }

    var language: Language { (lang ?? LanguageOption.fromEnvironment()).language }
}
