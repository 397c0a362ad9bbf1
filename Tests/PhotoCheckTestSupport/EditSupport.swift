import Foundation
import PhotoCheckAnalysis
import PhotoCheckCore
import PhotoCheckDecoding
import PhotoCheckModel
import Testing

/// Helpers for the edit.* tests: a fixed graduation day and external oracles when installed.
public enum EditSupport {
    /// 00:00 UTC on a YYYY-MM-DD day.
    public static func day(_ text: String) -> Date {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
    }

    /// The first executable named `name` on the usual paths, or nil.
    public static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// An oracle tool the tests compare against: on a developer's machine it may be missing (the
    /// test then has nothing to compare), but under CI `make setup` installs it, so a missing tool
    /// there is recorded as a failure instead of letting the comparison pass vacuously.
    public static func oracle(_ name: String) -> String? {
        let found = tool(name)
        if found == nil, ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("\(name) is missing under CI: make setup should have installed it")
        }
        return found
    }

    /// Runs a tool and returns its standard output, or nil when it exits non-zero.
    public static func run(_ executable: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The project's shared photo collection beside the package (../shared/photos), if present.
    public static var sharedPhotos: [String] {
        let dir = TestPaths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/photos")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.lowercased().hasSuffix(".jpg") }.sorted().map { dir.appendingPathComponent($0).path }
    }

    /// Every JPEG under Fixtures/ (recursively).
    public static var fixtureJPEGs: [String] {
        let root = TestPaths.packageRoot.appendingPathComponent("Fixtures")
        let walker = FileManager.default.enumerator(atPath: root.path)
        var out: [String] = []
        while let name = walker?.nextObject() as? String {
            // hostile/ holds files made to break readers (some pass these checks yet are not
            // pictures ImageMagick reads): the oracles are for photos.
            guard name.lowercased().hasSuffix(".jpg"), !name.hasPrefix("hostile/") else { continue }
            let path = root.appendingPathComponent(name).path
            // Only files that really are complete JPEGs (the file-level fixtures include broken ones).
            guard let bytes = try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path))),
                let file = try? JPEGFile(bytes: bytes), !file.isTruncated, file.problems.isEmpty,
                file.frame.map({ $0.width * $0.height <= JPEGDecoder.maxPixels }) ?? false
            else { continue }
            out.append(path)
        }
        return out.sorted()
    }
}

/// Checks one photo with only the named checks of the built-in profile (the other areas' face,
/// mask and colour analysis is not computed, which keeps debug-build tests quick).
public func checkPhoto(path: String, bytes: [UInt8], only checks: [CheckID], options: CheckOptions = CheckOptions()) -> PhotoReport {
    var profile = Profile.chsi2017
    profile.checks = checks
    return PhotoChecker(profile: profile, options: options).check(path: path, bytes: bytes)
}
