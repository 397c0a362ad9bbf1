import Foundation
import PhotoCheckCore

/// The face landmark model file every command loads: `PHOTOCHECK_LANDMARK_MODEL` when it is set,
/// else where Debian's libdlib-data puts it. Read here, once, and passed to the core as a value.
enum LandmarkModel {
    static let environmentVariable = "PHOTOCHECK_LANDMARK_MODEL"

    static func path(in environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment[environmentVariable] ?? FaceLocator.defaultModelPath
    }
}
