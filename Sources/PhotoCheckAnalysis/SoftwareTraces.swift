import Foundation
import PhotoCheckDecoding
import PhotoCheckModel

/// A photo editor or beauty app that photocheck recognises by name in a file's metadata.
public struct Editor: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A general photo editor (Photoshop, GIMP, Lightroom…): retouching is possible.
        case editor
        /// A beauty or face-retouching app (美图秀秀, Facetune…): smoothing and reshaping are its purpose.
        case beauty
    }

    public let name: Localized
    public let kind: Kind
    /// Lower-case fragments that name it; short Latin fragments must stand as whole words.
    let patterns: [String]

    /// Every editor and beauty app photocheck names, most specific first.
    public static let catalogue: [Editor] = [
        Editor(name: .init(zh: "Adobe Lightroom", en: "Adobe Lightroom"), kind: .editor, patterns: ["lightroom"]),
        Editor(name: .init(zh: "Adobe Photoshop Express", en: "Adobe Photoshop Express"), kind: .editor, patterns: ["photoshop express"]),
        Editor(name: .init(zh: "Adobe Photoshop", en: "Adobe Photoshop"), kind: .editor, patterns: ["photoshop"]),
        Editor(name: .init(zh: "Adobe Camera Raw", en: "Adobe Camera Raw"), kind: .editor, patterns: ["camera raw"]),
        Editor(name: .init(zh: "GIMP", en: "GIMP"), kind: .editor, patterns: ["gimp"]),
        Editor(name: .init(zh: "Paint.NET", en: "Paint.NET"), kind: .editor, patterns: ["paint.net"]),
        Editor(name: .init(zh: "Affinity Photo", en: "Affinity Photo"), kind: .editor, patterns: ["affinity photo"]),
        Editor(name: .init(zh: "Pixelmator", en: "Pixelmator"), kind: .editor, patterns: ["pixelmator"]),
        Editor(name: .init(zh: "Capture One", en: "Capture One"), kind: .editor, patterns: ["capture one"]),
        Editor(name: .init(zh: "Luminar", en: "Luminar"), kind: .editor, patterns: ["luminar"]),
        Editor(name: .init(zh: "Corel PaintShop", en: "Corel PaintShop"), kind: .editor, patterns: ["paintshop", "paint shop pro", "corel"]),
        Editor(name: .init(zh: "ACDSee", en: "ACDSee"), kind: .editor, patterns: ["acdsee", "acd systems"]),
        Editor(name: .init(zh: "darktable", en: "darktable"), kind: .editor, patterns: ["darktable"]),
        Editor(name: .init(zh: "RawTherapee", en: "RawTherapee"), kind: .editor, patterns: ["rawtherapee"]),
        Editor(name: .init(zh: "Photopea", en: "Photopea"), kind: .editor, patterns: ["photopea"]),
        Editor(name: .init(zh: "Pixlr", en: "Pixlr"), kind: .editor, patterns: ["pixlr"]),
        Editor(name: .init(zh: "Fotor", en: "Fotor"), kind: .editor, patterns: ["fotor"]),
        Editor(name: .init(zh: "PhotoScape", en: "PhotoScape"), kind: .editor, patterns: ["photoscape"]),
        Editor(name: .init(zh: "PhotoDirector", en: "PhotoDirector"), kind: .editor, patterns: ["photodirector"]),
        Editor(name: .init(zh: "Snapseed", en: "Snapseed"), kind: .editor, patterns: ["snapseed"]),
        Editor(name: .init(zh: "VSCO", en: "VSCO"), kind: .editor, patterns: ["vsco"]),
        Editor(name: .init(zh: "Polarr 泼辣修图", en: "Polarr"), kind: .editor, patterns: ["polarr", "泼辣修图"]),
        Editor(name: .init(zh: "Canva 可画", en: "Canva"), kind: .editor, patterns: ["canva"]),
        Editor(name: .init(zh: "稿定设计", en: "Gaoding"), kind: .editor, patterns: ["gaoding", "稿定"]),
        Editor(name: .init(zh: "美图秀秀", en: "Meitu (美图秀秀)"), kind: .beauty, patterns: ["美图秀秀", "meitu", "mtxx", "xiuxiu", "美图"]),
        Editor(name: .init(zh: "美颜相机", en: "BeautyCam (美颜相机)"), kind: .beauty, patterns: ["美颜相机", "beautycam", "beauty cam", "myxj"]),
        Editor(name: .init(zh: "醒图", en: "Hypic (醒图)"), kind: .beauty, patterns: ["醒图", "hypic", "xingtu"]),
        Editor(name: .init(zh: "轻颜相机", en: "Ulike (轻颜相机)"), kind: .beauty, patterns: ["轻颜", "ulike", "faceu", "激萌"]),
        Editor(name: .init(zh: "B612 咔叽", en: "B612"), kind: .beauty, patterns: ["b612", "咔叽"]),
        Editor(name: .init(zh: "SNOW", en: "SNOW"), kind: .beauty, patterns: ["snow"]),
        Editor(name: .init(zh: "天天P图", en: "Pitu (天天P图)"), kind: .beauty, patterns: ["天天p图", "pitu"]),
        Editor(name: .init(zh: "无他相机", en: "Wuta Camera (无他相机)"), kind: .beauty, patterns: ["无他相机", "wuta"]),
        Editor(name: .init(zh: "黄油相机", en: "Huangyou Camera (黄油相机)"), kind: .beauty, patterns: ["黄油相机", "huangyou"]),
        Editor(name: .init(zh: "Wink", en: "Wink"), kind: .beauty, patterns: ["wink"]),
        Editor(name: .init(zh: "BeautyPlus 潮自拍", en: "BeautyPlus"), kind: .beauty, patterns: ["beautyplus", "beauty plus"]),
        Editor(name: .init(zh: "Camera360", en: "Camera360"), kind: .beauty, patterns: ["camera360"]),
        Editor(name: .init(zh: "FaceApp", en: "FaceApp"), kind: .beauty, patterns: ["faceapp"]),
        Editor(name: .init(zh: "Facetune", en: "Facetune"), kind: .beauty, patterns: ["facetune"]),
        Editor(name: .init(zh: "PicsArt", en: "PicsArt"), kind: .beauty, patterns: ["picsart"]),
        Editor(name: .init(zh: "YouCam Perfect", en: "YouCam Perfect"), kind: .beauty, patterns: ["youcam"]),
        Editor(name: .init(zh: "AirBrush", en: "AirBrush"), kind: .beauty, patterns: ["airbrush"]),
        Editor(name: .init(zh: "Perfect365", en: "Perfect365"), kind: .beauty, patterns: ["perfect365"]),
        Editor(name: .init(zh: "Remini", en: "Remini"), kind: .beauty, patterns: ["remini"]),
        Editor(name: .init(zh: "Lensa", en: "Lensa"), kind: .beauty, patterns: ["lensa"]),
        Editor(name: .init(zh: "Retouch", en: "Retouch app"), kind: .beauty, patterns: ["retouch"]),
    ]

    /// The first catalogue entry named in `text`.
    public static func named(in text: String) -> Editor? {
        let lower = text.lowercased()
        return catalogue.first { editor in editor.patterns.contains { matches($0, in: lower) } }
    }

    /// A fragment of six or fewer Latin letters must not be part of a longer word ("snow" is not
    /// in "snowboard"); longer or Chinese fragments match anywhere.
    static func matches(_ pattern: String, in text: String) -> Bool {
        guard pattern.count <= 6, pattern.allSatisfy({ $0.isASCII }) else { return text.contains(pattern) }
        var search = text[...]
        while let range = search.range(of: pattern) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let isWordChar = { (c: Character?) in c.map { $0.isLetter || $0.isNumber } ?? false }
            if !isWordChar(before) && !isWordChar(after) { return true }
            search = text[range.upperBound...]
        }
        return false
    }
}

