import ArgumentParser
import Foundation
import PhotoCheckCore

/// Output format of the check command.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check photos (files or folders, walked recursively) against the standard.")

    @Argument(help: ArgumentHelp("Photo files or folders.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Count warnings as failures (exit code 1 when any photo warns).")
    var strict = false

    @Flag(name: .shortAndLong, help: "Text output: list passing and skipped checks too.")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp("Judge the capture date against this graduation day (YYYY-MM-DD; default today).", valueName: "date"))
    var graduationDate: String?

    @Option(name: .long, help: "Number of photos checked at once (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Also write an annotated copy of each photo (face, outline, guide bands) into this folder.", valueName: "dir"))
    var annotate: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one photo or folder") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let graduationDate, Self.parseDate(graduationDate) == nil {
            throw ValidationError("--graduation-date must be YYYY-MM-DD, got '\(graduationDate)'")
        }
    }

    static func parseDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.isLenient = false
        return formatter.date(from: text)
    }

    func run() throws {
        let profile = try common.loadProfile()
        var options = CheckOptions()
        if let graduationDate, let date = Self.parseDate(graduationDate) { options.graduationDate = date }
        options.annotateDirectory = annotate
        let walked = PathWalker.expand(paths)
        let runner = BatchRunner(profile: profile, options: options, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        var reports = walked.unreadable.map { PhotoReport(path: $0.path, verdict: .error, error: $0.reason, findings: []) }
        runner.run(walked.files) { reports.append($0) }

        let toTerminal = output == nil && isatty(STDOUT_FILENO) == 1
        let context = ReportContext(
            language: common.language, profile: profile, strict: strict,
            colour: toTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        let text: String
        switch format {
        case .text: text = TextReporter(verbose: verbose).render(reports, context)
        case .json: text = JSONReporter().render(reports, context)
        }
        if let output {
            do {
                try AtomicFile.write(text, to: output)
            } catch {
                FileHandle.standardError.write(Data("photocheck: cannot write \(output): \(error)\n".utf8))
                throw ExitCode(2)
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        throw ExitCode(Self.exitCode(reports, strict: strict))
    }

    /// 2 when a path could not be read, else 1 when a photo failed, else 0.
    static func exitCode(_ reports: [PhotoReport], strict: Bool) -> Int32 {
        let verdicts = reports.map { $0.effectiveVerdict(strict: strict) }
        if verdicts.contains(.error) { return 2 }
        if verdicts.contains(.fail) { return 1 }
        return 0
    }
}

/// Writes a file so that readers see either the old file or the whole new one.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
