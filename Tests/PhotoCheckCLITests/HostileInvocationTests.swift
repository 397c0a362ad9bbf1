import Foundation
import PhotoCheckTestSupport
import Testing

/// Odd command lines a careless user gives: a FIFO, a name that is not UTF-8, impossible dates,
/// absurd job counts. Each ends promptly with a clear answer.
@Suite struct HostileInvocationTests {
    struct Finished {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary with raw byte arguments; kills it (and fails) after `timeout` seconds.
    static func run(_ arguments: [[UInt8]], timeout: Double = 60) throws -> Finished? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CheckCommandTests.binary)
        // Process takes Strings; pass raw bytes through the shell's printf so they arrive intact.
        let quoted = arguments.map { bytes in "\"$(printf '" + bytes.map { String(format: "\\%03o", $0) }.joined() + "')\"" }
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \"$0\" " + quoted.joined(separator: " "), CheckCommandTests.binary]
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return nil
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        return Finished(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func aFIFOGivenByNameIsRefusedWithoutBlocking() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("photo.jpg").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let run = try #require(
            try Self.run([
                Self.bytes(CheckCommandTests.good), Self.bytes(fifo), Self.bytes("--profile"), Self.bytes(CheckCommandTests.fileProfile),
                Self.bytes("--lang"), Self.bytes("en"),
            ]),
            "photocheck blocked on the FIFO")
        #expect(run.status == 2)
        #expect(run.stdout.contains("cannot be read: a FIFO (named pipe), not a photo file"), "\(run.stdout)")
        #expect(run.stdout.contains("2 photos: 1 pass, 0 warn, 0 fail, 1 error"), "\(run.stdout)")
    }

    @Test func aNameThatIsNotUTF8IsReadByItsBytes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-gbk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // "张三.jpg" in GBK.
        let name = Self.bytes(dir.path) + [0x2F, 0xD5, 0xC5, 0xC8, 0xFD] + Self.bytes(".jpg")
        let photo = try Data(contentsOf: URL(fileURLWithPath: CheckCommandTests.good))
        let fd = open(name.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT, 0o644)
        #expect(fd >= 0)
        _ = photo.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        for argument in [name, Self.bytes(dir.path)] {
            let run = try #require(
                try Self.run([argument, Self.bytes("--profile"), Self.bytes(CheckCommandTests.fileProfile), Self.bytes("--lang"), Self.bytes("en")]))
            #expect(run.status == 0, "\(run.stdout)")
            #expect(run.stdout.contains("\\xD5\\xC5\\xC8\\xFD.jpg  (480×640)"), "\(run.stdout)")
            #expect(run.stdout.contains("1 photos: 1 pass") || run.stdout.contains("1 photo: 1 pass"), "\(run.stdout)")
        }
    }

    @Test(arguments: ["99999-01-01", " 2031-06-30", "2031-06-30 ", "2031-6-30", "2031-02-30", "+2031-06-30", "２０３１-06-30"])
    func aGraduationDateMustBeAnExactRealDay(_ date: String) throws {
        let run = try CheckCommandTests.runFileChecks([CheckCommandTests.good, "--graduation-date", date])
        #expect(run.status == 2, "\(date)")
        #expect(run.stderr.contains("--graduation-date must be YYYY-MM-DD"), "\(run.stderr)")
    }

    @Test func aRealGraduationDateIsAccepted() throws {
        #expect(try CheckCommandTests.runFileChecks([CheckCommandTests.good, "--graduation-date", "2031-06-30"]).status == 0)
    }

    @Test func absurdJobCountsAreClampedAndSaid() throws {
        let run = try CheckCommandTests.runFileChecks([CheckCommandTests.good, "--jobs", "100000"])
        #expect(run.status == 0)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(run.stderr.contains("--jobs 100000 is more than this machine can use; using \(min(256, 4 * cores))"), "\(run.stderr)")
        #expect(try CheckCommandTests.runFileChecks([CheckCommandTests.good, "--jobs", "2"]).stderr.isEmpty)
    }

    /// A full disk on standard output is a message and exit 2, not a crash (exit 132).
    @Test(arguments: [["rules"], [CheckCommandTests.good, "--profile", CheckCommandTests.fileProfile]])
    func aFullStandardOutputExitsTwo(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CheckCommandTests.binary)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(stderr)")
        #expect(stderr.hasPrefix("photocheck: cannot write"), "\(stderr)")
    }

    /// With SIGPIPE ignored, a reader that goes away stops the batch at the first failed write
    /// with a plain message (it used to run to the end and print "NSCocoaErrorDomain error 512").
    @Test func aClosedStandardOutputStopsTheBatch() throws {
        let photos = [String](repeating: CheckCommandTests.good, count: 40)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments =
            [
                "-c", "trap '' PIPE; \"$0\" --jobs 1 --profile \"$@\" | (exec <&-; sleep 2); echo \"status=${PIPESTATUS[0]}\"",
                CheckCommandTests.binary, CheckCommandTests.fileProfile,
            ] + photos
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(stdout.contains("status=2"), "\(stdout) \(stderr)")
        #expect(stderr.contains("photocheck: cannot write to standard output (Broken pipe); stopped"), "\(stderr)")
        #expect(!stderr.contains("NSCocoaErrorDomain"))
    }
}
