import Foundation
import PhotoCheckTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built binary with raw byte-string arguments (names that are not UTF-8 survive), its
/// output in files (a large report cannot block it), a hang guard that kills it, and its peak
/// memory read from the kernel (wait4).
enum GuardedRun {
    struct Result {
        /// The exit status, or nil when the process was killed by a signal.
        var status: Int32?
        var signal: Int32?
        var timedOut: Bool
        var maxRSSBytes: Int
        var seconds: Double
        var stdout: Data
        var stderr: String
    }

    static func run(_ arguments: [[UInt8]], timeout: Double = 120) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = scratch.appendingPathComponent("stdout").path
        let errPath = scratch.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let executable = CLIRunner.executable
        var argv: [UnsafeMutablePointer<CChar>?] = ([Array(executable.utf8)] + arguments).map { bytes in
            let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (i, byte) in bytes.enumerated() { pointer[i] = CChar(bitPattern: byte) }
            pointer[bytes.count] = 0
            return pointer
        }
        argv.append(nil)
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") }
        envp.append(nil)
        defer {
            for pointer in argv { pointer?.deallocate() }
            for pointer in envp { free(pointer) }
        }

        let start = Date()
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid { break }
            if waited < 0 && errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            if Date().timeIntervalSince(start) > timeout && !timedOut {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(20_000)
        }
        let seconds = Date().timeIntervalSince(start)
        // WIFEXITED / WTERMSIG spelled out: the macros are not imported into Swift.
        let signal = status & 0x7F
        return Result(
            status: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal, timedOut: timedOut,
            maxRSSBytes: Int(usage.ru_maxrss) * 1024, seconds: seconds,
            stdout: FileManager.default.contents(atPath: outPath) ?? Data(),
            stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self))
    }

    static func run(_ arguments: [String], timeout: Double = 120) throws -> Result {
        try run(arguments.map { Array($0.utf8) }, timeout: timeout)
    }
}

/// The hostile corpus (Fixtures/hostile, made by Scripts/make-hostile.py) copied into a temporary
/// folder, with what cannot live in git made beside it, and the reference photos to put between
/// the bad files.
struct HostileCorpus {
    let root: URL
    /// The committed hostile files, copied (Fixtures/hostile itself is never handed to the binary).
    var hostile: [String] = []
    /// The reference photos, framed to the standard, each copied under its own name.
    var good: [String] = []
    /// A folder to be walked, of things made here: a FIFO, a symbolic link loop, an unreadable
    /// file, files whose names are not UTF-8, a folder named x.jpg, a photo with a 50 MB trailer,
    /// a JPEG with 20 MB of XMP.
    let odd: URL
    /// The same kinds of things (without the large ones), each to be given as an argument.
    let direct: URL
    /// Raw names (bytes) of the entries made in `odd`, and in `direct`.
    var oddEntries: [[UInt8]] = []
    var directEntries: [[UInt8]] = []
    /// True when the process may read a file whose mode is 000 (root, as in CI containers).
    private(set) var unreadableIsReadable = false

    /// The names (not UTF-8) of files holding the first reference photo.
    static let latin1Name: [UInt8] = Array("photo-".utf8) + [0xE9, 0xFF] + Array(".jpg".utf8)
    static let gb18030Name: [UInt8] = [0xD5, 0xC5, 0xC8, 0xFD] + Array(".jpg".utf8)

