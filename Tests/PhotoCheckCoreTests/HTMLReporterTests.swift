import Foundation
import PhotoCheckReporting
import PhotoCheckTestSupport
import Testing

@Suite struct HTMLReporterTests {
    let zh = HTMLReporter().render(ReportSamples.reports, ReportSamples.context(.zh))

    @Test func isSelfContained() {
        for external in ["http://", "https://", "src=\"/", "<link", "@import", "url("] {
            #expect(!zh.contains(external), "found \(external)")
        }
        #expect(zh.hasPrefix("<!DOCTYPE html>"))
        #expect(zh.contains("<meta charset=\"utf-8\">"))
    }

    @Test func oneArticlePerPhotoWithVerdictAndFlaggedChecks() {
        #expect(zh.components(separatedBy: "<article ").count - 1 == 4)
        #expect(zh.contains("data-verdict=\"fail\" data-checks=\"file.dimensions file.size edit.software\""))
        #expect(zh.contains("data-verdict=\"error\" data-checks=\"\""))
    }

    @Test func embedsTheThumbnailAsBase64JPEG() {
        let base64 = Data(ReportSamples.passing.thumbnail!).base64EncodedString()
        #expect(zh.contains("src=\"data:image/jpeg;base64,\(base64)\""))
        #expect(zh.components(separatedBy: "data:image/jpeg;base64,").count - 1 == 1)
    }

    @Test func escapesNamesAndMessages() {
        #expect(!zh.contains("<script>alert"))
        #expect(zh.contains("&lt;script&gt;alert(&#39;美图&#39;)&lt;/script&gt; &amp; Co"))
        #expect(zh.contains("2021301235, &quot;李四&quot; &lt;b&gt;&amp;amp;.jpg"))
        #expect(zh.components(separatedBy: "<script>").count - 1 == 1)  // only the page's own filter script
    }

    @Test func summaryCountsAndFilters() {
        #expect(zh.contains("<button class=\"tile t-fail\" data-verdict=\"fail\"><span class=\"n\">1</span><span class=\"l\">不合格</span></button>"))
        #expect(zh.contains("<option value=\"file.size\">file.size (不合格 1,警告 0)</option>"))
        #expect(zh.contains("<option value=\"file.dpi\">file.dpi (不合格 0,警告 1)</option>"))
        #expect(!zh.contains("<option value=\"face.count\">"))  // no photo failed or warned on it
    }

    @Test func speaksEnglish() {
        let en = HTMLReporter().render(ReportSamples.reports, ReportSamples.context(.en))
        #expect(en.contains("<html lang=\"en\">"))
        #expect(en.contains("export at a higher quality"))
        #expect(!en.contains("不合格"))
    }
}
