import Foundation
import PhotoCheckModel
import PhotoCheckReporting

/// An `Encodable` mirror of the JSON report's schema (version 1): Foundation's `JSONEncoder` with
/// sorted keys encodes it, and the tests hold the hand-written `JSONReporter` output byte-equal to
/// that. Test code only: the reporter itself never goes through `Encodable`.
extension JSONReporter {
    /// The whole document encoded in one piece by Foundation's `JSONEncoder`: the reference the
    /// streamed, hand-written form must equal byte for byte.
    func document(_ reports: [PhotoReport], _ context: ReportContext) -> String {
        let document = Document(
            report_version: Self.reportVersion, tool: Tool(name: "photocheck", version: context.toolVersion),
            profile: context.profile.name, photos: reports.map(Photo.init), summary: Summary(BatchSummary(reports)))
        return Self.encode(document) + "\n"
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    struct Document: Encodable {
        let report_version: Int
        let tool: Tool
        let profile: String
        let photos: [Photo]
        let summary: Summary
    }

    struct Tool: Encodable {
        let name: String
        let version: String
    }

    struct Summary: Encodable {
        let photos, pass, warn, fail, error: Int

        init(_ s: BatchSummary) {
            photos = s.photos
            pass = s.pass
            warn = s.warn
            fail = s.fail
            error = s.error
        }
    }

    struct Photo: Encodable {
        let report: PhotoReport

        init(_ report: PhotoReport) { self.report = report }

        enum Keys: String, CodingKey { case path, verdict, error, width, height, findings, fix }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(report.path, forKey: .path)
            try c.encode(report.verdict.rawValue, forKey: .verdict)
            try c.encode(report.error?.message, forKey: .error)  // explicit null
            try c.encode(report.width, forKey: .width)
            try c.encode(report.height, forKey: .height)
            try c.encode(report.findings.map(FindingJSON.init), forKey: .findings)
            try c.encodeIfPresent(report.fix.map(FixJSON.init), forKey: .fix)
        }
    }

    struct FixJSON: Encodable {
        let fix: FixReport

        init(_ fix: FixReport) { self.fix = fix }

        enum Keys: String, CodingKey {
            case bytes, crop, dry_run, judged_on_source, output, output_size, predicted, quality, refusal, retake, retake_advice, scale, source
        }

        struct Refusal: Encodable {
            let check: String
            let reason: Localized
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(fix.byteCount, forKey: .bytes)
            try c.encode(fix.plan.map { ["x": $0.crop.x, "y": $0.crop.y, "width": $0.crop.width, "height": $0.crop.height] }, forKey: .crop)
            try c.encode(fix.dryRun, forKey: .dry_run)
            try c.encode(fix.fromSource, forKey: .judged_on_source)
            try c.encode(fix.outputPath, forKey: .output)
            try c.encodeIfPresent(fix.outputWidth.flatMap { w in fix.outputHeight.map { ["width": w, "height": $0] } }, forKey: .output_size)
            try c.encode(
                fix.plan.map { Dictionary(uniqueKeysWithValues: JSONReporter.predicted($0.predicted).map { ($0.0, rounded($0.1)) }) },
                forKey: .predicted)
            try c.encode(fix.quality, forKey: .quality)
            try c.encode(fix.refusal.map { Refusal(check: $0.check, reason: $0.reason) }, forKey: .refusal)
            try c.encode(fix.retake, forKey: .retake)
            try c.encode(fix.retakeAdvice, forKey: .retake_advice)
            try c.encode(fix.plan.map { rounded($0.scale) }, forKey: .scale)
            try c.encode(fix.sourceWidth.flatMap { w in fix.sourceHeight.map { ["width": w, "height": $0] } }, forKey: .source)
        }
    }

    struct FindingJSON: Encodable {
        let finding: Finding

        init(_ finding: Finding) { self.finding = finding }

        enum Keys: String, CodingKey { case check, clause, status, measured, limit, message, hint, region }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(finding.check, forKey: .check)
            try c.encode(finding.clause, forKey: .clause)
            try c.encode(finding.status.rawValue, forKey: .status)
            var measured: [String: Double] = [:]
            var limits: [String: LimitJSON] = [:]
            for m in finding.measurements {
                measured[m.key] = rounded(m.value)
                if let limit = m.limit { limits[m.key] = LimitJSON(limit) }
            }
            try c.encode(measured, forKey: .measured)
            try c.encode(limits, forKey: .limit)
            try c.encode(finding.message, forKey: .message)
            try c.encode(finding.hint, forKey: .hint)
            try c.encode(finding.region.map { [$0.x, $0.y, $0.width, $0.height] }, forKey: .region)
        }
    }

    struct LimitJSON: Encodable {
        let limit: Limit

        init(_ limit: Limit) { self.limit = limit }

        enum Keys: String, CodingKey { case pass, warn, beyond }
        enum BandKeys: String, CodingKey { case min, max }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try encodeBand(limit.pass, &c, .pass)
            if let warn = limit.warn { try encodeBand(warn, &c, .warn) }
            try c.encode(limit.beyond.rawValue, forKey: .beyond)
        }

        private func encodeBand(_ band: Limit.Band, _ c: inout KeyedEncodingContainer<Keys>, _ key: Keys) throws {
            var b = c.nestedContainer(keyedBy: BandKeys.self, forKey: key)
            try b.encodeIfPresent(band.min.map(rounded), forKey: .min)
            try b.encodeIfPresent(band.max.map(rounded), forKey: .max)
        }
    }
}

/// Values rounded to 4 decimals, as the reporter rounds them.
private func rounded(_ value: Double) -> Double {
    guard value.isFinite else { return 0 }
    return (value * 10_000).rounded() / 10_000
}
