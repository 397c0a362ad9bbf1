import Foundation

/// Checks one photo: reads the file once, builds its analysis, runs every check of the profile.
/// Not thread-safe: one per worker (it owns the worker's decoder and face detector).
public final class PhotoChecker {
    /// Files larger than this are not read into memory; no ID photo comes near it.
    public static let maxFileBytes = 64 * 1024 * 1024

    public let context: AnalysisContext
    /// Run on each photo's analysis after its checks (thumbnails for the HTML report, …).
    public var attachments: [any PhotoAttachment] = []
    /// Shared by the workers of a batch so that huge photos take turns (nil: no limit).
    var budget: PixelBudget?

    public init(profile: Profile, options: CheckOptions) {
        context = AnalysisContext(profile: profile, options: options)
    }

    public func check(path: String) -> PhotoReport {
        let bytes: [UInt8]
        switch Self.read(path) {
        case .failure(let failure):
            return PhotoReport(path: path, verdict: .error, error: failure.reason, findings: [])
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
        let findings = context.profile.checks.map { check in Self.evaluate(check, photo) }
        if let directory = context.options.annotateDirectory {
            AnnotationWriter.write(photo, findings: findings, to: directory)
        }
        let size = try? photo.picture.get()
        var report = PhotoReport(
            path: path, verdict: Verdict(findings: findings), width: size?.width, height: size?.height,
            findings: findings)
        for attachment in attachments { attachment.attach(photo, to: &report) }
        return report
    }

    static func evaluate(_ check: CheckID, _ photo: PhotoAnalysis) -> Finding {
        guard let rule = RuleRegistry.rule(for: check) else {
            return .skip(check, Localized(zh: "此项检查尚未实现", en: "this check is not implemented yet"))
        }
        do {
            return try rule.evaluate(photo)
        } catch {
            return .skip(check, error.message)
        }
    }

    /// Reads a whole file, refusing folders, special files and files over the size cap.
    static func read(_ path: String) -> Result<[UInt8], ReadFailure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(ReadFailure(reason: "no such file"))
        }
        if isDirectory.boolValue { return .failure(ReadFailure(reason: "is a folder")) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(ReadFailure(reason: "cannot be opened (permission denied?)"))
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: maxFileBytes + 1) ?? Data()
            if data.count > maxFileBytes {
                return .failure(ReadFailure(reason: "larger than \(maxFileBytes / 1024 / 1024) MB, not read"))
            }
            return .success([UInt8](data))
        } catch {
            return .failure(ReadFailure(reason: "read error: \(error.localizedDescription)"))
        }
    }
}

/// Why a path could not be read.
struct ReadFailure: Error {
    let reason: String
}
