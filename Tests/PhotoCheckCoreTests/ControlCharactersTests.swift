import PhotoCheckReporting
import Testing

/// One definition of a control character (C0, DEL, C1) for every output: the text and CSV
/// reports and the HTML page replace exactly those scalars with U+FFFD, less what their format
/// keeps (a report's line break, HTML's line break and tab).
@Suite struct ControlCharactersTests {
    static let scalars = (0...0x2FF).compactMap(Unicode.Scalar.init) + ["\u{2028}", "\u{FEFF}", "中", "😀"]

    @Test func theControlsAreC0DelAndC1() {
        let controls = Self.scalars.filter(ControlCharacters.contains).map(\.value)
        #expect(controls == Array(0...0x1F) + Array(0x7F...0x9F))
    }

    @Test func textReportsReplaceExactlyTheControls() {
        for scalar in Self.scalars {
            let printed = Words.printable(String(scalar), indent: nil)
            #expect(printed == (ControlCharacters.contains(scalar) ? "\u{FFFD}" : String(scalar)), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func htmlReplacesTheControlsItDoesNotKeep() {
        for scalar in Self.scalars where !"&<>\"'\n\t".unicodeScalars.contains(scalar) {
            let escaped = HTMLReporter.escape(String(scalar))
            #expect(escaped == (ControlCharacters.contains(scalar) ? "\u{FFFD}" : String(scalar)), "U+\(String(scalar.value, radix: 16))")
        }
        #expect(HTMLReporter.escape("a\nb\tc") == "a\nb\tc")
    }

    @Test func removedLeavesEverythingElse() {
        #expect(ControlCharacters.removed(from: "a\u{0}b\u{1B}[31mc\u{7F}d\u{9B}e\u{A0}中") == "ab[31mcde\u{A0}中")
    }
}
