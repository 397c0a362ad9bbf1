import PhotoCheckAnalysis
import PhotoCheckModel
import PhotoCheckRules
import PhotoCheckTestSupport
import Testing

@Suite struct RecencyRuleTests {
    @Test func parsesExifDatesAndRejectsBlanks() {
        #expect(RecencyRule.captureDay("2026:05:20 10:15:00").map(RecencyRule.dayText) == "2026-05-20")
        #expect(RecencyRule.captureDay("2026-05-20T10:15:00").map(RecencyRule.dayText) == "2026-05-20")
        #expect(RecencyRule.captureDay("0000:00:00 00:00:00") == nil)
        #expect(RecencyRule.captureDay("    :  :     :  :  ") == nil)
        #expect(RecencyRule.captureDay("2026:13:01 00:00:00") == nil)
        #expect(RecencyRule.captureDay("2026:02:31 00:00:00") == nil)
    }

    @Test func countsWholeDaysAcrossALeapYear() throws {
        let captured = try #require(RecencyRule.captureDay("2023:07:01 23:59:59"))
        #expect(RecencyRule.days(from: captured, to: EditSupport.day("2024-07-01")) == 366)
        #expect(RecencyRule.days(from: captured, to: EditSupport.day("2023-06-30")) == -1)
    }

    /// 365 days before passes, 366 fails, the graduation day itself passes, the day after fails.
    @Test func boundaryDays() throws {
        let bytes = try TestPaths.fixtureBytes("edit/camera-005.jpg")  // captured 2026-05-20
        func status(_ graduation: String) -> (Status, Double?) {
            let finding = checkPhoto(
                path: "p.jpg", bytes: bytes, only: ["edit.recency"], options: CheckOptions(graduationDate: EditSupport.day(graduation))
            )
            .finding("edit.recency")
            return (finding.status, finding.value("days_before_graduation"))
        }
        #expect(status("2027-05-20") == (.pass, 365))
        #expect(status("2027-05-21") == (.fail, 366))
        #expect(status("2026-05-20") == (.pass, 0))
        #expect(status("2026-05-19") == (.fail, -1))
    }
}

@Suite struct RecencyWithoutDateTests {
    /// A photo without EXIF (a studio export, a cropped or forwarded copy) is not a defect: the
    /// check asks a person to confirm the date instead of warning.
    @Test func noCaptureDateIsManualNotWarn() throws {
        let bytes = try TestPaths.fixtureBytes("edit/original-005.jpg")  // no EXIF
        let finding = checkPhoto(
            path: "p.jpg", bytes: bytes, only: ["edit.recency"], options: CheckOptions(graduationDate: EditSupport.day("2027-06-30"))
        )
        .finding("edit.recency")
        #expect(finding.status == .manual)
        #expect(finding.message.en.contains("confirm the photo is from the last year"))
        #expect(finding.message.zh.contains("请确认照片是毕业前一年内拍摄的"))
        #expect(finding.hint?.zh.contains("2027-06-30") == true)
    }
}
