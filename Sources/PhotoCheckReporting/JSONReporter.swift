import Foundation
import PhotoCheckModel

/// The machine contract: `report_version` 1, keys sorted, byte-stable for the same input.
public struct JSONReporter: Reporter {
    public static let reportVersion = 1

    public init() {}

    // The document is `{"photos":[…],"profile":…,"report_version":1,"summary":{…},"tool":{…}}` with
    // keys sorted; "photos" sorts first, so the photos stream out before the summary is known.
    // The tests hold it byte-equal to Foundation's `JSONEncoder` encoding an `Encodable` mirror of
    // the schema (Tests/PhotoCheckCoreTests/JSONSchemaMirror.swift).

    public var photoSeparator: String { "," }

    public func header(_ tally: BatchTally?, _ context: ReportContext) -> String {
        "{\"photos\":["
    }

    public func photo(_ report: PhotoReport, _ context: ReportContext) -> String {
        renderLine(report)
    }

    public func footer(_ tally: BatchTally, _ context: ReportContext) -> String {
        var json = JSONWriter(capacity: 256)
        json.key("profile")
        json.string(context.profile.name)
        json.key("report_version")
        json.integer(Self.reportVersion)
        json.key("summary")
        let summary = tally.summary
        json.beginObject()
        for (key, count) in [
            ("error", summary.error), ("fail", summary.fail), ("pass", summary.pass), ("photos", summary.photos), ("warn", summary.warn),
        ] {
            json.key(key)
            json.integer(count)
        }
        json.endObject()
        json.key("tool")
        json.beginObject()
        json.key("name")
        json.string("photocheck")
        json.key("version")
        json.string(context.toolVersion)
        json.endObject()
        return "]," + json.text + "}\n"
    }

    /// One photo as a single JSON line (for JSON Lines streaming).
    public func renderLine(_ report: PhotoReport) -> String {
        var json = JSONWriter(capacity: 4096)
        Self.write(report, &json)
        return json.text
    }

    /// One photo's object, keys in sorted order.
    static func write(_ report: PhotoReport, _ json: inout JSONWriter) {
        json.beginObject()
        json.key("error")
        if let error = report.error { write(error.message, &json) } else { json.null() }
        json.key("findings")
        json.beginArray()
        for finding in report.findings { write(finding, &json) }
        json.endArray()
        if let fix = report.fix {
            json.key("fix")
            write(fix, &json)
        }
        json.key("height")
        if let height = report.height { json.integer(height) } else { json.null() }
        json.key("path")
        json.string(report.path)
        json.key("verdict")
        json.string(report.verdict.rawValue)
        json.key("width")
        if let width = report.width { json.integer(width) } else { json.null() }
        json.endObject()
    }

    /// The `fix` object of `photocheck fix`: the crop in source pixels,
    /// the scale, the chosen quality, the output path, the predicted framing, or the refusal.
    static func write(_ fix: FixReport, _ json: inout JSONWriter) {
        json.beginObject()
        json.key("bytes")
        if let bytes = fix.byteCount { json.integer(bytes) } else { json.null() }
        json.key("crop")
        if let crop = fix.plan?.crop {
            json.beginObject()
            for (key, value) in [("height", crop.height), ("width", crop.width), ("x", crop.x), ("y", crop.y)] {
                json.key(key)
                json.integer(value)
            }
            json.endObject()
        } else {
            json.null()
        }
        json.key("dry_run")
        json.boolean(fix.dryRun)
        json.key("judged_on_source")
        json.beginArray()
        for check in fix.fromSource { json.string(check) }
        json.endArray()
        json.key("output")
        if let output = fix.outputPath { json.string(output) } else { json.null() }
        if let w = fix.outputWidth, let h = fix.outputHeight {
            // Only for a profile whose size may vary; otherwise the fixed photo is the profile's size.
            json.key("output_size")
            json.beginObject()
            json.key("height")
            json.integer(h)
            json.key("width")
            json.integer(w)
            json.endObject()
        }
        json.key("predicted")
        if let p = fix.plan?.predicted {
            json.beginObject()
            for (key, value) in Self.predicted(p) {
                json.key(key)
                json.number(rounded(value))
            }
            json.endObject()
        } else {
            json.null()
        }
        json.key("quality")
        if let quality = fix.quality { json.integer(quality) } else { json.null() }
        json.key("refusal")
        if let refusal = fix.refusal {
            json.beginObject()
            json.key("check")
            json.string(refusal.check)
            json.key("reason")
            write(refusal.reason, &json)
            json.endObject()
        } else {
            json.null()
        }
        json.key("retake")
        json.beginArray()
        for check in fix.retake { json.string(check) }
        json.endArray()
        json.key("retake_advice")
        if let advice = fix.retakeAdvice { write(advice, &json) } else { json.null() }
        json.key("scale")
        if let scale = fix.plan?.scale { json.number(rounded(scale)) } else { json.null() }
        json.key("source")
        if let w = fix.sourceWidth, let h = fix.sourceHeight {
            json.beginObject()
            json.key("height")
            json.integer(h)
            json.key("width")
            json.integer(w)
            json.endObject()
        } else {
            json.null()
        }
        json.endObject()
    }

