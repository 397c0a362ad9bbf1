import Foundation
import PhotoCheckModel
import PhotoCheckReporting
import PhotoCheckTestSupport
import Testing

/// Collects what a writer writes, and when.
final class MemorySink: ReportSink {
    var data = Data()
    var writes = 0
    func write(_ data: Data) throws {
        self.data.append(data)
        writes += 1
    }
    var text: String { String(decoding: data, as: UTF8.self) }
}

@Suite struct ReportWriterTests {
    static let reporters: [any Reporter] = [TextReporter(), JSONReporter(), JSONLinesReporter(), CSVReporter(), JUnitReporter(), HTMLReporter()]

    /// Streaming photo by photo gives exactly the bytes of rendering the whole batch at once.
    @Test(arguments: 0..<reporters.count)
    func streamedEqualsRendered(_ index: Int) throws {
        let reporter = Self.reporters[index]
        let context = ReportSamples.context(.zh)
        let sink = MemorySink()
        let writer = try ReportWriter(reporter: reporter, context: context, sink: sink)
        for report in ReportSamples.reports { try writer.add(report) }
        try writer.finish()
        #expect(sink.text == reporter.render(ReportSamples.reports, context))
    }

    @Test func streamingFormatsWriteEachPhotoAsItArrives() throws {
        let sink = MemorySink()
        let writer = try ReportWriter(reporter: JSONLinesReporter(), context: ReportSamples.context(.en), sink: sink)
        try writer.add(ReportSamples.passing)
        #expect(sink.text.split(separator: "\n").count == 1)
        try writer.add(ReportSamples.failing)
        #expect(sink.text.split(separator: "\n").count == 2)
    }

    @Test func totalsFirstFormatsHoldThePhotosBackUntilTheEnd() throws {
        let sink = MemorySink()
        let writer = try ReportWriter(reporter: JUnitReporter(), context: ReportSamples.context(.en), sink: sink)
        for report in ReportSamples.reports { try writer.add(report) }
        #expect(sink.data.isEmpty)
        try writer.finish()
        #expect(sink.text.contains("tests=\"4\" failures=\"1\" errors=\"1\""))
    }

    @Test(arguments: [false, true])
    func onlyFailuresListsFailuresButCountsEveryPhoto(_ strict: Bool) throws {
        let sink = MemorySink()
        let writer = try ReportWriter(reporter: JSONReporter(), context: ReportSamples.context(.en, strict: strict), onlyFailures: true, sink: sink)
        for report in ReportSamples.reports { try writer.add(report) }
        try writer.finish()
        let object = try #require(try JSONSerialization.jsonObject(with: sink.data) as? [String: Any])
        let paths = (object["photos"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        let expected =
            strict ? [ReportSamples.failing, ReportSamples.unreadable, ReportSamples.warning] : [ReportSamples.failing, ReportSamples.unreadable]
        #expect(paths == expected.map(\.path))
        #expect((object["summary"] as? [String: Int])?["photos"] == 4)
        #expect(writer.tally.listedCount == expected.count)
    }

    @Test func tallyCountsVerdictsAndFailingChecks() throws {
        var tally = BatchTally()
        for report in ReportSamples.reports + [ReportSamples.failing] { tally.add(report, listed: true, strict: false) }
        #expect(tally.photos == 5)
        #expect(tally.effective == [.pass: 1, .fail: 2, .error: 1, .warn: 1])
        #expect(tally.failing == ["file.dimensions": 2, "file.size": 2])
        #expect(tally.warning == ["edit.software": 2, "file.dpi": 1])
        #expect(tally.mostCommonFailing().map(\.check) == ["file.dimensions", "file.size"])
        var strict = BatchTally()
        for report in ReportSamples.reports { strict.add(report, listed: true, strict: true) }
        #expect(strict.effective == [.pass: 1, .fail: 2, .error: 1])
        #expect(strict.summary.warn == 1)  // the contract's summary keeps the photos' own verdicts
    }

    /// By their titles (the check ids are listed with --verbose).
    @Test func textSummaryNamesTheMostCommonFailures() {
        let text = TextReporter().render(ReportSamples.reports + [ReportSamples.failing], ReportSamples.context(.zh))
        #expect(text.hasSuffix("共 5 张:通过 1,警告 1,不合格 2,无法读取 1\n最常见的不合格项:像素尺寸 2 张,文件大小 2 张\n"))
    }
}

@Suite struct AtomicOutputTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func commitReplacesTheTargetAndLeavesNoTemporaryFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("report.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        let output = try AtomicOutput(path: target)
        try output.write(Data("new ".utf8))
        #expect(String(decoding: FileManager.default.contents(atPath: target)!, as: UTF8.self) == "old")
        try output.write(Data("report".utf8))
        try output.commit()
        #expect(String(decoding: FileManager.default.contents(atPath: target)!, as: UTF8.self) == "new report")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.csv"])
    }

    @Test func discardKeepsTheOldTarget() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("report.html").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        do {
            let output = try AtomicOutput(path: target)
            try output.write(Data("half a repo".utf8))
            output.discard()
        }
        #expect(String(decoding: FileManager.default.contents(atPath: target)!, as: UTF8.self) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.html"])
    }