/// One place in the file that names the software which wrote it.
public struct SoftwareTrace: Sendable, Equatable {
    public enum Source: String, Sendable {
        case exifSoftware, xmpCreatorTool, xmpHistory, xmpSoftware, xmpCameraRaw, photoshopResources
        case adobeMarker, duckyMarker, comment

        public var label: Localized {
            switch self {
            case .exifSoftware: Localized(zh: "EXIF Software 标签", en: "EXIF Software tag")
            case .xmpCreatorTool: Localized(zh: "XMP CreatorTool", en: "XMP CreatorTool")
            case .xmpHistory: Localized(zh: "XMP 编辑历史", en: "XMP edit history")
            case .xmpSoftware: Localized(zh: "XMP tiff:Software", en: "XMP tiff:Software")
            case .xmpCameraRaw: Localized(zh: "XMP Camera Raw 调整参数", en: "XMP Camera Raw settings")
            case .photoshopResources: Localized(zh: "Photoshop APP13 图像资源", en: "Photoshop APP13 image resources")
            case .adobeMarker: Localized(zh: "Adobe APP14 标记", en: "Adobe APP14 marker")
            case .duckyMarker: Localized(zh: "APP12 “Ducky” 标记(Photoshop 存储为 Web 格式)", en: "APP12 \"Ducky\" marker (Photoshop Save for Web)")
            case .comment: Localized(zh: "JPEG 注释", en: "JPEG comment")
            }
        }
    }

