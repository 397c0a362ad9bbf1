/// The one definition of the control characters photocheck keeps out of what it prints, writes
/// and serves: C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F). From a file name, an EXIF
/// field or an upload they could move a terminal's cursor, recolour it, or break a line, a CSV
/// row or a header where none was meant. Each output keeps what its format needs (a report's line
/// break, HTML's tab) and replaces or drops the rest through here.
package enum ControlCharacters {
    /// True for a C0 control, DEL or a C1 control.
    package static func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// `text` with every control character left out.
    package static func removed(from text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !contains(scalar) { out.append(scalar) }
        return String(out)
    }
}