    @Test func aMissingFolderIsAnError() {
        #expect(throws: (any Error).self) { try AtomicOutput(path: "/nonexistent-folder-photocheck/report.json") }
    }
}

@Suite struct ProgressLineTests {
    @Test func showsDoneTotalRateAndTimeLeft() {
        let line = ProgressLine.render(done: 500, total: 2000, elapsed: 10, columns: 80)
        #expect(line.hasSuffix("  500/2000  50.0 photos/s  0:30 left"))
        #expect(line.hasPrefix("[" + String(repeating: "#", count: line.count(where: { $0 == "#" }))))
        let bar = line.prefix { $0 != " " }
        #expect(bar.count(where: { $0 == "#" }) * 4 == bar.count(where: { $0 == "#" || $0 == "-" }))
        #expect(line.count <= 80)
    }

    @Test func finishedShowsTheElapsedTime() {
        #expect(ProgressLine.render(done: 3000, total: 3000, elapsed: 3725, columns: 100).hasSuffix("  3000/3000  0.8 photos/s  1:02:05"))
    }

    @Test func startsWithoutDividingByZero() {
        #expect(ProgressLine.render(done: 0, total: 0, elapsed: 0).hasSuffix("  0/0  0.0 photos/s  0:00"))
        #expect(ProgressLine.render(done: 0, total: 10, elapsed: 0).hasSuffix("  0/10  estimating…"))
    }

    /// The first photos finish together after the start-up: no rate or time left until enough
    /// time has passed and enough photos are done (a first-second rate said "403 photos/s").
    @Test func rateAndTimeLeftWaitUntilTheySettle() {
        for (done, elapsed) in [(8, 0.02), (40, 1.0), (2, 10.0), (3, 2.9)] {
            let line = ProgressLine.render(done: done, total: 400, elapsed: elapsed)
            #expect(line.hasSuffix("  \(done)/400  estimating…"), "\(line)")
            #expect(!line.contains("photos/s") && !line.contains("left"))
        }
        #expect(ProgressLine.render(done: 12, total: 400, elapsed: ProgressLine.settleSeconds).hasSuffix("  12/400  4.0 photos/s  1:37 left"))
    }

    @Test func speaksChinese() {
        let line = ProgressLine.render(done: 500, total: 2000, elapsed: 10, columns: 80, language: .zh)
        #expect(line.hasSuffix("  500/2000  50.0 张/秒  剩余 0:30"))
        #expect(ProgressLine.width(line) <= 80)
        #expect(ProgressLine.render(done: 1, total: 20, elapsed: 0.1, language: .zh).hasSuffix("  1/20  正在估算速度…"))
    }

    /// The one line printed after `-o FILE`: what was written where, how many photos, the counts.
    @Test func writtenLineNamesTheFileAndTheCounts() {
        var summary = BatchSummary([])
        summary.photos = 300
        summary.pass = 120
        summary.warn = 80
        summary.fail = 95
        summary.error = 5
        #expect(
            ProgressLine.written(format: "HTML", path: "class.html", summary: summary, language: .en)
                == "Wrote the HTML report class.html: 300 photos, 120 pass, 80 warn, 95 fail, 5 unreadable")
        #expect(
            ProgressLine.written(format: "CSV", path: "班级.csv", summary: summary, language: .zh)
                == "已写入 CSV 报告 班级.csv:共 300 张,通过 120,警告 80,不合格 95,无法读取 5")
        summary = BatchSummary([ReportSamples.passing])
        #expect(ProgressLine.written(format: "JSON", path: "a.json", summary: summary, language: .en).contains(": 1 photo, 1 pass"))
    }
}
