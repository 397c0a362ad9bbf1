import Foundation
import PhotoCheckModel

/// Where a report's bytes go.
public protocol ReportSink: AnyObject {
    func write(_ data: Data) throws
}

/// A photo's report with its text already rendered (nil when it is not listed).
public struct RenderedPhoto: Sendable {
    /// The report without its thumbnail (the text holds it), kept for the totals.
    public var report: PhotoReport
    public var text: String?
}

/// Renders one photo for a writer; pure and `Sendable`, so batch workers can run it in parallel.
public struct PhotoRenderer: Sendable {
    public let reporter: any Reporter
    public let context: ReportContext
    /// List only photos whose (strict) verdict is fail or error; the totals still count every photo.
    public let onlyFailures: Bool

    /// Whether `report` is listed under these options.
    public func lists(_ report: PhotoReport) -> Bool {
        guard onlyFailures else { return true }
        let verdict = report.effectiveVerdict(strict: context.strict)
        return verdict == .fail || verdict == .error
    }

    public func render(_ report: PhotoReport) -> RenderedPhoto {
        var slim = report
        slim.thumbnail = nil
        slim.picture = nil
        slim.fix?.sourcePreview = nil
        return RenderedPhoto(report: slim, text: lists(report) ? reporter.photo(report, context) : nil)
    }
}

/// Streams a batch's report as the photos are done, holding no report once it is written: memory
/// stays bounded whatever the number of photos. For a reporter whose header shows totals
/// (`needsTallyFirst`), the photos are spooled to an unlinked temporary file and copied after the
/// header at the end.
public final class ReportWriter {
    public let renderer: PhotoRenderer
    public var reporter: any Reporter { renderer.reporter }
    public var context: ReportContext { renderer.context }
    public private(set) var tally = BatchTally()

    private let sink: ReportSink
    private var spool: FileHandle?
    private var listedAny = false

    public init(reporter: any Reporter, context: ReportContext, onlyFailures: Bool = false, sink: ReportSink) throws {
        renderer = PhotoRenderer(reporter: reporter, context: context, onlyFailures: onlyFailures)
        self.sink = sink
        if reporter.needsTallyFirst {
            spool = try Self.makeSpool()
        } else {
            try sink.write(Data(reporter.header(nil, context).utf8))
        }
    }

    public func add(_ report: PhotoReport) throws {
        try add(renderer.render(report))
    }

    /// Adds a photo rendered by `renderer` (possibly on another thread), in batch order.
    public func add(_ photo: RenderedPhoto) throws {
        tally.add(photo.report, listed: photo.text != nil, strict: context.strict)
        guard let body = photo.text else { return }
        let text = (listedAny ? reporter.photoSeparator : "") + body
        listedAny = true
        if let spool {
            try spool.write(contentsOf: Data(text.utf8))
        } else {
            try sink.write(Data(text.utf8))
        }
    }

    /// Writes what is left: the header and the spooled photos when held back, then the footer.
    public func finish() throws {
        if let spool {
            try sink.write(Data(reporter.header(tally, context).utf8))
            try spool.seek(toOffset: 0)
            while let chunk = try spool.read(upToCount: 1 << 20), !chunk.isEmpty {
                try sink.write(chunk)
            }
            try spool.close()
            self.spool = nil
        }
        try sink.write(Data(reporter.footer(tally, context).utf8))
    }

    /// A temporary file that is already unlinked, so nothing is left behind whatever happens.
    private static func makeSpool() throws -> FileHandle {
        var template = Array((NSTemporaryDirectory() + "/photocheck-spool-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }
}

/// Writes to an open file handle (standard output, or the temporary file of an `AtomicOutput`).
public final class FileHandleSink: ReportSink {
    public let handle: FileHandle

    public init(_ handle: FileHandle) {
        self.handle = handle
    }

    public func write(_ data: Data) throws {
        try handle.write(contentsOf: data)
    }
}

/// A report file written atomically: bytes go to a hidden temporary file beside the target, which
/// replaces the target by `rename` only when complete. Readers see the old file or the whole new one;
/// an interrupted run leaves the target untouched.
public final class AtomicOutput: ReportSink {
    public let path: String
    public let temporaryPath: String
    private let handle: FileHandle
    private var done = false

    /// `mode`: the permissions to give the file (an existing target's own; nil: 0666 less the umask).
    public init(path: String, mode: mode_t? = nil) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array((folder + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw CocoaError(
                .fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        // mkstemp makes the file 0600; a report embeds students' photos, so honour the umask
        // (0600 under `umask 077`) and keep the mode of a file that is replaced.
        fchmod(fd, mode ?? (0o666 & ~OutputTarget.currentUmask))
        temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    deinit {
        if !done { discard() }
    }

    public func write(_ data: Data) throws {
        try handle.write(contentsOf: data)
    }

    /// Flushes the temporary file to disk and renames it over the target.
    public func commit() throws {
        try handle.synchronize()
        try handle.close()
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: reason])
        }
        done = true
    }

    /// Removes the temporary file; the target is left as it was.
    public func discard() {
        try? handle.close()
        unlink(temporaryPath)
        done = true
    }
}

/// Where `--output` may write, decided before anything is checked: never over an input photo,
/// through a symbolic link to its target, straight into a device or FIFO (`/dev/null`,
/// `/dev/stdout`), and never onto a folder.
public enum OutputTarget: Equatable, Sendable {
    /// A regular file (new or existing) replaced atomically; `mode` is the existing file's.
    case file(path: String, mode: mode_t?)
    /// A device, FIFO or socket: written in place, never replaced.
    case special(path: String)

    /// Why an output path is refused.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The process's umask (read once; photocheck never changes it).
    public static let currentUmask: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    /// Decides where a report for `inputs` goes when the user asked for `path`.
    public static func resolve(_ path: String, inputs: [String]) throws(Refusal) -> OutputTarget {
        var target = stat()
        guard stat(path, &target) == 0 else {
            let reason = errno
            var link = stat()
            if lstat(path, &link) == 0 {
                throw Refusal(description: "\(path) is a symbolic link to a file that does not exist")
            }
            guard reason == ENOENT else { throw Refusal(description: "\(path): \(String(cString: strerror(reason)))") }
            return .file(path: path, mode: nil)
        }
        switch target.st_mode & S_IFMT {
        case S_IFDIR:
            throw Refusal(description: "\(path) is a folder; give a file name")
        case S_IFREG:
            for input in inputs {
                var other = stat()
                if stat(input, &other) == 0, other.st_dev == target.st_dev, other.st_ino == target.st_ino {
                    throw Refusal(description: "\(path) is one of the photos being checked; it would be overwritten")
                }
            }
            var link = stat()
            if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                guard let resolved = realpath(path, nil) else {
                    throw Refusal(description: "\(path): \(String(cString: strerror(errno)))")
                }
                defer { free(resolved) }
                return .file(path: String(cString: resolved), mode: target.st_mode & 0o7777)
            }
            return .file(path: path, mode: target.st_mode & 0o7777)
        default:
            return .special(path: path)
        }
    }
}

/// Writes straight into a device or FIFO named by `--output` (nothing to replace, nothing to undo).
public final class SpecialFileOutput: ReportSink {
    private let handle: FileHandle

    public init(path: String) throws {
        let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            throw CocoaError(
                .fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    public func write(_ data: Data) throws {
        try handle.write(contentsOf: data)
    }
}
