import ArgumentParser
import Foundation
import PhotoCheckCore

/// Runs a batch and streams its report in the chosen format to standard output or, atomically, to
/// a file, with a progress bar on standard error when it is a terminal; ends with the exit code.
struct ReportRun {
    var format: OutputFormat
    var output: String?
    var language: Language
    var profile: Profile
    var strict: Bool
    var verbose: Bool
    var onlyFailures: Bool
    var progress: Bool
    /// Writes a page per photo for its student (`--per-student`), else nil.
    var perStudent: PerStudentWriter?

    func reporter() -> any Reporter {
        switch format {
        case .text: TextReporter(verbose: verbose)
        case .json: JSONReporter()
        case .jsonl: JSONLinesReporter()
        case .csv: CSVReporter()
        case .junit: JUnitReporter()
        case .html: HTMLReporter()
        }
    }

    func run(_ runner: BatchRunner, _ walked: PathWalker.Result) throws {
        let pages = perStudent
        try run(walked) { files, render, deliver in
            runner.run(
                files,
                prepare: { report in
                    pages?.write(report)
                    return render(report)
                }, deliver: deliver)
        }
    }

    /// How a command turns its files into rendered reports: `produce(files, render, deliver)` must
    /// call `deliver` once per file, in order, with `render` applied to its report.
    typealias Producer = (
        _ files: [String], _ render: @escaping @Sendable (PhotoReport) -> RenderedPhoto, _ deliver: (RenderedPhoto) -> Void
    ) -> Void

    func run(_ walked: PathWalker.Result, produce: Producer) throws {
        let toTerminal = output == nil && isatty(STDOUT_FILENO) == 1
        let context = ReportContext(
            language: language, profile: profile, strict: strict,
            colour: format == .text && toTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)

        var file: AtomicOutput?
        let sink: ReportSink
        if let output {
            do {
                switch try OutputTarget.resolve(output, inputs: walked.files) {
                case .file(let path, let mode):
                    let atomic = try AtomicOutput(path: path, mode: mode)
                    file = atomic
                    sink = atomic
                    InterruptCleanup.removeOnInterrupt(atomic.temporaryPath)
                case .special(let path):
                    sink = try SpecialFileOutput(path: path)
                }
            } catch let refusal as OutputTarget.Refusal {
                Self.complain(UI.text("refusing --output: ", "拒绝写入 --output:") + refusal.description)
                throw ExitCode(2)
            } catch {
                Self.complain(UI.text("cannot write \(output): ", "无法写入 \(output):") + error.localizedDescription)
                throw ExitCode(2)
            }
        } else {
            sink = FileHandleSink(FileHandle.standardOutput)
        }

        let total = walked.unreadable.count + walked.files.count
        let meter = progress && total > 1 && isatty(STDERR_FILENO) == 1 ? ProgressMeter(total: total, language: language) : nil
        var worst: Int32 = 0
        do {
            let writer = try ReportWriter(reporter: reporter(), context: context, onlyFailures: onlyFailures, sink: sink)
            var failure: Error?
            // When the report streams to the terminal too, the bar is lifted off before each photo is
            // written and put back under it.
            let sharesTerminal = output == nil && toTerminal
            let deliver = { (photo: RenderedPhoto) in
                worst = max(worst, Self.exitCode(photo.report.effectiveVerdict(strict: strict)))
                if sharesTerminal { meter?.finish() }
                if failure == nil {
                    do {
                        try writer.add(photo)
                    } catch {
                        failure = error
                        // Standard output closed or full: nothing more can reach the reader, so stop
                        // now rather than check the rest of the batch for nobody.
                        if output == nil {
                            meter?.finish()
                            Self.complain("cannot write to standard output (\(Self.reason(error))); stopped")
                            Foundation.exit(2)
                        }
                    }
                }
                meter?.advance(redraw: sharesTerminal)
            }
            let renderer = writer.renderer
            for (path, reason) in walked.unreadable {
                deliver(renderer.render(PhotoReport(path: path, verdict: .error, error: reason, findings: [])))
            }
            produce(walked.files, { renderer.render($0) }, deliver)
            meter?.finish()
            if let failure { throw failure }
            try writer.finish()
            InterruptCleanup.removeOnInterrupt(nil)
            try file?.commit()
            if let output { Self.say(ProgressLine.written(format: formatName, path: output, summary: writer.tally.summary, language: language)) }
        } catch {
            meter?.finish()
            file?.discard()
            Self.complain(UI.text("cannot write \(output ?? "the report"): ", "无法写入 \(output ?? "报告"):") + error.localizedDescription)
            throw ExitCode(2)
        }
        throw ExitCode(worst)
    }

    /// 2 when a path could not be read, else 1 when a photo failed, else 0.
    static func exitCode(_ verdict: Verdict) -> Int32 {
        switch verdict {
        case .error: 2
        case .fail: 1
        case .pass, .warn: 0
        }
    }

    /// The report's kind, for the line saying it was written.
    var formatName: String {
        switch format {
        case .text: language == .zh ? "文本" : "text"
        case .json: "JSON"
        case .jsonl: "JSON Lines"
        case .csv: "CSV"
        case .junit: "JUnit"
        case .html: "HTML"
        }
    }

    /// A line for the person at the terminal (standard error, so standard output stays the report's).
    static func say(_ line: String) {
        Console.write(line + "\n")
    }

    /// The operating system's words for a write error (Foundation's own say "error 512").
    static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }

    static func complain(_ message: String) {
        // Not FileHandle.write(_:), which traps when standard error itself cannot be written.
        try? FileHandle.standardError.write(contentsOf: Data("photocheck: \(message)\n".utf8))
    }
}

/// Redraws the progress line on standard error at most ten times a second.
final class ProgressMeter {
    let total: Int
    let language: Language
    private var done = 0
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(total: Int, language: Language) {
        self.total = total
        self.language = language
    }

    /// Counts one photo; draws at most ten times a second unless `redraw` (the line was cleared).
    func advance(redraw: Bool = false) {
        done += 1
        let now = Date()
        if redraw || now.timeIntervalSince(lastDraw) >= 0.1 || done == total {
            lastDraw = now
            draw()
        }
    }

    func finish() {
        if drawn { Console.write("\r\u{1B}[K") }
        drawn = false
    }

    private func draw() {
        var size = winsize()
        let columns = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        let line = ProgressLine.render(done: done, total: total, elapsed: Date().timeIntervalSince(start), columns: columns, language: language)
        Console.write("\r" + line + "\u{1B}[K")
        drawn = true
    }
}

/// On Ctrl-C, SIGTERM or SIGHUP during a run with `--output`, removes the half-written temporary
/// file (the target was never touched) and exits with 128 + the signal number. A signal that was
/// ignored when photocheck started (e.g. SIGINT for a background job) stays ignored.
enum InterruptCleanup {
    /// The path to remove, as a C string made before any signal can arrive.
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var previous: [Int32: sighandler_t?] = [:]

    static func removeOnInterrupt(_ temporaryPath: String?) {
        let old = path
        path = temporaryPath.map { strdup($0) }
        free(old)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            guard temporaryPath != nil else {
                if let saved = previous.removeValue(forKey: sig) { signal(sig, saved) }
                continue
            }
            let before = signal(
                sig,
                { sig in
                    if let p = InterruptCleanup.path { unlink(p) }
                    _exit(128 + sig)
                })
            if previous[sig] == nil { previous[sig] = before }
            if let before, unsafeBitCast(before, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                signal(sig, SIG_IGN)
            }
        }
    }
}
