import Foundation
import PhotoCheckCore

/// One libFuzzer binary for four targets, chosen by PHOTOCHECK_FUZZ_TARGET:
/// - `markers`: JPEGFile's marker and segment reading, and what it derives (density, XMP, comments);
/// - `exif`: the EXIF reader on the bytes as a TIFF block, and on a JPEG's APP1 if there is one;
/// - `decode`: the libjpeg-turbo decoder as the checker uses it (one decoder reused across inputs,
///   as a worker reuses it across photos), held to a fresh decoder's result on every input;
/// - `check`: the whole single-photo check with the default profile, as `photocheck` runs it.
enum FuzzTarget: String {
    case markers, exif, decode, check
}

nonisolated(unsafe) var target = FuzzTarget.markers
nonisolated(unsafe) var decoder: JPEGDecoder?
nonisolated(unsafe) var checker: PhotoChecker?

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>)
    -> Int32
{
    let name = ProcessInfo.processInfo.environment["PHOTOCHECK_FUZZ_TARGET"] ?? "markers"
    guard let chosen = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("PHOTOCHECK_FUZZ_TARGET must be markers, exif, decode or check, not \(name)\n".utf8))
        exit(2)
    }
    target = chosen
    switch chosen {
    case .decode: decoder = try? JPEGDecoder()
    case .check:
        // A fixed day, so that the same input always takes the same path through the date checks.
        let options = CheckOptions(graduationDate: Date(timeIntervalSince1970: 1_782_777_600))
        checker = PhotoChecker(profile: .chsi2017, options: options)
    default: break
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    switch target {
    case .markers:
        if let file = try? JPEGFile(bytes: bytes) {
            _ = file.exifPayload
            _ = file.xmp
            _ = file.photoshopPayload
            _ = file.comments
            _ = file.frame?.isProgressive
        }
    case .exif:
        _ = EXIFReader.read(tiff: bytes[...])
        if let file = try? JPEGFile(bytes: bytes), let exif = file.exifPayload {
            _ = EXIFReader.read(tiff: exif)
        }
    case .decode:
        // The worker's decoder is reused across photos; a fresh one must give the same answer,
        // or one file has changed how the next is read.
        let reused = Result { () throws(DecodingError) in try decoder!.decode(bytes) }
        let fresh = Result { () throws(DecodingError) in try JPEGDecoder().decode(bytes) }
        switch (reused, fresh) {
        case (.success(let a), .success(let b)):
            if a.image.pixels != b.image.pixels || a.warning != b.warning { fatalError("a reused decoder decoded differently") }
        case (.failure(let a), .failure(let b)):
            if a.message != b.message { fatalError("a reused decoder failed differently: \(a.message) / \(b.message)") }
        default:
            fatalError("a reused decoder and a fresh one disagree: \(reused) / \(fresh)")
        }
    case .check:
        _ = checker?.check(path: "fuzz.jpg", bytes: bytes)
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func fuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// SwiftPM links an executable target's entry point under the module's name (`main` is defined as
/// an alias of it), so libFuzzer's driver is started from here rather than from its own `main`.
@_cdecl("PhotoCheckFuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return fuzzerRunDriver(&count, &arguments) { data, size in fuzzerTestOneInput(data, size) }
}
