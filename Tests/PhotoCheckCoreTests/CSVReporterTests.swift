import Foundation
import PhotoCheckTestSupport
import Testing

@testable import PhotoCheckCore

@Suite struct CSVReporterTests {
    /// A small RFC 4180 reader, to read back what the reporter wrote.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, afterQuote = false
        var it = Array(text.unicodeScalars).makeIterator()
        while let c = it.next() {
            if quoted {
                if c == "\"" { quoted = false; afterQuote = true } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"": if afterQuote { field += "\"" }; quoted = true; afterQuote = false
            case ",": row.append(field); field = ""; afterQuote = false
            case "\r": afterQuote = false
            case "\n": row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
            default: field.unicodeScalars.append(c); afterQuote = false
            }
        }
        return rows
    }

    @Test func startsWithBOMAndUsesCRLF() {
        let text = CSVReporter().render(ReportSamples.reports, ReportSamples.context(.zh))
        let bytes = Array(text.utf8)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(text.hasSuffix("\r\n"))
        // Chinese is stored as UTF-8 (学号 = E5 AD A6 E5 8F B7), not escaped.
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("文件,学号".utf8)))
    }

    @Test func rowsReadBackWithTheirCells() throws {
        let text = CSVReporter().render(ReportSamples.reports, ReportSamples.context(.zh))
        let rows = Self.parse(String(text.unicodeScalars.dropFirst()))
        #expect(rows.count == 5)
        let width = 5 + ReportSamples.profile.checks.count
        #expect(rows.allSatisfy { $0.count == width })
        #expect(rows[0].prefix(5) == ["文件", "学号", "结论", "不合格项", "警告项"])
        #expect(Array(rows[0].suffix(ReportSamples.profile.checks.count)) == ReportSamples.profile.checks)
        let failing = rows[2]
        #expect(failing[0] == ReportSamples.failing.path)
        #expect(failing[1] == "2021301235")
        #expect(failing[2] == "不合格")
        #expect(failing[3] == "file.dimensions: 尺寸为 1350×1800 像素,要求 480×640\nfile.size: 文件大小 12.5 KB,要求 \"30–60 KB\"")
        #expect(failing[4].hasPrefix("edit.software: EXIF 写有编辑软件"))
        let dimensionsColumn = try #require(rows[0].firstIndex(of: "file.dimensions"))
        #expect(failing[dimensionsColumn] == "不合格")
        #expect(rows[1][1] == "2021301234")
        // The unreadable file: its formula-like name is defused, the reason is listed.
        #expect(rows[3][0] == "'=HYPERLINK(\"x\").jpg")
        #expect(rows[3][1] == "'=HYPERLINK(\"x\")")
        #expect(rows[3][2] == "无法读取")
        #expect(rows[3][3] == "无法读取:无法打开(没有读取权限)")
    }

    @Test func englishAddsTheEnglishMessageAfterTheChinese() {
        let text = CSVReporter().render([ReportSamples.warning], ReportSamples.context(.en))
        let rows = Self.parse(String(text.unicodeScalars.dropFirst()))
        #expect(rows[1][4] == "file.dpi: 分辨率为 72 dpi,要求 300 dpi / 72 dpi; the standard wants 300 dpi")
        #expect(rows[1][2] == "warn")
        #expect(rows[1][1] == "2021301236")
    }

    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("=1+2", "'=1+2"), ("-3", "'-3"), ("@x", "'@x"), ("中文", "中文"), ("", ""),
    ])
    func quotesFields(_ raw: String, _ expected: String) {
        #expect(CSVReporter.field(raw) == expected)
    }

    @Test(
        arguments: [
            ("photos/2021301234_张三.jpg", "2021301234"), ("张三-20211234567.jpeg", "20211234567"),
            ("a12b2021001c.jpg", "2021001"), ("zhang.jpg", nil), ("123.jpg", nil), ("/x/y/.hidden2021.jpg", "2021"),
        ] as [(String, String?)])
    func studentIDIsTheLongestDigitRun(_ path: String, _ id: String?) {
        #expect(Words.studentID(path) == id)
    }
}
