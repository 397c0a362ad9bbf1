import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// photocheck only reads its inputs: every file, link, FIFO and folder of the hostile corpus and the
/// reference photos is byte-for-byte and stat-for-stat the same after `check`, after
/// `check --annotate` into another folder, and after `check --annotate` into a folder of the inputs
/// (which may only gain the annotated copies).
@Suite(.serialized) struct InputIntegrityTests {
    /// One entry of a tree, as lstat and the bytes show it (links are not followed).
    struct Entry: Equatable, CustomStringConvertible {
        var type: mode_t
        var mode: mode_t
        var size: Int64
        var inode: UInt64
        var modified: timespec
        var changed: timespec
        var target: [UInt8]
        var contentHash: UInt64?

        static func == (a: Entry, b: Entry) -> Bool {
            a.type == b.type && a.mode == b.mode && a.size == b.size && a.inode == b.inode
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
                && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
                && a.target == b.target && a.contentHash == b.contentHash
        }

        var description: String {
            "type \(String(type, radix: 8)) mode \(String(mode, radix: 8)) size \(size) inode \(inode) "
                + "mtime \(modified.tv_sec).\(modified.tv_nsec) ctime \(changed.tv_sec).\(changed.tv_nsec) hash \(contentHash.map { String($0, radix: 16) } ?? "-")"
        }
    }

    /// FNV-1a over the whole file (nil when it cannot be opened, e.g. mode 000 without root).
    static func hash(_ path: [CChar]) -> UInt64? {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            for byte in buffer[..<count] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        return hash
    }

    /// Every entry under `root`, keyed by its raw path bytes (names need not be UTF-8).
    static func snapshot(_ root: String) -> [[UInt8]: Entry] {
        var entries: [[UInt8]: Entry] = [:]
        func visit(_ path: [UInt8]) {
            let cPath = path.map { CChar(bitPattern: $0) } + [0]
            var info = stat()
            guard lstat(cPath, &info) == 0 else { return }
            let type = info.st_mode & S_IFMT
            var target: [UInt8] = []
            if type == S_IFLNK {
                var buffer = [CChar](repeating: 0, count: 4096)
                let count = readlink(cPath, &buffer, buffer.count)
                target = buffer.prefix(max(0, count)).map { UInt8(bitPattern: $0) }
            }
            entries[path] = Entry(
                type: type, mode: info.st_mode & 0o7777, size: Int64(info.st_size), inode: UInt64(info.st_ino),
                modified: info.st_mtim, changed: info.st_ctim, target: target,
                contentHash: type == S_IFREG ? hash(cPath) : nil)
            guard type == S_IFDIR, let dir = opendir(cPath) else { return }
            defer { closedir(dir) }
            while let item = readdir(dir) {
                let name = withUnsafeBytes(of: item.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
                if name == [0x2E] || name == [0x2E, 0x2E] { continue }
                visit(path + [UInt8(ascii: "/")] + name)
            }
        }
        visit(Array(root.utf8))
        return entries
    }

    static func describe(_ path: [UInt8]) -> String { String(decoding: path, as: UTF8.self) }

    /// Records every entry of `before` that is gone or changed in `after`, and every new entry
    /// outside `allowedNew`.
    static func expectUnchanged(_ before: [[UInt8]: Entry], _ after: [[UInt8]: Entry], allowingNewIn allowedNew: String? = nil, _ step: String) {
        var changed: [String] = []
        for (path, entry) in before {
            guard let now = after[path] else {
                changed.append("\(describe(path)) is gone")
                continue
            }
            // A folder that receives annotated copies changes its own times and size: its
            // contents are compared entry by entry instead.
            if let allowedNew, describe(path) == allowedNew, entry.type == S_IFDIR { continue }
            if now != entry { changed.append("\(describe(path)): \(entry) -> \(now)") }
        }
        for path in after.keys where before[path] == nil {
            if let allowedNew, describe(path).hasPrefix(allowedNew + "/"), describe(path).hasSuffix(".annotated.jpg") { continue }
            changed.append("\(describe(path)) appeared")
        }
        #expect(changed.isEmpty, "\(step) changed its inputs:\n\(changed.sorted().prefix(20).joined(separator: "\n"))")
    }

    @Test func checkAndAnnotateLeaveEveryInputUnchanged() throws {
        // FIFOs only inside folders here: given directly, one is a separate defect's test.
        let corpus = try HostileCorpus()
        defer { corpus.remove() }
        let root = corpus.root.path
        let before = Self.snapshot(root)
        #expect(before.count > 190)
        #expect(before.values.contains { $0.type == S_IFIFO } && before.values.contains { $0.type == S_IFLNK })
        #expect(before.values.filter { $0.type == S_IFREG && $0.contentHash != nil }.count > 180)

        let check = try GuardedRun.run([root, "--format", "json", "--jobs", "2"])
        #expect(!check.timedOut && check.signal == nil)
        #expect(!check.stdout.isEmpty)
        Self.expectUnchanged(before, Self.snapshot(root), "check")

        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-annotate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        let annotate = try GuardedRun.run([root, "--format", "json", "--annotate", outside.path])
        #expect(!annotate.timedOut && annotate.signal == nil)
        // The run really annotated: at least one copy per reference photo.
        let written = try FileManager.default.contentsOfDirectory(atPath: outside.path)
        #expect(written.count >= corpus.good.count)
        Self.expectUnchanged(before, Self.snapshot(root), "check --annotate (another folder)")

        // Annotated copies into a folder of the inputs: the photos there stay as they were.
        let goodDir = corpus.root.appendingPathComponent("good").path
        let inPlace = try GuardedRun.run([goodDir, "--format", "json", "--annotate", goodDir])
        #expect(!inPlace.timedOut && inPlace.signal == nil)
        let afterInPlace = Self.snapshot(root)
        #expect(afterInPlace.count > before.count, "no annotated copy was written into \(goodDir)")
        Self.expectUnchanged(before, afterInPlace, allowingNewIn: goodDir, "check --annotate (an input folder)")
    }
}
