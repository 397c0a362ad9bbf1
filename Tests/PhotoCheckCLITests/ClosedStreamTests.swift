import Foundation
import PhotoCheckTestSupport
import Testing

/// Run with a standard stream closed (`>&-`, `2>&-`) or full (`/dev/full`), photocheck loses the
/// message it could not write, never the run: no trap (exit 132), and the report written to `-o`
/// does not receive the terminal's messages through a reused descriptor.
@Suite struct ClosedStreamTests {
    /// Runs the binary through the shell with `redirections` after its arguments.
    static func run(_ arguments: [String], _ redirections: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        process.arguments = ["-c", "exec '\(CheckCommandTests.binary)' \(quoted) \(redirections)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func helpWithStandardOutputClosed() throws {
        #expect(try Self.run(["--help"], ">&-") == 0)
        #expect(try Self.run(["rules", "--help"], ">/dev/full") == 0)
    }

    @Test func usageErrorWithStandardErrorClosed() throws {
        #expect(try Self.run(["--no-such-option"], "2>&-") == 2)
        #expect(try Self.run(["--no-such-option"], "2>/dev/full") == 2)
    }

    @Test func aBatchWithStandardErrorClosedWritesItsReportIntact() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-closed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("report.json").path
        // --jobs far above the cap prints a note on standard error before the batch starts.
        let status = try Self.run([CheckCommandTests.good, "--jobs", "100000", "--format", "json", "-o", report], "2>&-")
        #expect(status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: report))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(json?["photos"] != nil)
    }
}
