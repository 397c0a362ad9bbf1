import Foundation
import PhotoCheckModel
import PhotoCheckReporting
import PhotoCheckTestSupport
import Testing

/// The report's script run in a real browser: headless Chromium loads the page, runs it (and a
/// script appended by the test standing in for the user), and the test reads the resulting DOM.
/// Needs `make setup` (chromium).
@Suite struct HTMLReportInABrowserTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]

    /// The samples, the passing photo with an enlarged picture (a PNG's bytes, to tell it apart).
    static var reports: [PhotoReport] {
        var passing = ReportSamples.passing
        passing.picture = png
        return [passing, ReportSamples.failing, ReportSamples.unreadable, ReportSamples.warning]
    }

    /// The DOM after Chromium loaded `html` at `hash` and ran `then` after the page's own script.
    static func dom(_ html: String, hash: String, then script: String) throws -> String {
        let browser = try #require(
            ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "chromium is not installed: run make setup")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("photocheck-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("report.html")
        try Data(html.replacingOccurrences(of: "</body>", with: "<script>\(script)</script>\n</body>").utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(dir.path)/profile", "--virtual-time-budget=3000", "--dump-dom",
            page.absoluteString + hash,
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The file names of the articles left visible.
    static func visible(_ dom: String) -> [String] {
        dom.components(separatedBy: "<article ").dropFirst().filter { !$0.prefix(while: { $0 != ">" }).contains("hidden") }
            .compactMap { $0.components(separatedBy: "<span class=\"file\">").dropFirst().first?.components(separatedBy: "</span>").first }
    }

    /// A search from the address finds the photo by its id; a later change of the address (a
    /// pasted link, the back button) is followed: the search is replaced, not kept.
    @Test func searchAndLaterAddressChangesFilterThePhotos() throws {
        let html = HTMLReporter().render(Self.reports, ReportSamples.context(.zh))
        let first = try Self.dom(html, hash: "#q=2021301234", then: "")
        #expect(Self.visible(first) == ["2021301234_张三.jpg"])
        #expect(first.contains("显示 1 / 4 张"))
        // By name (李四), typed into the address after the page loaded.
        let changed = try Self.dom(html, hash: "#q=2021301234", then: "location.hash='q='+encodeURIComponent('李四');")
        // (Chromium writes the quotes of text unescaped.)
        #expect(Self.visible(changed) == ["2021301235, \"李四\" &lt;b&gt;&amp;amp;.jpg"])
        let verdict = try Self.dom(html, hash: "#q=2021301234", then: "location.hash='verdict=warn';")
        #expect(Self.visible(verdict) == ["2021301236.jpg"])
        // Typing into the box filters too, and is kept in the address.
        let typed = try Self.dom(
            html, hash: "", then: "var q=document.getElementById('fq');q.value='2021301236';q.oninput();document.title=location.hash;")
        #expect(Self.visible(typed) == ["2021301236.jpg"])
        #expect(typed.contains("<title>#q=2021301236</title>"))
    }

    /// Clicking a thumbnail shows the enlarged picture (not the thumbnail) over the page; a click
    /// on it closes it.
    @Test func clickingAThumbnailShowsTheFullPicture() throws {
        let html = HTMLReporter().render(Self.reports, ReportSamples.context(.en))
        let open = try Self.dom(html, hash: "", then: "document.querySelector('img.thumb').click();")
        let zoom = try #require(open.components(separatedBy: "<div id=\"zoom\"").dropFirst().first?.components(separatedBy: "</div>").first)
        #expect(!zoom.hasPrefix(" hidden"))
        #expect(zoom.contains("src=\"data:image/png;base64,\(Data(Self.png).base64EncodedString())\""))
        let closed = try Self.dom(html, hash: "", then: "document.querySelector('img.thumb').click();document.getElementById('zoom').click();")
        #expect(closed.contains("<div id=\"zoom\" hidden=\"\">"))
    }
}

@Suite struct HTMLReportCounsellorTests {
    @Test func hasASearchBoxAndSearchableNames() {
        let html = HTMLReporter().render(ReportSamples.reports, ReportSamples.context(.zh))
        #expect(html.contains("<input id=\"fq\" type=\"search\" placeholder=\"搜索学号或姓名\""))
        #expect(html.contains("data-search=\"2021301234_张三.jpg\""))
        #expect(html.contains("window.addEventListener('hashchange'"))
    }

    /// A PNG (which photocheck embeds as it is) is labelled as a PNG, so the browser shows it.
    @Test func aPNGThumbnailIsEmbeddedAsPNG() {
        var report = ReportSamples.warning
        report.thumbnail = HTMLReportInABrowserTests.png
        let html = HTMLReporter().render([report], ReportSamples.context(.en))
        #expect(html.contains("src=\"data:image/png;base64,\(Data(HTMLReportInABrowserTests.png).base64EncodedString())\""))
        #expect(!html.contains("data:image/jpeg"))
    }

    /// The legend beside the pictures names every colour and mark, in the report's language.
    @Test(arguments: [Language.zh, .en])
    func explainsTheMarksOnThePictures(_ language: Language) {
        let html = HTMLReporter().render(ReportSamples.reports, ReportSamples.context(language))
        let legend = Annotator.legend(language)
        #expect(legend.count >= 10)
        for item in legend { #expect(html.contains(HTMLReporter.escape(item.text))) }
        let (r, g, b) = Annotator.failColour
        #expect(html.contains("--c:rgb(\(r),\(g),\(b))"))
        #expect(legend.contains { $0.text.contains(language == .zh ? "洋红" : "magenta") })
    }
}

/// The page sent back to one student.
@Suite struct StudentPageTests {
    @Test func failingPhotoSaysWhatToChangeInItsLanguage() {
        var report = ReportSamples.failing
        report.picture = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9]
        let zh = StudentPage.render(report, ReportSamples.context(.zh))
        #expect(zh.contains("<span class=\"badge b-fail\">不合格</span>"))
        #expect(zh.contains("需要修改"))
        #expect(zh.contains("→ 宽高比已是 3:4,直接缩放为 480×640 即可"))
        #expect(zh.contains("→ 使用相机原图"))
        #expect(zh.contains("学号 2021301235"))
        #expect(zh.contains("src=\"data:image/jpeg;base64,\(Data(report.picture!).base64EncodedString())\""))
        #expect(zh.contains("<ul class=\"legend\">"))
        #expect(!zh.contains("the aspect is already"))
        // Failures before warnings.
        #expect(zh.range(of: "使用相机原图")!.lowerBound > zh.range(of: "提高导出品质")!.lowerBound)
        let en = StudentPage.render(report, ReportSamples.context(.en))
        #expect(en.contains("What to change") && en.contains("→ the aspect is already 3:4: resize to 480×640") && !en.contains("缩放"))
    }

    @Test func isSelfContainedAndEscaped() {
        let page = StudentPage.render(ReportSamples.failing, ReportSamples.context(.zh))
        for external in ["http://", "https://", "src=\"/", "<link", "@import", "url(", "<script"] {
            #expect(!page.contains(external), "found \(external)")
        }
        #expect(page.contains("&lt;script&gt;alert"))
    }

    @Test func passingAndUnreadablePhotosSayWhatToDo() {
        let pass = StudentPage.render(ReportSamples.passing, ReportSamples.context(.zh))
        #expect(pass.contains("可以提交") && !pass.contains("需要修改"))
        #expect(pass.contains("请自己确认") && pass.contains("请人工确认未做美颜"))
        let error = StudentPage.render(ReportSamples.unreadable, ReportSamples.context(.zh))
        #expect(error.contains("b-error") && error.contains("无法读取:无法打开(没有读取权限)"))
    }
}
