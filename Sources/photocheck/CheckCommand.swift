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
        abstract: UI.text(
            "Check photos (files or folders, walked recursively) against the standard.", "按标准检查照片(文件或文件夹,文件夹会逐层遍历)。"))

    @Argument(help: UI.help("Photo files or folders.", "照片文件或文件夹。", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var common: CommonOptions

    @Option(
        name: .long,
        help: UI.help(
            "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
            "输出格式:\(OutputFormat.allCases.map(\.rawValue).joined(separator: "、"))。"))
    var format: OutputFormat = .text

    @Option(
        name: .shortAndLong,
        help: UI.help("Write the report to this file (atomically) instead of standard output.", "把报告写入这个文件(写完才替换),而不是输出到屏幕。", valueName: "file"))
    var output: String?

    @Flag(
        name: .long,
        help: UI.help("List only the photos that fail or cannot be read (the summary still counts every photo).", "只列出不合格或无法读取的照片(汇总仍统计全部照片)。"))
    var onlyFailures = false

    @Flag(
        name: .long,
        help: UI.help("Do not show the progress bar (it is shown on standard error only when that is a terminal).", "不显示进度条(只有标准错误输出是终端时才显示)。"))
    var noProgress = false

    @Flag(name: .long, help: UI.help("Count warnings as failures (exit code 1 when any photo warns).", "把警告当作不合格(有照片警告时退出码为 1)。"))
    var strict = false

    @Flag(
        name: .shortAndLong,
        help: UI.help("Text output: list passing and skipped checks too, with check ids and measured values.", "文本输出:也列出通过和未检查的项目,并显示检查编号和测量值。"))
    var verbose = false

    @Option(
        name: .long,
        help: UI.help(
            "Judge the capture date against this graduation day (YYYY-MM-DD; default today).", "按这个毕业日期判断拍摄时间(YYYY-MM-DD,默认今天)。", valueName: "date"))
    var graduationDate: String?

    @Option(name: .long, help: UI.help("Number of photos checked at once (default: the number of cores).", "同时检查的照片数(默认:CPU 核数)。"))
    var jobs: Int?

    @Option(
        name: .long,
        help: UI.help(
            "Also write an annotated copy of each photo (face, outline, guide bands) into this folder.", "另把每张照片的标注图(人脸、轮廓、标准范围线)写入这个文件夹。",
            valueName: "dir")
    )
    var annotate: String?

    @Option(
        name: .long,
        help: UI.help(
            "Also write one small self-contained HTML page per photo into this folder (named after the photo), to send back to each student.",
            "另为每张照片写一个独立的小网页到这个文件夹(以照片命名),发回给对应的学生。", valueName: "dir"))
    var perStudent: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError(UI.text("give at least one photo or folder", "请至少给出一张照片或一个文件夹")) }
        if let jobs, jobs < 1 { throw ValidationError(UI.text("--jobs must be at least 1", "--jobs 至少为 1")) }
        if let graduationDate, Self.parseDate(graduationDate) == nil {
            throw ValidationError(
                UI.text(
                    "--graduation-date must be YYYY-MM-DD, got '\(graduationDate)'", "--graduation-date 的格式应为 YYYY-MM-DD,收到的是 '\(graduationDate)'"))
        }
    }

    /// A day written exactly as YYYY-MM-DD (four-digit year, nothing around it) that exists.
    static func parseDate(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || isDigit($0.element) })
        else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.isLenient = false
        // Round trip: a day that does not exist (2026-02-30) must not roll over into another.
        guard let date = formatter.date(from: text), formatter.string(from: date) == text else { return nil }
        return date
    }

    /// The most workers worth starting: beyond a few per core they only add threads and memory.
    static func maxJobs(cores: Int) -> Int { min(256, 4 * max(1, cores)) }

    /// `--jobs` as asked, or clamped to `maxJobs` with a note for standard error.
    static func effectiveJobs(_ requested: Int?, cores: Int) -> (jobs: Int, note: String?) {
        let limit = maxJobs(cores: cores)
        guard let requested else { return (max(1, cores), nil) }
        guard requested > limit else { return (requested, nil) }
        return (limit, "--jobs \(requested) is more than this machine can use; using \(limit) (4 per core, \(cores) cores)")
    }

    func run() throws {
        let profile = try common.loadProfile()
        var options = CheckOptions(landmarkModelPath: LandmarkModel.path())
        if let graduationDate, let date = Self.parseDate(graduationDate) { options.graduationDate = date }
        // Refused before the first photo: a batch of two thousand must not end with no copies and exit 0.
        do {
            if let annotate { try OutputFolder.prepare(annotate, option: "--annotate") }
            if let perStudent { try OutputFolder.prepare(perStudent, option: "--per-student") }
        } catch {
            ReportRun.complain(error.description)
            throw ExitCode(2)
        }
        let walked = PathWalker.expand(paths)
        options.annotateDirectory = annotate
        // Phone photos (at least four times the target size) are decoded DCT-scaled to about twice
        // the target: a 48-megapixel photo no longer needs half a gigabyte.
        options.decodeAtLeast = .twice(profile, largestFactor: 0.5)
        if let annotate { options.annotateNames = OutputNames(walked.files, suffix: OutputNames.annotated, directory: annotate) }
        let (workers, note) = Self.effectiveJobs(jobs, cores: ProcessInfo.processInfo.activeProcessorCount)
        if let note { Console.write("photocheck: \(note)\n") }
        var runner = BatchRunner(profile: profile, options: options, jobs: workers)
        if format == .html || perStudent != nil {
            // The enlarged picture: an ID photo's own size, a large photo shrunk to what a screen shows.
            runner.attachments.append(ThumbnailAttachment(pictureMaxSide: 960, source: ThumbnailAttachment.annotatedPicture))
        }
        var run = ReportRun(
            format: format, output: output, language: common.language, profile: profile, strict: strict,
            verbose: verbose, onlyFailures: onlyFailures, progress: !noProgress)
        if let perStudent {
            do {
                run.perStudent = try PerStudentWriter(
                    directory: perStudent, paths: walked.files, context: ReportContext(language: common.language, profile: profile, strict: strict))
            } catch {
                ReportRun.complain("cannot write into \(perStudent): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
        try run.run(runner, walked)
    }

}
