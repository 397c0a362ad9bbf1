import Foundation

/// A folder the command writes copies into (`--annotate DIR`, `--per-student DIR`), made ready
/// before the first photo is checked: created if missing, and proven writable by creating and
/// removing a file in it. Checking the mode bits would not do: root passes them on a read-only
/// mount, and a folder can refuse writes for reasons no bit shows (a full or read-only disk).
enum OutputFolder {
    struct Refusal: Error, CustomStringConvertible {
        let option: String
        let path: String
        let reason: String

        var description: String {
            UI.text("cannot write into \(option) \(path): \(reason)", "无法写入 \(option) \(path):\(reason)")
        }
    }

    static func prepare(_ path: String, option: String) throws(Refusal) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw Refusal(option: option, path: path, reason: UI.text("it is a file, not a folder", "这是一个文件,不是文件夹"))
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw Refusal(option: option, path: path, reason: reason(errnoOf: error))
            }
        }
        let probe = (path as NSString).appendingPathComponent(".photocheck-\(getpid())-probe")
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Refusal(option: option, path: path, reason: reason(errno)) }
        close(fd)
        unlink(probe)
    }

    private static func reason(errnoOf error: Error) -> String {
        let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code ?? Int(EACCES)
        return reason(Int32(code))
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: UI.text("permission denied", "没有写入权限")
        case EROFS: UI.text("the disk is read-only", "磁盘是只读的")
        case ENOSPC, EDQUOT: UI.text("the disk is full", "磁盘已满")
        case ENOTDIR: UI.text("a part of the path is a file, not a folder", "路径中有一段是文件,不是文件夹")
        default: String(cString: strerror(code))
        }
    }
}
