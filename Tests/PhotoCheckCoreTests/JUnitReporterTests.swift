import Foundation
import PhotoCheckReporting
import PhotoCheckTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct JUnitReporterTests {
    @Test(arguments: [false, true])
    func parsesAsXMLWithOneCasePerPhoto(_ strict: Bool) throws {
        let text = JUnitReporter().render(ReportSamples.reports, ReportSamples.context(.zh, strict: strict))
        let document = try XMLDocument(xmlString: text)
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        let cases = try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        #expect(cases.map { $0.attribute(forName: "name")?.stringValue } == ReportSamples.reports.map(\.path))
        let failures = try document.nodes(forXPath: "//testcase/failure").count
        let errors = try document.nodes(forXPath: "//testcase/error").count
        #expect(failures == (strict ? 2 : 1))
        #expect(errors == 1)
        #expect(root.attribute(forName: "tests")?.stringValue == "4")
        #expect(root.attribute(forName: "failures")?.stringValue == String(failures))
        #expect(root.attribute(forName: "errors")?.stringValue == "1")
    }

    @Test func failureListsTheFailedChecks() throws {
        let text = JUnitReporter().render([ReportSamples.failing], ReportSamples.context(.en))
        let document = try XMLDocument(xmlString: text)
        let failure = try #require(try document.nodes(forXPath: "//failure").first as? XMLElement)
        #expect(failure.attribute(forName: "message")?.stringValue == "2 failed: file.dimensions, file.size")
        let body = try #require(failure.stringValue)
        #expect(body.contains("[fail] file.dimensions (CHSI-4.1): 1350×1800 pixels"))
        #expect(body.contains("export at a higher quality\n(e.g. 90)"))
        // The warning goes to system-out, with its markup as text and the control character replaced.
        let out = try #require(try document.nodes(forXPath: "//system-out").first?.stringValue)
        #expect(out.contains("<script>alert('Meitu')</script> & Co\u{FFFD}"))
    }

    @Test func escapesEverything() {
        #expect(JUnitReporter.escape("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;")
        #expect(JUnitReporter.escape("x\u{0}y\u{1B}z\u{FFFE}") == "x\u{FFFD}y\u{FFFD}z\u{FFFD}")
        #expect(JUnitReporter.escape("1\n2\t3\r") == "1&#10;2&#9;3&#13;")
        #expect(JUnitReporter.escape("照片 😀") == "照片 😀")
    }
}
