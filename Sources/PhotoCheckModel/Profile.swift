import Foundation

/// A photo standard as data: its target file, its reference background colours, the checks it runs
/// and every threshold, each with the document and clause it comes from. The built-in profiles
/// (`chsi-2017`, `gaokao`, `cet`, `ga461`, `icao`) ship inside the binary; `--profile FILE` loads
/// a user's own from YAML or JSON, usually as a few overrides of a built-in one (`extends`).
///
/// A profile is validated against the rule registry when it is loaded (`ProfileLoader`): every
/// limit a rule of the profile reads is there and possible, and nothing unknown is.
public struct Profile: Sendable, Equatable {
    public var name: String
    public var title: Localized
    /// The built-in profile this one was made from, if any.
    public var extends: String?
    /// The target size in pixels. Geometry limits are in pixels of a `width`×`height` frame;
    /// rules scale them to the photo's size.
    public var width: Int
    public var height: Int
    /// Whether `file.dimensions` wants exactly `width`×`height` or at least that, at that aspect.
    public var sizeMatch: SizeMatch
    /// Accepted backdrop colours; `background.colour` judges the nearest one.
    public var backgrounds: [BackgroundReference]
    /// The checks this profile runs, in report order.
    public var checks: [CheckID]
    /// Thresholds by name (`framing.eye_line`, `light.exposure.dark_share`, …).
    public var limits: [String: Limit]
    /// Other tunable numbers by name (score floors, tile sizes); rules have defaults for them.
    public var parameters: [String: Double]
    /// Why thresholds differ from their document's values, by limit name.
    public var notes: [String: String]?
    /// Where each limit comes from, by limit name.
    public var sources: [String: LimitSource]
    /// Full titles of the documents the sources name, by short name (`CHSI`, `GA461`).
    public var documents: [String: String]
    /// The titles in each language, for documents whose data gives both (then `documents` holds
    /// the English one).
    public var documentTitles: [String: Localized] = [:]

    /// A cited document's title as `language` prints it.
    public func documentTitle(_ key: String, _ language: Language) -> String? {
        documentTitles[key]?.text(language) ?? documents[key]
    }

    public enum SizeMatch: String, Sendable, Equatable, CaseIterable {
        /// Exactly `width`×`height` (CHSI: 480×640).
        case exact
        /// At least `width`×`height`, at its aspect (CET: at least 144×192, 3:4).
        case atLeast = "at_least"
    }

    public init(
        name: String, title: Localized, extends: String? = nil, width: Int, height: Int, sizeMatch: SizeMatch = .exact,
        backgrounds: [BackgroundReference], checks: [CheckID], limits: [String: Limit], parameters: [String: Double] = [:],
        notes: [String: String]? = nil, sources: [String: LimitSource] = [:], documents: [String: String] = [:]
    ) {
        self.name = name
        self.title = title
        self.extends = extends
        self.width = width
        self.height = height
        self.sizeMatch = sizeMatch
        self.backgrounds = backgrounds
        self.checks = checks
        self.limits = limits
        self.parameters = parameters
        self.notes = notes
        self.sources = sources
        self.documents = documents
    }

    /// The named limit. A profile is validated when it is loaded, so a rule finds every limit it
    /// declares; one it did not declare makes the check `skip` with the key's name, never a crash.
    public func limit(_ name: String) throws(SkipReason) -> Limit {
        guard let limit = limits[name] else {
            throw SkipReason(zh: "规范 \(self.name) 中没有限值 \(name)", en: "the profile \(self.name) has no limit '\(name)'")
        }
        return limit
    }

    public func parameter(_ name: String, default value: Double) -> Double {
        parameters[name] ?? value
    }

    /// The first background reference's sRGB value (the standard colour).
    public var background: [Int] {
        backgrounds.first.map { [$0.red, $0.green, $0.blue] } ?? []
    }

    /// How much the profile's geometry (pixels of a `width`×`height` frame) is scaled for a photo of
    /// another size: the scale of the largest frame-shaped crop of the photo, min(w/480, h/640) for
    /// CHSI. On a photo of the right aspect this is w/480 = h/640, as the specification says; on a
    /// square or tall photo it judges the framing the student gets after the crop to 3:4 that
    /// `file.dimensions` asks for (scaling a face in a square photo by its width would call a
    /// well-framed face too small and tell the student to move closer).
    public func frameScale(width: Int, height: Int) -> Double {
        min(Double(width) / Double(self.width), Double(height) / Double(self.height))
    }

    /// The documents of chsi-2017 itself: a limit sourced there is cited by the check's CHSI clause.
    static let chsiDocuments: Set<String> = ["CHSI", "spec"]

    /// The clause a finding of `check` cites: the document of the profile's own source for the
    /// check's limit, where the profile defines one (`GA461` for ga461's face width, `CET` for cet's
    /// file size), else `clause`, the check's CHSI clause (a limit carried over from chsi-2017).
    public func clause(for check: CheckID, default clause: String) -> String {
        let keys = [check] + limits.keys.filter { $0.hasPrefix(check + ".") }.sorted()
        for key in keys {
            if let source = sources[key], !source.document.isEmpty, !Self.chsiDocuments.contains(source.document) { return source.document }
        }
        return clause
    }

    // MARK: What `fix` and `serve` need

    /// "480×640".
    public var sizeText: String { "\(width)×\(height)" }

