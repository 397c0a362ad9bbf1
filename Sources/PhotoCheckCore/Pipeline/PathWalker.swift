import Foundation

/// Turns the paths a user gave into the list of files to check.
///
/// A file is taken as given, whatever its name. A folder is walked recursively in byte order of
/// names, without following symbolic links, skipping hidden entries, keeping photos and files
/// that pretend to be photos (.png, .heic, …) so they are reported rather than silently ignored.
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
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.unreadable.append((path, .noSuchPath))
                continue
            }
            if isDirectory.boolValue {
                walk(path, into: &result)
            } else {
                result.files.append(path)
            }
        }
        return result
    }

    private static func walk(_ folder: String, into result: inout Result) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else {
            result.unreadable.append((folder, .folderCannotBeListed))
            return
        }
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            guard let attributes = try? fm.attributesOfItem(atPath: path),
                let type = attributes[.type] as? FileAttributeType
            else { continue }
            switch type {
            case .typeDirectory:
                walk(path, into: &result)
            case .typeRegular:
                let ext = (name as NSString).pathExtension.lowercased()
                if photoExtensions.contains(ext) { result.files.append(path) }
            default:
                continue  // symbolic links, sockets, devices: not followed
            }
        }
    }
}
