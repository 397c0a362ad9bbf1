import Foundation
import PhotoCheckTestSupport
import Testing

/// `--output` never destroys what is at its path: not an input photo, not a symbolic link's
/// target's link, not a device or FIFO; the file it writes keeps the umask or the old file's mode.
@Suite struct OutputSafetyTests {
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CheckCommandTests.good, toPath: dir.appendingPathComponent("me.jpg").path)
        return dir
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    static func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    /// Runs the binary under `umask` through the shell (a child inherits the umask).
    static func run(umask mask: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "umask \(mask); exec \"$0\" \"$@\" >/dev/null 2>&1", CheckCommandTests.binary] + arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func anOutputThatIsAnInputPhotoIsRefused() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let photo = dir.appendingPathComponent("me.jpg").path
        let before = try #require(FileManager.default.contents(atPath: photo))
        for inputs in [[photo], [dir.path]] {
            let run = try CheckCommandTests.runFileChecks(inputs + ["--format", "json", "-o", photo])
            #expect(run.status == 2)
            #expect(run.stderr.contains("one of the photos being checked"), "\(run.stderr)")
            #expect(FileManager.default.contents(atPath: photo) == before)
        }
        // A hard link to the input is the same file too.
        let link = dir.appendingPathComponent("report.json").path
        #expect(link.withCString { l in photo.withCString { Glibc.link($0, l) } } == 0)
        #expect(try CheckCommandTests.runFileChecks([photo, "-o", link]).status == 2)
        #expect(FileManager.default.contents(atPath: photo) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["me.jpg", "report.json"])
    }

    @Test func aSymbolicLinkIsWrittenThroughNotReplaced() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: real))
        chmod(real, 0o640)
        let link = dir.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.json")
        let run = try CheckCommandTests.runFileChecks([dir.appendingPathComponent("me.jpg").path, "--format", "json", "-o", link])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.fileType(link) == S_IFLNK)
        let written = try #require(FileManager.default.contents(atPath: real))
        #expect(String(decoding: written, as: UTF8.self).hasPrefix("{"))
        #expect(Self.mode(real) == 0o640)  // the replaced file keeps its mode
        // A link to nowhere and a folder are refused.
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("dangling.json").path, withDestinationPath: "nowhere/x.json")
        #expect(try CheckCommandTests.runFileChecks([real, "-o", dir.appendingPathComponent("dangling.json").path]).status == 2)
        #expect(try CheckCommandTests.runFileChecks([dir.appendingPathComponent("me.jpg").path, "-o", dir.path]).status == 2)
    }

    @Test func aFIFOIsWrittenIntoNotReplaced() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("out.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader that does not wait for a writer, so the writer's open does not block.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let run = try CheckCommandTests.runFileChecks([dir.appendingPathComponent("me.jpg").path, "--lang", "en", "-o", fifo])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.fileType(fifo) == S_IFIFO)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = read(reader, &buffer, buffer.count)
        #expect(count > 0)
        #expect(String(decoding: buffer.prefix(max(0, count)), as: UTF8.self).contains("me.jpg"))
    }

    @Test func aNewReportHonoursTheUmask() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let photo = dir.appendingPathComponent("me.jpg").path
        let out = dir.appendingPathComponent("private.html").path
        #expect(try Self.run(umask: "077", [photo, "--profile", CheckCommandTests.fileProfile, "--format", "html", "-o", out]) == 0)
        #expect(Self.mode(out) == 0o600)
        let shared = dir.appendingPathComponent("shared.json").path
        #expect(try Self.run(umask: "022", [photo, "--profile", CheckCommandTests.fileProfile, "--format", "json", "-o", shared]) == 0)
        #expect(Self.mode(shared) == 0o644)
    }
}
