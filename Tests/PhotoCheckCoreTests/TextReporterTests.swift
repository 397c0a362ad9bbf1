import PhotoCheckModel
import PhotoCheckReporting
import PhotoCheckTestSupport
import Testing

/// The text report reads as sentences in one language: status words in Chinese with zh, the raw
/// measurement keys only with --verbose, the manual checks named, "1 photo" in the singular.
@Suite struct TextReporterTests {
    static func text(_ reports: [PhotoReport], _ language: Language, verbose: Bool = false) -> String {
        TextReporter(verbose: verbose).render(reports, ReportSamples.context(language))
    }

    @Test func chineseStatusWordsAndNoEnglishOnes() {
        let zh = Self.text(ReportSamples.reports, .zh)
        #expect(zh.contains("  不合格     尺寸为 1350×1800 像素"))
        #expect(zh.contains("  警告       分辨率为 72 dpi"))
        #expect(zh.contains("[无法读取]"))
        for english in ["FAIL", "warn ", "manual", "pass "] { #expect(!zh.contains(english), "\(english)") }
    }

    @Test func measurementKeysOnlyWhenVerbose() {
        for language in Language.allCases {
            #expect(!Self.text(ReportSamples.reports, language).contains("width_px="))
            #expect(Self.text(ReportSamples.reports, language, verbose: true).contains("width_px=1350 [480]"))
        }
        // The summary names failing checks by their titles; the ids only when verbose.
        #expect(Self.text(ReportSamples.reports, .zh).contains("最常见的不合格项:像素尺寸 1 张"))
        #expect(Self.text(ReportSamples.reports, .en, verbose: true).contains("most common failures: file.dimensions (1)"))
    }

    @Test func manualChecksAreNamed() {
        #expect(Self.text([ReportSamples.passing], .zh).contains("需人工确认:镜像与修饰\n"))
        #expect(Self.text([ReportSamples.passing], .en).contains("check by eye: Mirroring and retouching\n"))
    }

    @Test func onePhotoIsSingular() {
        #expect(Self.text([ReportSamples.passing], .en).contains("\n1 photo: 1 pass, 0 warn, 0 fail, 0 error\n"))
        #expect(Self.text(ReportSamples.reports, .en).contains("\n4 photos: "))
    }
}