    public let source: Source
    /// The text found (tag value, resource summary).
    public let text: String
    /// The editor it names, if any.
    public let editor: Editor?

    public init(source: Source, text: String, editor: Editor? = nil) {
        self.source = source
        self.text = text
        self.editor = editor ?? Editor.named(in: text)
    }
}

/// Collects the software traces of a file: EXIF Software, XMP CreatorTool, history agents and
/// tiff:Software, Camera Raw settings, Photoshop image resources, the Adobe and Ducky markers,
/// comments.
public enum SoftwareTraces {
    public static func collect(file: JPEGFile, exif: EXIFData) -> [SoftwareTrace] {
        var traces: [SoftwareTrace] = []
        if let software = exif.software { traces.append(SoftwareTrace(source: .exifSoftware, text: software)) }
        if let xmp = file.xmp {
            for value in XMPText.values(of: "xmp:CreatorTool", in: xmp) {
                traces.append(SoftwareTrace(source: .xmpCreatorTool, text: value))
            }
            for value in XMPText.values(of: "stEvt:softwareAgent", in: xmp) {
                traces.append(SoftwareTrace(source: .xmpHistory, text: value))
            }
            for value in XMPText.values(of: "tiff:Software", in: xmp) {
                traces.append(SoftwareTrace(source: .xmpSoftware, text: value))
            }
            if let version = XMPText.values(of: "crs:ProcessVersion", in: xmp).first ?? XMPText.values(of: "crs:Version", in: xmp).first {
                traces.append(
                    SoftwareTrace(
                        source: .xmpCameraRaw, text: "Camera Raw settings (crs, version \(version))",
                        editor: Editor.named(in: "camera raw")))
            }
        }
        if let payload = file.photoshopPayload {
            let resources = PhotoshopResources.parse(payload)
            // IPTC text (0x0404) and its digest (0x0425) are written by many caption tools; any
            // other resource is Photoshop's own.
            let own = resources.filter { $0.id != 0x0404 && $0.id != 0x0425 }
            if !own.isEmpty {
                let writer = resources.first { $0.id == 0x0421 }.flatMap { PhotoshopResources.versionInfo($0.data) }
                let ids = own.prefix(6).map { "0x" + String($0.id, radix: 16, uppercase: true) }.joined(separator: ", ")
                let quality = resources.first { $0.id == 0x0406 }.flatMap { PhotoshopResources.saveQuality($0.data) }
                var text = writer ?? "Photoshop image resources"
                text += " (\(ids)\(own.count > 6 ? ", …" : "")"
                if let quality { text += "; Save As quality \(quality)" }
                text += ")"
                traces.append(
                    SoftwareTrace(
                        source: .photoshopResources, text: text, editor: Editor.named(in: writer ?? "photoshop")))
            }
        }
        // Photoshop writes the Adobe marker with transform 1 (YCbCr) on every colour JPEG;
        // libjpeg writes it only for RGB (transform 0) and CMYK files, so those are not evidence.
        if let transform = file.adobeTransform, transform == 1, file.frame?.components.count == 3 {
            traces.append(
                SoftwareTrace(
                    source: .adobeMarker, text: "Adobe APP14 (transform \(transform))", editor: Editor.named(in: "photoshop")))
        }
        if file.app(0xEC, prefix: Array("Ducky".utf8)) != nil {
            traces.append(SoftwareTrace(source: .duckyMarker, text: "Ducky", editor: Editor.named(in: "photoshop")))
        }
        for comment in file.comments {
            let text = String(comment.prefix { $0 != "\u{0}" }.prefix(120))
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { traces.append(SoftwareTrace(source: .comment, text: text)) }
        }
        return traces
    }
}

