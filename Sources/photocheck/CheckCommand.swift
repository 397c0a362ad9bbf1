import ArgumentParser
import Foundation
import PhotoCheckCore

/// Output format of the check command.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, csv, junit, html
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

    @Flag(name: .long, help: "List only the photos that fail or cannot be read (the summary still counts every photo).")
    var onlyFailures = false

    @Flag(name: .long, help: "Do not show the progress bar (it is shown on standard error only when that is a terminal).")
    var noProgress = false

    @Flag(name: .long, help: "Count warnings as failures (exit code 1 when any photo warns).")
    var strict = false

    @Flag(name: .shortAndLong, help: "Text output: list passing and skipped checks too.")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp("Judge the capture date against this graduation day (YYYY-MM-DD; default today).", valueName: "date"))
    var graduationDate: String?

    @Option(name: .long, help: "Number of photos checked at once (default: the number of cores).")
    var jobs: Int?

    @Option(
        name: .long, help: ArgumentHelp("Also write an annotated copy of each photo (face, outline, guide bands) into this folder.", valueName: "dir")
    )
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
        var runner = BatchRunner(profile: profile, options: options, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        if format == .html { runner.attachments.append(ThumbnailAttachment(source: ThumbnailAttachment.annotatedPicture)) }
        try ReportRun(
            format: format, output: output, language: common.language, profile: profile, strict: strict,
            verbose: verbose, onlyFailures: onlyFailures, progress: !noProgress
        ).run(runner, walked)
    }

}
