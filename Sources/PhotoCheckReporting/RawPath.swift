import Foundation

/// File names are bytes; photocheck's paths are Strings. A name that is not valid UTF-8 (a zip
/// from an old Windows machine, GBK names) is kept by turning each byte that is not part of a
/// valid UTF-8 sequence into the private-use scalar U+10FF00 + byte, which no real name uses:
/// the String opens the same file again (`fileSystemBytes`) and prints as `\xNN`.
public enum RawPath {
    static let escapeBase: UInt32 = 0x10_FF00

    /// A path's bytes as a String, lossless.
    public static func string(_ bytes: [UInt8]) -> String {
        if let valid = String(validating: bytes, as: UTF8.self), !valid.unicodeScalars.contains(where: isEscape) {
            return valid
        }
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            var taken = 0
            for length in 1...4 where i + length <= bytes.count {
                if let piece = String(validating: bytes[i..<(i + length)], as: UTF8.self), piece.unicodeScalars.count == 1,
                    let scalar = piece.unicodeScalars.first, !isEscape(scalar)
                {
                    scalars.append(scalar)
                    taken = length
                    break
                }
            }
            if taken == 0 {
                scalars.append(Unicode.Scalar(escapeBase + UInt32(bytes[i]))!)
                taken = 1
            }
            i += taken
        }
        return String(scalars)
    }

    /// The bytes to give the operating system for `path` (NUL-terminated).
    public static func fileSystemBytes(_ path: String) -> [CChar] {
        var out: [CChar] = []
        out.reserveCapacity(path.utf8.count + 1)
        for scalar in path.unicodeScalars {
            if isEscape(scalar) {
                out.append(CChar(bitPattern: UInt8(scalar.value - escapeBase)))
            } else {
                out.append(contentsOf: String(scalar).utf8.map { CChar(bitPattern: $0) })
            }
        }
        out.append(0)
        return out
    }

    /// Calls `body` with `path` as the operating system's C string.
    public static func withFileSystemPath<R>(_ path: String, _ body: (UnsafePointer<CChar>) -> R) -> R {
        let bytes = fileSystemBytes(path)
        // Never empty: it ends with the NUL.
        return bytes.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// The path for people: escaped bytes shown as `\xNN`.
    public static func display(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: isEscape) else { return path }
        var out = ""
        for scalar in path.unicodeScalars {
            if isEscape(scalar) {
                let hex = String(scalar.value - escapeBase, radix: 16, uppercase: true)
                out += "\\x" + (hex.count == 1 ? "0" : "") + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The process's arguments, each kept byte for byte (CommandLine.arguments repairs bad UTF-8
    /// into U+FFFD, which names no file).
    public static func arguments() -> [String] {
        (0..<Int(CommandLine.argc)).map { index in
            guard let pointer = CommandLine.unsafeArgv[index] else { return "" }
            return string(Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))))
        }
    }

    static func isEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= escapeBase && scalar.value <= escapeBase + 0xFF
    }
}
