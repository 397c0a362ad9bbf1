import Foundation
import PhotoCheckAnalysis
import PhotoCheckCore
import PhotoCheckModel

/// Where the package's files are, seen from a test.
public enum TestPaths {
    /// The package root: the folder holding Package.swift, found by walking up from this file.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        preconditionFailure("Package.swift not found above \(#filePath)")
    }()

    /// A file under Fixtures/.
    public static func fixture(_ relativePath: String) -> String {
        packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(relativePath).path
    }

    public static func fixtureBytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture(relativePath))))
    }
}

/// Checks one photo in memory with the built-in profile (one checker per call: tests run in parallel).
public func checkPhoto(path: String, bytes: [UInt8], options: CheckOptions = CheckOptions()) -> PhotoReport {
    PhotoChecker(profile: .chsi2017, options: options).check(path: path, bytes: bytes)
}

extension PhotoReport {
    /// The finding of one check; fails loudly when the check is missing.
    public func finding(_ check: CheckID) -> Finding {
        guard let finding = findings.first(where: { $0.check == check }) else {
            preconditionFailure("no finding for \(check) in \(path)")
        }
        return finding
    }

    public func status(_ check: CheckID) -> Status { finding(check).status }
}

extension Finding {
    /// The value of one measurement, nil when the finding has no such key.
    public func value(_ key: String) -> Double? {
        measurements.first { $0.key == key }?.value
    }
}
