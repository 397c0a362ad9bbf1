import Foundation

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

    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array((folder + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw CocoaError(
                .fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        fchmod(fd, 0o644)
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
