import Foundation
import PhotoCheckAnalysis
import PhotoCheckCore
import PhotoCheckReporting
import PhotoCheckTestSupport
import Testing

@Suite struct PathWalkerTests {
    /// A folder with photos in sub-folders, hidden files and folders, a non-photo file, symbolic
    /// links to a file and to a folder, and names whose byte order differs from other orders.
    func makeTree() throws -> URL {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("photocheck-walk-\(UUID().uuidString)")
        for dir in ["b", "a/deep", ".hidden", "outside"] {
            try fm.createDirectory(at: root.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        for file in [
            "Z.jpg", "a.JPG", "b/2.jpeg", "b/10.jpg", "a/deep/x.png", "a/张三.jpg", "notes.txt", ".secret.jpg", ".hidden/h.jpg", "outside/o.jpg",
        ] {
            try Data([0xFF, 0xD8]).write(to: root.appendingPathComponent(file))
        }
        try fm.createSymbolicLink(
            atPath: root.appendingPathComponent("link.jpg").path, withDestinationPath: root.appendingPathComponent("Z.jpg").path)
        try fm.createSymbolicLink(
            atPath: root.appendingPathComponent("linkdir").path, withDestinationPath: root.appendingPathComponent("outside").path)
        return root
    }

    @Test func walksInByteOrderSkippingHiddenAndLinks() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = PathWalker.expand([root.path])
        let relative = result.files.map { String($0.dropFirst(root.path.count + 1)) }
        #expect(relative == ["Z.jpg", "a/deep/x.png", "a/张三.jpg", "a.JPG", "b/10.jpg", "b/2.jpeg", "outside/o.jpg"])
        // The link with a photo's name is not followed but listed, so it is not dropped unnoticed.
        #expect(result.unreadable.map(\.path) == [root.appendingPathComponent("link.jpg").path])
        #expect(result.unreadable.first?.reason == .notRegularFile(.symbolicLink))
    }

    @Test func theSameTreeGivesTheSameListEveryTime() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(PathWalker.expand([root.path]) == PathWalker.expand([root.path]))
        #expect(PathWalker.expand([root.path + "/"]).files == PathWalker.expand([root.path]).files)
    }

    @Test func filesAreTakenAsGivenAndMissingPathsReported() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = root.appendingPathComponent("notes.txt").path
        let result = PathWalker.expand([notes, root.appendingPathComponent("missing.jpg").path])
        #expect(result.files == [notes])
        #expect(result.unreadable.map(\.path) == [root.appendingPathComponent("missing.jpg").path])
        #expect(result.unreadable.first?.reason == .noSuchPath)
    }

    /// FIFOs and symbolic links with photo names are listed, annotated copies are skipped, and a
    /// name that is not UTF-8 is kept and read by its bytes.
    @Test func specialFilesAreListedAnnotatedCopiesSkippedAndRawNamesKept() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("photocheck-walk-raw-\(UUID().uuidString)")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: root) }
        let photo = try Data(contentsOf: URL(fileURLWithPath: packageRoot().appendingPathComponent("Fixtures/real/frll-005-blue-480x640.jpg").path))
        try photo.write(to: root.appendingPathComponent("a.jpg"))
        try photo.write(to: root.appendingPathComponent("a.0badcafe.annotated.jpg"))
        #expect(mkfifo(root.appendingPathComponent("pipe.jpg").path, 0o600) == 0)
        // "张三" in GBK, then ".jpg": not valid UTF-8.
        let raw: [UInt8] = Array(root.path.utf8) + [0x2F, 0xD5, 0xC5, 0xC8, 0xFD] + Array(".jpg".utf8)
        let fd = open(raw.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT, 0o644)
        #expect(fd >= 0)
        _ = photo.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)

        let result = PathWalker.expand([root.path])
        #expect(result.files.count == 2)
        #expect(result.files.first == root.appendingPathComponent("a.jpg").path)
        #expect(result.unreadable.map(\.path) == [root.appendingPathComponent("pipe.jpg").path])
        #expect(result.unreadable.first?.reason == .notRegularFile(.fifo))
        let gbk = try #require(result.files.last)
        #expect(RawPath.fileSystemBytes(gbk).dropLast().map { UInt8(bitPattern: $0) } == raw)
        #expect(RawPath.display(gbk).hasSuffix("/\\xD5\\xC5\\xC8\\xFD.jpg"))
        // Read by its bytes: the photo itself, not "no such file".
        let report = PhotoChecker(profile: .chsi2017, options: CheckOptions()).check(path: gbk)
        #expect(report.verdict != .error)
        #expect(report.width == 480)
        // Given by name, a FIFO is refused at once instead of blocking the batch.
        let fifo = PhotoChecker(profile: .chsi2017, options: CheckOptions()).check(path: root.appendingPathComponent("pipe.jpg").path)
        #expect(fifo.error == .notRegularFile(.fifo))
    }
}
