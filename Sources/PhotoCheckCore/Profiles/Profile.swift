import Foundation

/// A photo standard as data: its target file, its reference background colour, the checks it runs
/// and every threshold. The built-in `chsi-2017` ships inside the binary; `--profile FILE` loads
/// another from JSON of the same shape.
public struct Profile: Sendable, Equatable, Codable {
    public var name: String
    public var title: Localized
    public var width: Int
    public var height: Int
    /// Reference background colour, sRGB 0…255.
    public var background: [Int]
    /// The checks this profile runs, in report order.
    public var checks: [CheckID]
    /// Thresholds by name (`framing.eye_line`, `light.exposure.dark_share`, …). Geometry limits are
    /// in pixels of a `width`×`height` image; rules scale them to the photo's size.
    public var limits: [String: Limit]
    /// Other tunable numbers by name (score floors, band widths).
    public var parameters: [String: Double]
    /// Why thresholds differ from the specification's starting values, by limit name.
    public var notes: [String: String]?

    public init(json data: Data) throws {
        self = try JSONDecoder().decode(Profile.self, from: data)
        if let missing = checks.first(where: { CheckCatalogue.description(of: $0) == nil }) {
            throw ProfileError(message: "unknown check id '\(missing)' in profile \(name)")
        }
    }

    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProfileError(message: "cannot read profile file \(path)")
        }
        try self.init(json: data)
    }

    /// The named limit. A missing one is a programming error in the built-in profile and a clear
    /// failure in a user's profile, so it reports the name.
    public func limit(_ name: String) -> Limit {
        guard let limit = limits[name] else {
            preconditionFailure("profile \(self.name) has no limit '\(name)'")
        }
        return limit
    }

    public func parameter(_ name: String, default value: Double) -> Double {
        parameters[name] ?? value
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

    /// The built-in CHSI-2017 profile.
    public static let chsi2017: Profile = {
        do {
            return try Profile(json: Data(BuiltInProfiles.chsi2017.utf8))
        } catch {
            preconditionFailure("built-in profile chsi-2017 does not decode: \(error)")
        }
    }()

    public static let builtIn: [String: Profile] = ["chsi-2017": chsi2017]
}

public struct ProfileError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}
