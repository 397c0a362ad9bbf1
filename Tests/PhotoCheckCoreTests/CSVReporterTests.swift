import Foundation
import PhotoCheckModel
import PhotoCheckReporting
import PhotoCheckTestSupport
import Testing

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
        let width = 6 + ReportSamples.profile.checks.count
        #expect(rows.allSatisfy { $0.count == width })
        #expect(rows[0].prefix(6) == ["文件", "学号", "结论", "不合格项", "警告项", "修改建议"])
        #expect(Array(rows[0].suffix(ReportSamples.profile.checks.count)) == ReportSamples.profile.checks)
        let failing = rows[2]
        #expect(failing[0] == ReportSamples.failing.path)
        // The id is followed by a tab so spreadsheets keep it as text (see `CSVReporter.idCell`).
        #expect(failing[1] == "2021301235\t")
        #expect(failing[2] == "不合格")
        #expect(failing[3] == "file.dimensions: 尺寸为 1350×1800 像素,要求 480×640\nfile.size: 文件大小 12.5 KB,要求 \"30–60 KB\"")
        #expect(failing[4].hasPrefix("edit.software: EXIF 写有编辑软件"))
        // What to change: every failing and warning check's hint, failures first, in Chinese only.
        #expect(failing[5] == "file.dimensions: 宽高比已是 3:4,直接缩放为 480×640 即可\nfile.size: 提高导出品质\n(如 90)\nedit.software: 使用相机原图")
        let dimensionsColumn = try #require(rows[0].firstIndex(of: "file.dimensions"))
        #expect(failing[dimensionsColumn] == "不合格")
        #expect(rows[1][1] == "2021301234\t")
        #expect(rows[1][5] == "")
        // The unreadable file: its formula-like name is defused, the reason is listed.
        #expect(rows[3][0] == "'=HYPERLINK(\"x\").jpg")
        // No digits in the name: no id (not the name again).
        #expect(rows[3][1] == "")
        #expect(rows[3][2] == "无法读取")
        #expect(rows[3][3] == "无法读取:无法打开(没有读取权限)")
    }

    @Test func englishAddsTheEnglishMessageAfterTheChinese() {
        let text = CSVReporter().render([ReportSamples.warning], ReportSamples.context(.en))
        let rows = Self.parse(String(text.unicodeScalars.dropFirst()))
        #expect(rows[1][4] == "file.dpi: 分辨率为 72 dpi,要求 300 dpi / 72 dpi; the standard wants 300 dpi")
        #expect(rows[1][2] == "warn")
        #expect(rows[1][1] == "2021301236\t")
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

    @Test(
        arguments: [
            ("11010519900101123X-张三.jpg", "11010519900101123X"), ("11010519900101123x_李四.jpg", "11010519900101123X"),
            ("012345678901234567.jpg", "012345678901234567"), ("2021301234-Xu.jpg", "2021301234"), ("2021301234Xiao.jpg", "2021301234"),
            ("IMG_20240601_123456.jpg", nil), ("IMG20240601123456.jpg", nil), ("DSC_0042.JPG", nil), ("DSCN1234.jpg", nil),
            ("PXL_20240601_123456789.jpg", nil), ("mmexport1717200000000.jpg", nil), ("wx_camera_1717200000000.jpg", nil),
            ("微信图片_20240601123456.jpg", nil), ("Screenshot_2024-06-01-12-34-56.png", nil), ("20240601_123456.jpg", nil),
            ("1717200000000.jpg", nil), ("张三 20240601_123456.jpg", nil), ("张三-2021301234-20240601_123456.jpg", "2021301234"),
            ("20210123-王五.jpg", "20210123"), ("王五.jpg", nil),
        ] as [(String, String?)])
    func studentIDKeepsTheCheckDigitAndSkipsCameraNames(_ path: String, _ id: String?) {
        #expect(Words.studentID(path) == id)
    }

    @Test func englishHintsAreEnglishOnly() {
        let text = CSVReporter().render([ReportSamples.failing], ReportSamples.context(.en))
        let rows = Self.parse(String(text.unicodeScalars.dropFirst()))
        #expect(rows[0][5] == "what_to_change")
        #expect(rows[1][5].hasPrefix("file.dimensions: the aspect is already 3:4: resize to 480×640\nfile.size: export at a higher quality"))
        #expect(!rows[1][5].contains("缩放"))
    }

    /// The ids survive a spreadsheet: LibreOffice (headless, its default CSV import apart from
    /// reading UTF-8) converts the CSV to .xlsx and openpyxl reads the cells back. Every id must be
    /// a text cell holding its digits (and X) unchanged; a number cell would be 1.1E+17 or lose its
    /// leading zero. Needs `make setup` (libreoffice-calc-nogui, python3-openpyxl).
    @Test func idsStayTextAfterLibreOfficeConvertsTheCSV() throws {
        let ids = ["012345678901234567", "110105199001011234", "11010519900101123X", "2021301234", "0042"]
        let reports =
            ids.map { PhotoReport(path: "class/\($0)-张三.jpg", verdict: .pass, findings: []) }
            + [PhotoReport(path: "class/IMG_20240601_123456.jpg", verdict: .pass, findings: [])]
        let csv = CSVReporter().render(reports, ReportSamples.context(.zh))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csvURL = dir.appendingPathComponent("class.csv")
        try Data(csv.utf8).write(to: csvURL)
        let office = try #require(
            ["/usr/bin/libreoffice", "/usr/bin/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "libreoffice is not installed: run make setup")
        // A profile of its own, so parallel runs do not share LibreOffice's lock.
        try run(
            office,
            [
                "-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx",
                "--outdir", dir.path, csvURL.path,
            ])
        let script = """
            import json, sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).active
            print(json.dumps([[c.data_type, c.value] for c in ws["B"]]))
            """
        let out = try run("/usr/bin/python3", ["-c", script, dir.appendingPathComponent("class.xlsx").path])
        let cells = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[Any?]])
        #expect(cells.count == ids.count + 2)
        #expect(cells.first?.last as? String == "学号")
        for (id, cell) in zip(ids, cells.dropFirst()) {
            #expect(cell.first as? String == "s", "\(id) became \(cell)")
            let value = cell.last as? String
            #expect(value?.trimmingCharacters(in: .whitespaces) == id, "\(id) read back as \(String(describing: value))")
        }
        // The camera name has no id: an empty cell.
        #expect(cells.last?.last is NSNull || cells.last?.last == nil)
    }

    @discardableResult
    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) exited with \(process.terminationStatus)")
        return String(decoding: data, as: UTF8.self)
    }
}
