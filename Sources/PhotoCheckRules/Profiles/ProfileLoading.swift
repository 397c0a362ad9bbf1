import Foundation
import PhotoCheckModel

/// Loading profiles: the built-in ones and a user's file, each validated against the rule
/// registry (`ProfileLoader`).
extension Profile {
    /// A profile from the text of a JSON file (validated; `extends` resolved against the
    /// built-in profiles).
    public init(json data: Data) throws {
        self = try ProfileLoader.load(data: data, format: .json, origin: "profile")
    }

    /// A profile file, YAML or JSON (by its extension; `.json` or content starting with `{` is JSON).
    public init(contentsOf path: String) throws {
        self = try ProfileLoader.load(path: path)
    }

    // MARK: Built-in profiles

    /// The built-in profiles, in the order `photocheck profiles` lists them.
    public static let builtInNames = BuiltInProfiles.names

    /// The built-in profile this one is or was made from: its own name for a built-in one,
    /// `chsi-2017` for a school's variant of it. Wording that is true of one standard only (CHSI's
    /// own checker phrases, who may accept another backdrop) follows it.
    public var family: String {
        Self.builtInNames.contains(name) ? name : (extends ?? name)
    }

    /// A built-in profile by name; throws for an unknown name.
    public static func builtIn(named name: String) throws -> Profile {
        try ProfileLoader.builtIn(name)
    }

    /// Every built-in profile, in order (throws only if the data shipped in the binary is broken,
    /// which a test rules out).
    public static func allBuiltIn() throws -> [Profile] {
        try builtInNames.map { try builtIn(named: $0) }
    }

    /// A built-in profile's name, or a path to a profile file (YAML or JSON).
    public static func load(nameOrPath: String) throws -> Profile {
        if builtInNames.contains(nameOrPath) { return try builtIn(named: nameOrPath) }
        return try Profile(contentsOf: nameOrPath)
    }

    /// The built-in CHSI-2017 profile.
    public static let chsi2017: Profile = {
        do {
            return try builtIn(named: "chsi-2017")
        } catch {
            // The data is compiled in and a test loads it; this cannot come from a user's file.
            preconditionFailure("built-in profile chsi-2017 does not load: \(error)")
        }
    }()
}