/// Just enough XMP reading to pull simple property values, as attributes (`name="value"`) or
/// elements (`<name>value</name>`); no XML parser, never fails.
package enum XMPText {
    package static func values(of name: String, in xmp: String) -> [String] {
        var out: [String] = []
        var rest = xmp[...]
        while let r = rest.range(of: name) {
            var tail = rest[r.upperBound...]
            if tail.hasPrefix("=\"") || tail.hasPrefix("='") {
                let quote = tail[tail.index(after: tail.startIndex)]
                tail = tail.dropFirst(2)
                if let end = tail.firstIndex(of: quote) { out.append(String(tail[..<end])) }
            } else if tail.hasPrefix(">") {
                tail = tail.dropFirst()
                if let end = tail.range(of: "</" + name) {
                    let value = String(tail[..<end.lowerBound])
                    if !value.contains("<") { out.append(value) }
                }
            }
            rest = rest[r.upperBound...]
        }
        return out.map(decodeEntities).filter { !$0.isEmpty }
    }

    static func decodeEntities(_ s: String) -> String {
        s.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
    }
}

/// Photoshop "8BIM" image resources from an APP13 payload.
package enum PhotoshopResources {
    package struct Resource {
        package let id: UInt16
        package let data: ArraySlice<UInt8>
    }

    package static func parse(_ payload: ArraySlice<UInt8>) -> [Resource] {
        let p = Array(payload)
        var out: [Resource] = []
        var i = 0
        while i + 12 <= p.count, p[i] == 0x38, p[i + 1] == 0x42, p[i + 2] == 0x49, p[i + 3] == 0x4D {  // "8BIM"
            let id = UInt16(p[i + 4]) << 8 | UInt16(p[i + 5])
            let nameLength = Int(p[i + 6])
            var j = i + 6 + 1 + nameLength
            if (1 + nameLength) % 2 == 1 { j += 1 }  // the Pascal name is padded to an even length
            guard j + 4 <= p.count else { break }
            let size = Int(p[j]) << 24 | Int(p[j + 1]) << 16 | Int(p[j + 2]) << 8 | Int(p[j + 3])
            j += 4
            guard size >= 0, j + size <= p.count else { break }
            out.append(Resource(id: id, data: payload[(payload.startIndex + j)..<(payload.startIndex + j + size)]))
            i = j + size + (size % 2)
        }
        return out
    }

    /// Resource 0x0421 (version info): writer and reader names, e.g. "Adobe Photoshop CC 2017".
    package static func versionInfo(_ data: ArraySlice<UInt8>) -> String? {
        let d = Array(data)
        var i = 5  // version (4 bytes), has-real-merged-data (1)
        var names: [String] = []
        for _ in 0..<2 {
            guard i + 4 <= d.count else { break }
            let count = Int(d[i]) << 24 | Int(d[i + 1]) << 16 | Int(d[i + 2]) << 8 | Int(d[i + 3])
            i += 4
            guard count >= 0, i + 2 * count <= d.count else { break }
            let units = (0..<count).map { UInt16(d[i + 2 * $0]) << 8 | UInt16(d[i + 2 * $0 + 1]) }
            names.append(String(decoding: units, as: UTF16.self).trimmingCharacters(in: .controlCharacters))
            i += 2 * count
        }
        return names.last { !$0.isEmpty } ?? names.first { !$0.isEmpty }
    }

    /// Resource 0x0406 (JPEG quality): Photoshop's Save As quality 0…12.
    package static func saveQuality(_ data: ArraySlice<UInt8>) -> Int? {
        guard data.count >= 2 else { return nil }
        let raw = Int(Int16(bitPattern: UInt16(data[data.startIndex]) << 8 | UInt16(data[data.startIndex + 1])))
        // Stored as quality − 4 (−4…8 for 0…12), per Adobe's format notes as read by ExifTool.
        let quality = raw + 4
        return (0...12).contains(quality) ? quality : nil
    }
}