    /// The frame's aspect in lowest terms: "3:4" for 480×640, "7:9" for 413×531.
    public var aspectText: String {
        var a = width, b = height
        while b != 0 { (a, b) = (b, a % b) }
        let g = max(1, a)
        return "\(width / g):\(height / g)"
    }

    /// The resolution the file should declare (the `file.dpi` pass band's lower end), if the
    /// profile judges it.
    public var dpi: Int? {
        guard checks.contains("file.dpi"), let band = limits["file.dpi"]?.pass else { return nil }
        return (band.min ?? band.max).map { Int($0.rounded()) }
    }

    /// The file-size band in KB (1 KB = 1024 bytes) that passes `file.size`, if the profile judges
    /// it; an open end is 0 or the reader's 64 MB cap.
    public var fileSizeKB: ClosedRange<Double>? {
        guard checks.contains("file.size"), let band = limits["file.size"]?.pass else { return nil }
        let lo = band.min ?? 0, hi = band.max ?? 65536
        return lo <= hi ? lo...hi : nil
    }

    /// The pass band of a check the profile runs (geometry in pixels of the frame), or nil.
    public func passBand(_ key: String) -> Limit.Band? {
        let check = checks.first { key == $0 || key.hasPrefix($0 + ".") }
        guard check != nil else { return nil }
        return limits[key]?.pass
    }
}

/// A backdrop colour a profile accepts.
public struct BackgroundReference: Sendable, Equatable {
    public var red: Int
    public var green: Int
    public var blue: Int
    /// The colour's name as messages use it ("浅蓝" / "light blue").
    public var name: Localized

    public init(_ red: Int, _ green: Int, _ blue: Int, name: Localized) {
        self.red = red
        self.green = green
        self.blue = blue
        self.name = name
    }

    /// "RGB(100,197,255)".
    public var rgbText: String { "RGB(\(red),\(green),\(blue))" }
}

/// Where a limit comes from: a document (a short name the profile's `documents` spells out, or
/// the title itself) and the clause in it.
public struct LimitSource: Sendable, Equatable {
    public var document: String
    public var clause: String
    /// The clause in each language, when the data gives both (a quote from a Chinese standard and
    /// its English); nil when `clause` reads the same in both (`CHSI-4.2`).
    public var translation: Localized?

    public init(document: String, clause: String, translation: Localized? = nil) {
        self.document = document
        self.clause = clause
        self.translation = translation
    }

    /// The clause as `language` prints it.
    public func clause(_ language: Language) -> String { translation?.text(language) ?? clause }
}

/// Why a profile cannot be used, naming the key at fault (`limits.framing.eye_line.pass.min`).
public struct ProfileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Where the problem is: the profile file or name.
    public var origin: String
    /// The key at fault, as a dotted path in the file ("" for the file as a whole).
    public var key: String
    public var problem: Localized

    public init(origin: String, key: String, problem: Localized) {
        self.origin = origin
        self.key = key
        self.problem = problem
    }

    public func text(_ language: Language) -> String {
        let place = key.isEmpty ? origin : "\(origin): \(key)"
        return "\(place): \(problem.text(language))"
    }

    public var description: String { text(.en) }
}

// MARK: - Writing a profile file

extension Profile: Encodable {
    private enum Keys: String, CodingKey {
        case name, title, width, height, sizeMatch = "size_match", background, documents, checks, limits, parameters, notes
    }

    private struct Reference: Encodable {
        let rgb: [Int]
        let name: Localized
    }

    private struct Entry: Encodable {
        let pass: Limit.Band
        let warn: Limit.Band?
        let beyond: Status
        let source: Source?
    }

    private struct Source: Encodable {
        let document: String
        let clause: Text
    }

    /// A string, or `{zh, en}` where the data gives both.
    private enum Text: Encodable {
        case plain(String)
        case both(Localized)

        func encode(to encoder: Encoder) throws {
            switch self {
            case .plain(let text): try text.encode(to: encoder)
            case .both(let text): try text.encode(to: encoder)
            }
        }
    }

    /// The profile as a complete file (no `extends`) that `ProfileLoader` reads back unchanged.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(name, forKey: .name)
        try c.encode(title, forKey: .title)
        try c.encode(width, forKey: .width)
        try c.encode(height, forKey: .height)
        if sizeMatch != .exact { try c.encode(sizeMatch.rawValue, forKey: .sizeMatch) }
        try c.encode(backgrounds.map { Reference(rgb: [$0.red, $0.green, $0.blue], name: $0.name) }, forKey: .background)
        if !documents.isEmpty {
            let titles = documents.map { key, title in (key, documentTitles[key].map(Text.both) ?? .plain(title)) }
            try c.encode(Dictionary(uniqueKeysWithValues: titles), forKey: .documents)
        }
        try c.encode(checks, forKey: .checks)
        var entries: [String: Entry] = [:]
        for (key, limit) in limits {
            entries[key] = Entry(
                pass: limit.pass, warn: limit.warn, beyond: limit.beyond,
                source: sources[key].map { Source(document: $0.document, clause: $0.translation.map(Text.both) ?? .plain($0.clause)) })
        }
        try c.encode(entries, forKey: .limits)
        try c.encode(parameters, forKey: .parameters)
        try c.encodeIfPresent(notes, forKey: .notes)
    }
}
