import Foundation
import PhotoCheckAnalysis
import PhotoCheckModel

/// edit.recency: EXIF DateTimeOriginal within 365 days before the graduation date; `manual` when the
/// photo has no readable capture date.
package struct RecencyRule: Rule {
    package static let check: CheckID = "edit.recency"
    package static let description = RuleDescription(
        check, "CHSI-1.1", title: Localized(zh: "拍摄时间", en: "Capture date"),
        summary: Localized(zh: "拍摄日期应在毕业前一年内", en: "capture date within 365 days before graduation"))
    package static let limits: [LimitSpec] = [LimitSpec("edit.recency", 0...36500)]

    package func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        _ = try photo.jpegFile()
        let graduation = photo.options.graduationDate
        let graduationText = Self.dayText(graduation)
        guard let stored = photo.exif.dateTimeOriginal, let captured = Self.captureDay(stored) else {
            // Exported, cropped and forwarded copies lose their EXIF: no date is normal, not a defect,
            // so a person confirms it (a date that is there and too old or in the future still fails).
            let detail = photo.exif.dateTimeOriginal.map { "(“\($0)”)" } ?? ""
            return finding(
                .manual,
                message: Localized(
                    zh: "照片里没有可读的拍摄日期\(detail)(导出、裁剪或转发过的照片通常如此):请确认照片是毕业前一年内拍摄的",
                    en:
                        "The photo carries no readable capture date\(detail) (usual for exported, cropped or forwarded copies): confirm the photo is from the last year"
                ),
                hint: Localized(
                    zh: "确认照片是在 \(graduationText) 之前一年内拍摄的",
                    en: "Make sure it was taken within the year before \(graduationText)"))
        }
        let days = Double(Self.days(from: captured, to: graduation))
        let limit = try photo.profile.limit("edit.recency")
        let capturedText = Self.dayText(captured)
        return judged([Measurement("days_before_graduation", days, limit: limit)]) { status in
            if status == .pass {
                return Localized(
                    zh: "拍摄于 \(capturedText),毕业日期 \(graduationText) 前 \(Int(days)) 天(要求 ≤ \(formatNumber(limit.pass.max ?? 365)) 天)",
                    en:
                        "Taken on \(capturedText), \(Int(days)) days before the graduation date \(graduationText) (limit \(formatNumber(limit.pass.max ?? 365)) days)"
                )
            }
            if days < 0 {
                return Localized(
                    zh: "EXIF 拍摄日期 \(capturedText) 晚于毕业日期 \(graduationText),日期不可信或照片被改动",
                    en:
                        "The EXIF capture date \(capturedText) is after the graduation date \(graduationText): the date is wrong or the file was altered"
                )
            }
            return Localized(
                zh: "照片拍摄于 \(capturedText),距毕业日期 \(graduationText) 已 \(Int(days)) 天,超过一年(\(formatNumber(limit.pass.max ?? 365)) 天)",
                en:
                    "The photo was taken on \(capturedText), \(Int(days)) days before the graduation date \(graduationText): more than a year (\(formatNumber(limit.pass.max ?? 365)) days)"
            )
        } hint: { _ in
            Localized(zh: "请在毕业前一年内重新拍摄证件照", en: "Take a new photo within the year before graduation")
        }
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The capture day of an EXIF date ("YYYY:MM:DD HH:MM:SS"; "-" or "/" separators accepted);
    /// nil for blanks and zero dates.
    package static func captureDay(_ text: String) -> Date? {
        let digits = text.split(whereSeparator: { !$0.isNumber }).prefix(3).compactMap { Int($0) }
        guard digits.count == 3, (1900...2200).contains(digits[0]), (1...12).contains(digits[1]), (1...31).contains(digits[2])
        else { return nil }
        guard let date = utc.date(from: DateComponents(year: digits[0], month: digits[1], day: digits[2])),
            utc.component(.day, from: date) == digits[2]  // no 31 February rolling into March
        else { return nil }
        return date
    }

    /// Whole days from the capture day to the graduation day (negative when captured after it).
    package static func days(from captured: Date, to graduation: Date) -> Int {
        let start = utc.startOfDay(for: captured), end = utc.startOfDay(for: graduation)
        return utc.dateComponents([.day], from: start, to: end).day ?? 0
    }

    package static func dayText(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
