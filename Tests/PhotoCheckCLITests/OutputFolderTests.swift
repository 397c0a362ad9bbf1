import Foundation
import PhotoCheckTestSupport
import Testing

/// `--annotate DIR` and `--per-student DIR` that cannot be written are refused before any photo is
/// checked (exit 2, a message naming the option and why), instead of writing nothing and exiting 0.
@Suite struct OutputFolderTests {
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(arguments: ["--annotate", "--per-student"])
    func aFileInsteadOfAFolderIsRefused(option: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("notes.txt").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: file))
        let result = try CLIRunner.run([CheckCommandTests.good, option, file, "--lang", "en"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write into \(option) \(file): it is a file, not a folder"))
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
    }

    @Test func aFolderBelowAFileIsRefusedInChinese() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("notes.txt").path
        try Data().write(to: URL(fileURLWithPath: file))
        let result = try CLIRunner.run([CheckCommandTests.good, "--annotate", file + "/marked", "--lang", "zh"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("无法写入 --annotate"))
    }

    /// A read-only folder: root passes the mode bits, so this is asserted for other users only; the
    /// kernel's read-only /proc stands for a read-only disk for everyone.
    @Test func aFolderThatRefusesWritesIsRefused() throws {
        let result = try CLIRunner.run([CheckCommandTests.good, "--annotate", "/proc/self/marked", "--lang", "en"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write into --annotate /proc/self/marked"))
        if getuid() != 0 {
            let dir = try Self.folder()
            defer {
                chmod(dir.path, 0o755)
                try? FileManager.default.removeItem(at: dir)
            }
            chmod(dir.path, 0o555)
            let readOnly = try CLIRunner.run([CheckCommandTests.good, "--annotate", dir.path, "--lang", "en"])
            #expect(readOnly.status == 2)
            #expect(readOnly.stderr.contains("permission denied"))
        }
    }

    @Test func aWritableFolderIsCreatedAndGetsTheCopy() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("a/b").path
        let result = try CLIRunner.run([CheckCommandTests.good, "--annotate", target])
        #expect(result.status <= 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: target)
        #expect(names.count == 1)
        #expect(names.first?.hasSuffix(".annotated.jpg") == true)
    }
}
