import ArgumentParser
import Foundation
import PhotoCheckCore

struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: UI.text(
            "Make a good photo's file meet the standard: crop around the face, resize, re-encode, check again. Never retouches, pads or repaints.",
            "把拍得好的照片做成符合标准的文件:围绕人脸裁剪、缩放、重新编码,再检查一遍。不修图、不补边、不换背景。"),
        discussion: UI.text(
            "Writes NAME.fixed.jpg beside each photo (never over an input). Exit codes: 0 every photo fixed and passing or warning, 1 some photo refused or still failing, 2 a path could not be read, a fixed photo could not be written, or bad usage.",
            "在每张照片旁写出 NAME.fixed.jpg(从不覆盖原照片)。退出码:0 全部修复且通过或只有警告,1 有照片无法修复或仍不合格,2 路径无法读取、修复后的照片无法写入或用法错误。"))

    @Argument(help: UI.help("Photo files or folders.", "照片文件或文件夹。", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var common: CommonOptions

    @Option(
        name: .long,
        help: UI.help(
            "Write the fixed photos into this folder, mirroring the layout of the folders given (NAME.jpg).",
            "把修复后的照片写入这个文件夹,保持所给文件夹的目录结构(NAME.jpg)。", valueName: "dir"))
    var outDir: String?

    @Option(
        name: .shortAndLong, help: UI.help("Write the fixed photo to this file (one input photo only).", "把修复后的照片写到这个文件(只能给一张照片)。", valueName: "file")
    )
    var output: String?

    @Flag(
        name: .long,
        help: UI.help(
            "Make and check the fixed photo in memory and report it (the verdict and exit code of a real fix); write nothing.",
            "在内存中修复并检查照片,报告结果(结论和退出码与实际修复相同),不写任何文件。"))
    var dryRun = false

    @Option(
        name: .long,
        help: UI.help(
            "Report format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
            "报告格式:\(OutputFormat.allCases.map(\.rawValue).joined(separator: "、"))。"))
    var format: OutputFormat = .text

    @Flag(name: .long, help: UI.help("Do not show the progress bar.", "不显示进度条。"))
    var noProgress = false

    @Flag(name: .shortAndLong, help: UI.help("Text output: list every check of the fixed photo.", "文本输出:列出修复后照片的全部检查项。"))
    var verbose = false

    @Option(
        name: .long,
        help: UI.help(
            "Judge the capture date against this graduation day (YYYY-MM-DD; default today).", "按这个毕业日期判断拍摄时间(YYYY-MM-DD,默认今天)。", valueName: "date"))
    var graduationDate: String?

    @Option(name: .long, help: UI.help("Number of photos fixed at once (default: the number of cores).", "同时修复的照片数(默认:CPU 核数)。"))
    var jobs: Int?

    func validate() throws {
        if paths.isEmpty { throw ValidationError(UI.text("give at least one photo or folder", "请至少给出一张照片或一个文件夹")) }
        if outDir != nil && output != nil { throw ValidationError(UI.text("give --out-dir or -o, not both", "--out-dir 和 -o 只能用一个")) }
        if let jobs, jobs < 1 { throw ValidationError(UI.text("--jobs must be at least 1", "--jobs 至少为 1")) }
        if let graduationDate, CheckCommand.parseDate(graduationDate) == nil {
            throw ValidationError(
                UI.text(
                    "--graduation-date must be YYYY-MM-DD, got '\(graduationDate)'", "--graduation-date 的格式应为 YYYY-MM-DD,收到的是 '\(graduationDate)'"))
        }
    }

    func run() throws {
        let profile = try common.loadProfile()
        var checkOptions = CheckOptions(landmarkModelPath: LandmarkModel.path())
        if let graduationDate, let date = CheckCommand.parseDate(graduationDate) { checkOptions.graduationDate = date }
        let (walked, outputs) = try plannedOutputs()
        let (workers, note) = CheckCommand.effectiveJobs(jobs, cores: ProcessInfo.processInfo.activeProcessorCount)
        if let note { ReportRun.say("photocheck: \(note)") }
        var runner = BatchFixer(
            profile: profile, options: FixOptions(check: checkOptions, dryRun: dryRun, sourcePreview: format == .html), jobs: workers)
        if format == .html {
            runner.attachments.append(ThumbnailAttachment(pictureMaxSide: 640))
        }
        let run = ReportRun(
            format: format, output: nil, language: common.language, profile: profile, strict: false, verbose: verbose, onlyFailures: false,
            progress: !noProgress)
        let writer = FixedPhotoWriter(outputs: outputs, inputs: walked.files, dryRun: dryRun)
        do {
            try run.run(walked) { files, render, deliver in
                runner.run(files, prepare: { outcome in render(writer.write(outcome)) }, deliver: deliver)
            }
        } catch let exit as ExitCode {
            throw ExitCode(max(exit.rawValue, writer.failed ? 2 : 0))
        }
    }

    /// The files to fix and where each one's fixed copy goes (by input path). Refuses, before
    /// anything is read, two inputs that would be written to the same file.
    func plannedOutputs() throws -> (PathWalker.Result, [String: String]) {
        var walked = PathWalker.expand([])
        var outputs: [String: String] = [:]
        for path in paths {
            var found = PathWalker.expand([path])
            var isFolder: ObjCBool = false
            let folder = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
            // Earlier fixed copies in a folder are not fixed again.
            if folder { found.files.removeAll { $0.lowercased().hasSuffix(".fixed.jpg") } }
            for file in found.files {
                let target: String
                if let output {
                    target = output
                } else if let outDir {
                    let relative = folder ? String(file.dropFirst(path.count)).drop { $0 == "/" } : Substring((file as NSString).lastPathComponent)
                    let stem = (String(relative) as NSString).deletingPathExtension
                    target = (outDir as NSString).appendingPathComponent(stem + ".jpg")
                } else {
                    target = PhotoFixer.defaultOutputPath(for: file)
                }
                outputs[file] = target
            }
            walked.files += found.files
            walked.unreadable += found.unreadable
        }
        if output != nil && walked.files.count + walked.unreadable.count > 1 {
            throw ValidationError(UI.text("-o names one output file: give one photo, or use --out-dir", "-o 只能指定一个输出文件:请只给一张照片,或改用 --out-dir"))
        }
        var seen: [String: String] = [:]
        for file in walked.files {
            let target = outputs[file]!
            if let other = seen[target] {
                throw ValidationError(
                    UI.text(
                        "\(other) and \(file) would both be written to \(target); rename one or fix them separately",
                        "\(other) 和 \(file) 都会写到 \(target):请改名其中一张,或分开修复"))
            }
            seen[target] = file
        }
        return (walked, outputs)
    }
}

/// Writes each fixed photo to its planned path on the worker that fixed it: atomically (a hidden
/// temporary file beside the target, renamed into place when complete), never over an input photo,
/// never in a dry run. Records the path in the report's `fix.outputPath`.
final class FixedPhotoWriter: @unchecked Sendable {
    let outputs: [String: String]
    let inputs: [String]
    let dryRun: Bool
    private let lock = NSLock()
    private var failedAny = false

    init(outputs: [String: String], inputs: [String], dryRun: Bool) {
        self.outputs = outputs
        self.inputs = inputs
        self.dryRun = dryRun
    }

    /// A file could not be written (the exit code is then 2).
    var failed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return failedAny
    }

    func write(_ outcome: FixOutcome) -> PhotoReport {
        var report = outcome.report
        guard !dryRun, let bytes = outcome.fixedBytes, let path = outputs[outcome.path] else { return report }
        do {
            try Self.write(bytes, to: path, inputs: inputs)
            report.fix?.outputPath = path
        } catch {
            lock.lock()
            failedAny = true
            lock.unlock()
            ReportRun.complain(UI.text("cannot write \(path): ", "无法写入 \(path):") + "\(error)")
        }
        return report
    }

    static func write(_ bytes: [UInt8], to path: String, inputs: [String]) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        switch try OutputTarget.resolve(path, inputs: inputs) {
        case .file(let path, let mode):
            let file = try AtomicOutput(path: path, mode: mode)
            do {
                try file.write(Data(bytes))
                try file.commit()
            } catch {
                file.discard()
                throw error
            }
        case .special(let path):
            try SpecialFileOutput(path: path).write(Data(bytes))
        }
    }
}
