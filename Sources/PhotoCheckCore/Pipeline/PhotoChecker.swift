import Foundation
import PhotoCheckAnalysis
import PhotoCheckModel
import PhotoCheckReporting
import PhotoCheckRules

/// Checks one photo: reads the file once, builds its analysis, runs every check of the profile.
/// Not thread-safe: one per worker (it owns the worker's decoder and face detector).
public final class PhotoChecker {
    /// Files larger than this are not read into memory; no ID photo comes near it.
    public static let maxFileBytes = 64 * 1024 * 1024

    public let context: AnalysisContext
    /// Run on each photo's analysis after its checks (thumbnails for the HTML report, …).
    public var attachments: [any PhotoAttachment] = []
    /// Shared by the workers of a batch so that huge photos take turns (nil: no limit).
    package var budget: PixelBudget?

    public init(profile: Profile, options: CheckOptions) {
        context = AnalysisContext(profile: profile, options: options)
    }

    public func check(path: String) -> PhotoReport {
        let bytes: [UInt8]
        switch Self.read(path) {
        case .failure(let error):
            return PhotoReport(path: path, verdict: .error, error: error, findings: [])
        case .success(let read):
            bytes = read
        }
        return check(path: path, bytes: bytes)
    }

    /// Checks bytes already in memory as if they were the file at `path`.
    public func check(path: String, bytes: [UInt8]) -> PhotoReport {
        let photo = PhotoAnalysis(path: path, bytes: bytes, context: context)
        // The frame header's size, known before anything is decoded (0 for a file that is not a JPEG).
        let pixels = (try? photo.jpeg.get())?.frame.map { $0.width * $0.height } ?? 0
        budget?.acquire(pixels)
        defer { budget?.release(pixels) }
        if let error = Self.unreadable(photo) {
            // Nothing else can be measured: one finding that says what the file is and what to do.
            return PhotoReport(path: path, verdict: .error, error: error, findings: [Self.evaluate(JPEGFormatRule.check, photo)])
        }
        let findings = context.profile.checks.map { check in Self.evaluate(check, photo) }
        let annotated = context.options.annotateDirectory.flatMap { AnnotationWriter.write(photo, findings: findings, to: $0) }
        // The photo's own displayed size, also when it was decoded DCT-scaled.
        let size = photo.sourceSize
        var report = PhotoReport(
            path: path, verdict: Verdict(findings: findings), width: size?.width, height: size?.height,
            findings: findings)
        report.annotatedPath = annotated
        for attachment in attachments { attachment.attach(photo, to: &report) }
        return report
    }

    /// Why the bytes cannot be read as a photo at all: not a JPEG (another format, a web page,
    /// empty), or a JPEG whose header or pixels do not decode. A JPEG that decodes with warnings
    /// (cut short after its header, corrupt data recovered) and one too large to decode are
    /// photos with findings, not errors.
    static func unreadable(_ photo: PhotoAnalysis) -> ReadError? {
        if case .failure(let notJPEG) = photo.jpeg { return .notAJPEG(notJPEG.type) }
        if case .failure(let error) = photo.decoded, !error.isTooLarge { return .undecodable(detail: error.message) }
        return nil
    }

    static func evaluate(_ check: CheckID, _ photo: PhotoAnalysis) -> Finding {
        guard let rule = RuleRegistry.rule(for: check) else {
            return .skip(check, Localized(zh: "此项检查尚未实现", en: "this check is not implemented yet"))
        }
        var finding: Finding
        do {
            finding = try rule.evaluate(photo)
        } catch {
            finding = .skip(check, clause: type(of: rule).description.clause, error.message)
        }
        finding.clause = photo.profile.clause(for: check, default: finding.clause)
        return finding
    }

    /// Reads a whole file, refusing folders, special files and files over the size cap. The file is
    /// opened without blocking (a FIFO given by name would otherwise wait forever for a writer)
    /// and checked to be a regular file before anything is read.
    static func read(_ path: String) -> Result<[UInt8], ReadError> {
        let fd = RawPath.withFileSystemPath(path) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY) }
        guard fd >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: return .failure(.noSuchFile)
            case EACCES, EPERM: return .failure(.permissionDenied)
            case let code: return .failure(.readFailed(errno: code))
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.readFailed(errno: errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.isFolder)
        case S_IFIFO: return .failure(.notRegularFile(.fifo))
        case S_IFCHR, S_IFBLK: return .failure(.notRegularFile(.device))
        case S_IFSOCK: return .failure(.notRegularFile(.socket))
        default: return .failure(.notRegularFile(.other))
        }
        if info.st_size > maxFileBytes { return .failure(.tooLarge(megabytes: maxFileBytes / 1024 / 1024)) }
        // A regular file never blocks; clear O_NONBLOCK anyway so reads behave plainly.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var count = 0
        // Read to the end, even if the file grew or shrank since fstat, up to the cap.
        while true {
            if count == bytes.count {
                if bytes.count > maxFileBytes { return .failure(.tooLarge(megabytes: maxFileBytes / 1024 / 1024)) }
                bytes.append(contentsOf: [UInt8](repeating: 0, count: max(65_536, bytes.count / 2)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { Glibc.read(fd, $0 + count, buffer.count - count) } ?? 0
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.readFailed(errno: errno))
            }
            if got == 0 { break }
            count += got
        }
        if count > maxFileBytes { return .failure(.tooLarge(megabytes: maxFileBytes / 1024 / 1024)) }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }
}
