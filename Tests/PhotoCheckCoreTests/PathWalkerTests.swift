import Foundation
import PhotoCheckCore
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
        #expect(result.unreadable.isEmpty)
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
}
