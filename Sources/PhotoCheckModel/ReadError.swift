import Foundation

/// Why a path could not be checked as a photo: it could not be read, or what it holds is not a
/// picture photocheck can decode. A photo with this error gets the verdict `error` (无法读取).
///
/// Each case carries its own Chinese and English text, so no message depends on matching
/// English words; the library's own words are kept in the English text as a detail.
public enum ReadError: Error, Sendable, Equatable {
    /// A path given on the command line does not exist.
    case noSuchPath
    /// A file found earlier is gone by the time it is read.
    case noSuchFile
    case folderCannotBeListed
    case isFolder
    /// A FIFO, device, socket or symbolic link (inside a folder) that is not read.
    case notRegularFile(SpecialFile)
    case permissionDenied
    /// Larger than `PhotoChecker.maxFileBytes`.
    case tooLarge(megabytes: Int)
    /// The operating system's error number from open or read.
    case readFailed(errno: Int32)
    /// The bytes are not a JPEG (another picture format, a web page, empty, unknown).
    case notAJPEG(FileType)
    /// A JPEG whose header or pixels cannot be decoded; `detail` is libjpeg-turbo's message.
    case undecodable(detail: String)

    /// Kinds of files that are not read as photos.
    public enum SpecialFile: String, Sendable, Equatable {
        case fifo, device, socket, symbolicLink, other
    }

    public var message: Localized {
        switch self {
        case .noSuchPath:
            Localized(zh: "文件或文件夹不存在", en: "no such file or folder")
        case .noSuchFile:
            Localized(zh: "文件不存在", en: "no such file")
        case .folderCannotBeListed:
            Localized(zh: "无法列出文件夹内容(没有权限?)", en: "the folder cannot be listed (permission denied?)")
        case .isFolder:
            Localized(zh: "这是一个文件夹", en: "is a folder")
        case .notRegularFile(let kind):
            switch kind {
            case .fifo: Localized(zh: "这是一个管道(FIFO),不是照片文件,已跳过", en: "a FIFO (named pipe), not a photo file: skipped")
            case .device: Localized(zh: "这是一个设备文件,不是照片文件,已跳过", en: "a device, not a photo file: skipped")
            case .socket: Localized(zh: "这是一个套接字,不是照片文件,已跳过", en: "a socket, not a photo file: skipped")
            case .symbolicLink:
                Localized(
                    zh: "文件夹中的符号链接不跟随,已跳过(请直接给出链接指向的文件)", en: "a symbolic link inside a folder is not followed: skipped (give its target directly)")
            case .other: Localized(zh: "不是普通文件,已跳过", en: "not a regular file: skipped")
            }
        case .permissionDenied:
            Localized(zh: "无法打开(没有读取权限)", en: "cannot be opened (permission denied)")
        case .tooLarge(let megabytes):
            Localized(zh: "文件大于 \(megabytes) MB,未读取", en: "larger than \(megabytes) MB, not read")
        case .readFailed(let code):
            Localized(zh: "读取文件时出错(系统错误 \(code))", en: "read error: \(String(cString: strerror(code)))")
        case .notAJPEG(let type):
            Self.notAJPEGMessage(type)
        case .undecodable(let detail):
            Localized(
                zh: "JPEG 文件已损坏(被截断或数据出错),无法解码", en: "This JPEG is damaged (cut short or corrupt) and cannot be decoded: \(detail)")
        }
    }

    /// What to do about it, when the person can do something.
    public var hint: Localized? {
        switch self {
        case .notAJPEG(.empty), .undecodable:
            Localized(
                zh: "重新从原始照片复制或下载一份,确认传输完整;或用看图软件打开原图后另存为 JPEG",
                en: "Copy or download the original photo again and make sure the transfer completes, or open the original and save it again as JPEG")
        case .notAJPEG(.html):
            Localized(
                zh: "保存的是网页而不是照片:在网页上右键点击照片,选择“图片另存为”,或向对方要原图",
                en: "A web page was saved, not the photo: right-click the photo and choose \"Save image as\", or ask for the original file")
        case .notAJPEG(.pdf):
            Localized(zh: "从 PDF 中导出照片,另存为 JPEG(.jpg)", en: "Export the photo from the PDF and save it as JPEG (.jpg)")
        case .notAJPEG(.unknown):
            Localized(zh: "用相机或手机重新导出照片为 JPEG(.jpg)格式", en: "Export the photo again as JPEG (.jpg) from the camera or phone")
        case .notAJPEG(let type):
            Localized(
                zh: "请导出为 JPEG:用看图软件或手机相册把照片另存为 .jpg,只改扩展名没有用",
                en:
                    "Export it as JPEG: save the photo as .jpg from an image viewer or the phone's gallery; renaming the \(type.displayName) file is not enough"
            )
        case .permissionDenied:
            Localized(zh: "检查文件权限,或把照片复制到自己的文件夹再检查", en: "Check the file's permissions, or copy the photo to a folder of your own and check the copy")
        case .tooLarge:
            Localized(zh: "将照片缩小为 480×640 后重新保存", en: "Resize the photo to 480×640 and save it again")
        default:
            nil
        }
    }

    private static func notAJPEGMessage(_ type: FileType) -> Localized {
        switch type {
        case .empty:
            Localized(zh: "文件是空的(0 字节),不是照片", en: "The file is empty (0 bytes), not a photo")
        case .html:
            Localized(zh: "这是一个网页(HTML)文件,不是照片", en: "This is a web page (HTML), not a photo")
        case .pdf:
            Localized(zh: "这是 PDF 文件,不是 JPEG 照片", en: "This is a PDF file, not a JPEG photo")
        case .unknown:
            Localized(zh: "这不是 JPEG 文件,也不是可识别的图片格式", en: "This is not a JPEG file, nor a picture format photocheck recognises")
        default:
            Localized(zh: "这是 \(type.displayName) 文件,不是 JPEG", en: "This is a \(type.displayName) file, not a JPEG")
        }
    }
}
