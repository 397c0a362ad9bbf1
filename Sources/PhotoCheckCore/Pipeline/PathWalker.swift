import Foundation
import PhotoCheckModel
import PhotoCheckReporting

/// Turns the paths a user gave into the list of files to check.
///
/// A file is taken as given, whatever its name. A folder is walked recursively in byte order of
/// names, without following symbolic links, skipping hidden entries and photocheck's own
/// `*.annotated.jpg` copies, keeping photos and files that pretend to be photos (.png, .heic, …)
/// so they are reported rather than silently ignored. Symbolic links, FIFOs and devices with a
/// photo's name are listed as unreadable, not dropped; names that are not UTF-8 are kept
/// (see `RawPath`).
public enum PathWalker {
    public static let photoExtensions: Set<String> = [
        "jpg", "jpeg", "jpe", "jfif", "png", "heic", "heif", "webp", "gif", "bmp", "tif", "tiff", "avif",
    ]

    public struct Result: Sendable, Equatable {
        public var files: [String] = []
        /// Paths that do not exist, cannot be listed or are not regular files, with the reason.
        public var unreadable: [(path: String, reason: ReadError)] = []

        public static func == (a: Result, b: Result) -> Bool {
            a.files == b.files && a.unreadable.map(\.path) == b.unreadable.map(\.path)
        }
    }

    public static func expand(_ paths: [String]) -> Result {
        var result = Result()
        for path in paths {
            var info = stat()
            let found = RawPath.withFileSystemPath(path) { stat($0, &info) } == 0
            guard found else {
                result.unreadable.append((path, .noSuchPath))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(path, into: &result)
            } else {
                // Taken as given, whatever it is: a FIFO or device is refused when read, without blocking.
                result.files.append(path)
            }
        }
        return result
    }

    /// Whether a name found in a folder is checked: a photo extension, and not one of
    /// photocheck's own annotated copies (`--annotate` into the folder being checked).
    static func isCandidate(_ name: String) -> Bool {
        let ext = (name as NSString).pathExtension.lowercased()
        return photoExtensions.contains(ext) && !name.lowercased().hasSuffix(".annotated.jpg")
    }

    /// The names in a folder, byte for byte (names that are not UTF-8 are kept), or nil.
    static func names(in folder: String) -> [[UInt8]]? {
        guard let dir = RawPath.withFileSystemPath(folder, { opendir($0) }) else { return nil }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        return names
    }

    private static func walk(_ folder: String, into result: inout Result) {
        guard let names = names(in: folder) else {
            result.unreadable.append((folder, .folderCannotBeListed))
            return
        }
        for bytes in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) where bytes.first != 0x2E {
            let name = RawPath.string(bytes)
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var info = stat()
            guard RawPath.withFileSystemPath(path, { lstat($0, &info) }) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(path, into: &result)
            case S_IFREG:
                if isCandidate(name) { result.files.append(path) }
            default:
                // Not followed or not read, but listed so nothing is dropped without notice.
                guard isCandidate(name) else { continue }
                let kind: ReadError.SpecialFile =
                    switch info.st_mode & S_IFMT {
                    case S_IFLNK: .symbolicLink
                    case S_IFIFO: .fifo
                    case S_IFCHR, S_IFBLK: .device
                    case S_IFSOCK: .socket
                    default: .other
                    }
                result.unreadable.append((path, .notRegularFile(kind)))
            }
        }
    }
}