    /// One finding's object: measured values and limits keyed by the
    /// measurement's name, sorted, the last of a repeated name winning as in a dictionary.
    static func write(_ finding: Finding, _ json: inout JSONWriter) {
        var measured: [String: Double] = [:]
        var limits: [String: Limit] = [:]
        for m in finding.measurements {
            measured[m.key] = rounded(m.value)
            if let limit = m.limit { limits[m.key] = limit }
        }
        json.beginObject()
        json.key("check")
        json.string(finding.check)
        json.key("clause")
        json.string(finding.clause)
        json.key("hint")
        if let hint = finding.hint { write(hint, &json) } else { json.null() }
        json.key("limit")
        json.beginObject()
        for key in limits.keys.sorted() {
            json.key(key)
            write(limits[key]!, &json)
        }
        json.endObject()
        json.key("measured")
        json.beginObject()
        for key in measured.keys.sorted() {
            json.key(key)
            json.number(measured[key]!)
        }
        json.endObject()
        json.key("message")
        write(finding.message, &json)
        json.key("region")
        if let region = finding.region {
            json.beginArray()
            for value in [region.x, region.y, region.width, region.height] { json.integer(value) }
            json.endArray()
        } else {
            json.null()
        }
        json.key("status")
        json.string(finding.status.rawValue)
        json.endObject()
    }

    static func write(_ text: Localized, _ json: inout JSONWriter) {
        json.beginObject()
        json.key("en")
        json.string(text.en)
        json.key("zh")
        json.string(text.zh)
        json.endObject()
    }

    /// A limit's object: bands as {max, min} with absent ends left out.
    static func write(_ limit: Limit, _ json: inout JSONWriter) {
        func band(_ band: Limit.Band) {
            json.beginObject()
            if let max = band.max {
                json.key("max")
                json.number(rounded(max))
            }
            if let min = band.min {
                json.key("min")
                json.number(rounded(min))
            }
            json.endObject()
        }
        json.beginObject()
        json.key("beyond")
        json.string(limit.beyond.rawValue)
        json.key("pass")
        band(limit.pass)
        if let warn = limit.warn {
            json.key("warn")
            band(warn)
        }
        json.endObject()
    }

    /// The predicted framing of a fix plan, in the `predicted` object's (sorted) key order.
    package static func predicted(_ p: PredictedFraming) -> [(String, Double)] {
        [
            ("centre_offset_px", p.centreOffset), ("eye_line_px", p.eyeLineY), ("face_width_px", p.faceWidth),
        ] + (p.headHeightPct.map { [("head_height_pct", $0)] } ?? []) + [("head_top_px", p.headTopY)]
    }
}

/// Values rounded to 4 decimals so the JSON does not carry floating-point noise.
private func rounded(_ value: Double) -> Double {
    guard value.isFinite else { return 0 }
    return (value * 10_000).rounded() / 10_000
}
