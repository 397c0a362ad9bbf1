/// Why a picture could not be decoded or encoded; the message carries the library's own words.
public struct DecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The header could not be read (not a JPEG, damaged header).
        case header
        /// The header asks for more pixels than photocheck will allocate.
        case tooLarge(width: Int, height: Int)
        /// The pixel data could not be decoded.
        case pixels
        /// Encoding failed.
        case encoding
    }

    public let kind: Kind
    /// The C function that failed, when one did.
    public let function: String
    public let message: String

    package init(kind: Kind, function: String, message: String) {
        self.kind = kind
        self.function = function
        self.message = message
    }

    /// The header asks for too many pixels (a photo to shrink, not a damaged file).
    public var isTooLarge: Bool {
        if case .tooLarge = kind { return true }
        return false
    }

    public var description: String { function.isEmpty ? message : "\(function): \(message)" }
}
