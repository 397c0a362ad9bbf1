/// Writes compact JSON into a byte buffer, the way Foundation's `JSONEncoder` does with
/// `[.sortedKeys, .withoutEscapingSlashes]`: the same escapes, the same numbers, no spaces.
///
/// Why not the encoder itself: encoding a photo's report goes through `Encodable` containers and
/// dictionaries for every finding, a cost paid for every photo of a batch; writing the bytes
/// directly skips both. The caller writes an object's keys in sorted (code point) order; a test
/// holds the output byte-equal to `JSONEncoder`'s for real reports and for awkward strings and
/// numbers.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// True after a complete value: the next value or key needs a comma before it.
    private var needsComma = false
    private static let hexDigits = Array("0123456789abcdef".utf8)

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func beginObject() { open(UInt8(ascii: "{")) }

    mutating func endObject() { close(UInt8(ascii: "}")) }

    mutating func beginArray() { open(UInt8(ascii: "[")) }

    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// `"key":`; the member's value is whatever is written next.
    mutating func key(_ key: String) {
        string(key)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    mutating func boolean(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    mutating func integer(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    /// A number as `JSONEncoder` writes a `Double`: Swift's shortest round-trip form, without a
    /// trailing ".0" on whole numbers ("3", "-0", "0.25", "1e-05", "1e+16"). Finite values only.
    mutating func number(_ value: Double) {
        separate()
        let description = value.description
        if description.hasSuffix(".0") {
            bytes.append(contentsOf: description.utf8.dropLast(2))
        } else {
            bytes.append(contentsOf: description.utf8)
        }
        needsComma = true
    }

    /// A string with `JSONEncoder`'s escapes: `\"`, `\\`, `\b \t \n \f \r`, other control
    /// characters as `\u00xx`; slashes and everything from U+007F up as they are (UTF-8).
    mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// An object or array starts: its first member or element needs no comma before it.
    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        needsComma = false
    }

    /// An object or array ends: it is a complete value.
    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }
}