    /// The ten reference photos: ../shared/reference beside the package when present (as in CI),
    /// else the same ten photos under Fixtures/real.
    static var referencePhotos: [String] {
        let shared = TestPaths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: shared.path))?.filter { $0.hasSuffix(".jpg") }.sorted() ?? []
        if names.count >= 10 { return names.map { shared.appendingPathComponent($0).path } }
        let real = TestPaths.packageRoot.appendingPathComponent("Fixtures/real")
        return ((try? FileManager.default.contentsOfDirectory(atPath: real.path)) ?? []).filter { $0.hasSuffix("-480x640.jpg") }.sorted()
            .map { real.appendingPathComponent($0).path }
    }

    init(withFIFO: Bool = true) throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("photocheck-hostile-\(UUID().uuidString)")
        odd = root.appendingPathComponent("odd")
        direct = root.appendingPathComponent("direct")
        let hostileDir = root.appendingPathComponent("hostile")
        let goodDir = root.appendingPathComponent("good")
        for dir in [odd, direct, hostileDir, goodDir] { try fm.createDirectory(at: dir, withIntermediateDirectories: true) }
        let source = TestPaths.packageRoot.appendingPathComponent("Fixtures/hostile")
        for name in try fm.contentsOfDirectory(atPath: source.path).sorted() where name.hasSuffix(".jpg") {
            let target = hostileDir.appendingPathComponent(name).path
            try fm.copyItem(atPath: source.appendingPathComponent(name).path, toPath: target)
            hostile.append(target)
        }
        let references = Self.referencePhotos
        for reference in references {
            let target = goodDir.appendingPathComponent((reference as NSString).lastPathComponent).path
            try fm.copyItem(atPath: reference, toPath: target)
            chmod(target, 0o644)
            good.append(target)
        }
        let photo = try Data(contentsOf: URL(fileURLWithPath: references[0]))
        oddEntries = try Self.makeOddThings(in: odd, photo: photo, large: true, fifo: withFIFO)
        directEntries = try Self.makeOddThings(in: direct, photo: photo, large: false, fifo: withFIFO)
        unreadableIsReadable = access(odd.appendingPathComponent("unreadable.jpg").path, R_OK) == 0
    }

    /// Makes the odd entries in `dir`; returns the names of those that are not folders.
    static func makeOddThings(in dir: URL, photo: Data, large: Bool, fifo: Bool) throws -> [[UInt8]] {
        var names: [[UInt8]] = []
        func file(_ name: [UInt8], _ data: Data, mode: mode_t = 0o644) throws {
            let path = (Array(dir.path.utf8) + [UInt8(ascii: "/")] + name).map { CChar(bitPattern: $0) } + [0]
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)
            guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            defer { close(fd) }
            try FileHandle(fileDescriptor: fd, closeOnDealloc: false).write(contentsOf: data)
            fchmod(fd, mode)
            names.append(name)
        }
        try file(latin1Name, photo)
        try file(gb18030Name, photo)
        try file(Array("unreadable.jpg".utf8), photo, mode: 0)
        if large {
            // A good photo followed by 50 MB of zeros (under the 64 MB read cap).
            try file(Array("trailer-50mb.jpg".utf8), photo + Data(count: 50 * 1024 * 1024))
            // The photo carrying 320 full XMP segments (20 MB) after its start marker.
            var xmp = Data([0xFF, 0xD8])
            let namespace = Data("http://ns.adobe.com/xap/1.0/\u{0}".utf8)
            let chunk = namespace + Data(repeating: UInt8(ascii: "x"), count: 0xFFFF - 2 - namespace.count)
            for _ in 0..<320 { xmp += Data([0xFF, 0xE1, 0xFF, 0xFF]) + chunk }
            xmp += photo.dropFirst(2)
            try file(Array("xmp-20mb.jpg".utf8), xmp)
        }
        // Two links pointing at each other, and a link to the folder itself.
        symlink("loop-b.jpg", dir.appendingPathComponent("loop-a.jpg").path)
        symlink("loop-a.jpg", dir.appendingPathComponent("loop-b.jpg").path)
        symlink(".", dir.appendingPathComponent("loop-dir").path)
        names += [Array("loop-a.jpg".utf8), Array("loop-b.jpg".utf8), Array("loop-dir".utf8)]
        if fifo {
            guard mkfifo(dir.appendingPathComponent("fifo.jpg").path, 0o644) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            names.append(Array("fifo.jpg".utf8))
        }
        // A folder named like a photo, holding one truncated JPEG.
        let folder = dir.appendingPathComponent("x.jpg")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        try Data(photo.prefix(300)).write(to: folder.appendingPathComponent("inside.jpg"))
        return names
    }

    func remove() {
        for dir in [odd, direct] { chmod(dir.appendingPathComponent("unreadable.jpg").path, 0o644) }
        try? FileManager.default.removeItem(at: root)
    }
}

/// The photo entries of a JSON report.
func reportedPhotos(_ stdout: Data) throws -> [[String: Any]] {
    let object = try #require(try JSONSerialization.jsonObject(with: stdout) as? [String: Any], "the report is not JSON")
    return try #require(object["photos"] as? [[String: Any]])
}
