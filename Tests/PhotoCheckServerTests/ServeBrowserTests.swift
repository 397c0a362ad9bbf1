import Foundation
import HummingbirdTesting
import PhotoCheckAnalysis
import PhotoCheckCore
import PhotoCheckTestSupport
import Testing

@testable import PhotoCheckServer

/// The page in a real browser: Tests/Browser/serve_page.py drives Debian's headless Chromium
/// (chromium-driver, python3-selenium; `make setup` installs them) against a live server: it
/// uploads a reference photo and a failing one, reads the verdicts, switches to English, fixes
/// where the page offers it and downloads the result, and takes screenshots at 390×844 and on a
/// desktop (kept in .build/serve-screenshots to be looked at). A missing browser fails the test.
@Suite struct ServeBrowserTests {
    static let screenshots = TestPaths.packageRoot.appendingPathComponent(".build/serve-screenshots")

    @Test func studentUploadsTwoPhotosAndSeesTheirVerdicts() async throws {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] {
            #expect(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: run make setup")
        }
        let python = "/usr/bin/python3"
        try #require(FileManager.default.isExecutableFile(atPath: python), "\(python) is missing: run make setup")
        let photos = [Serve.passing, Serve.failing].map { Fixtures.real($0) }
        let out = Self.screenshots
        try? FileManager.default.removeItem(at: out)
        let printed = try await Serve.test(ServeConfiguration(queue: 2, workers: 2), setup: .live) { _, client in
            let port = try #require(client.port)
            // On a thread of its own: the script takes a while, and the server's handlers need the
            // concurrency pool's threads meanwhile.
            return try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(with: Result { try Self.drive(url: "http://127.0.0.1:\(port)/", photos: photos, out: out) })
                }
            }
        }
        let result = try #require(try JSONSerialization.jsonObject(with: printed) as? [String: Any])
        let verdicts = try #require(result["verdicts"] as? [String: String])
        #expect(verdicts == [Serve.passing: "pass", Serve.failing: "fail"])
        #expect(result["zh_title"] as? String == "学信网证件照检查")
        #expect(result["english_title"] as? String == "CHSI ID photo check")
        #expect((result["english_badges"] as? [String])?.sorted() == ["fail", "pass"])
        // Nothing wider than the phone's screen.
        #expect(result["overflow_px"] as? Int == 0)
        #expect((result["console"] as? [String]) == [], "the browser reported: \(result["console"] ?? "")")
        for path in result["screenshots"] as? [String] ?? [] {
            let png = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(png.count > 10_000 && png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]), "\(path)")
        }
        #expect((result["screenshots"] as? [String])?.count ?? 0 >= 4)
        if PhotoServer.canFix {
            let downloads = try #require(result["downloads"] as? [String])
            let name = try #require(downloads.first, "the fixed photo was not downloaded")
            let fixed = Fixtures.bytes(out.appendingPathComponent("downloads").appendingPathComponent(name).path)
            let report = PhotoChecker(profile: .chsi2017, options: CheckOptions()).check(path: name, bytes: fixed)
            let shown = try #require((result["fix_verdicts"] as? [String: String])?.values.first)
            #expect(report.verdict.rawValue == shown)
            #expect(report.verdict != .error)
        }
    }

    /// Runs the script and returns what it printed.
    static func drive(url: String, photos: [String], out: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        let script = TestPaths.packageRoot.appendingPathComponent("Tests/Browser/serve_page.py").path
        process.arguments = [script, "--url", url, "--out", out.path] + photos
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "serve_page.py failed: \(String(decoding: errors, as: UTF8.self).suffix(2000))")
        return data
    }
}
