import Foundation

/// File names for what is written per photo into one folder (annotated copies, pages for the
/// students): the photo's own name with a suffix, "2021301234-张三.jpg" → "2021301234-张三.annotated.jpg",
/// so a counsellor finds each student's file by name. Only when two photos of the batch would get
/// the same name (the same file name in two class folders, compared ignoring case for file systems
/// that do) or a name would overwrite one of the photos, each of those names carries a short tag
/// from the photo's full path: "张三.1a2b3c4d.annotated.jpg".
public struct OutputNames: Sendable {
    /// The suffix of annotated copies (`--annotate`).
    public static let annotated = ".annotated.jpg"

    public let suffix: String
    private var names: [String: String] = [:]

    /// Names for `paths` (the batch's photos), each `<name without extension><suffix>` in `directory`.
    public init(_ paths: [String], suffix: String, directory: String) {
        self.suffix = suffix
        var byName: [String: [String]] = [:]
        for path in paths { byName[Self.plain(path, suffix).lowercased(), default: []].append(path) }
        let inputs = Set(paths.map(Self.full))
        for (_, group) in byName {
            for path in group {
                let plain = Self.plain(path, suffix)
                let clashes = group.count > 1 || inputs.contains(Self.full((directory as NSString).appendingPathComponent(plain)))
                names[path] = clashes ? Self.tagged(path, suffix) : plain
            }
        }
    }

    /// The file name for `path`; a photo not in the batch gets its plain name.
    public func name(for path: String) -> String {
        names[path] ?? Self.plain(path, suffix)
    }

    package static func plain(_ path: String, _ suffix: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension + suffix
    }

    package static func full(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The name with a tag from the full path: FNV-1a, stable across runs and platforms (Swift's
    /// Hasher is seeded per process).
    package static func tagged(_ path: String, _ suffix: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in full(path).utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let tag = String(hash, radix: 16)
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return "\(name).\(String(repeating: "0", count: 8 - tag.count) + tag)\(suffix)"
    }
}
