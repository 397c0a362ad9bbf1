import Foundation
import PhotoCheckAnalysis
import PhotoCheckDecoding
import PhotoCheckImage
import PhotoCheckModel
import PhotoCheckRules

/// The package's Fixtures/ folder and the real photos in it, for the face tests.
public enum Fixtures {
    public static let root: URL = TestPaths.packageRoot.appendingPathComponent("Fixtures")

    /// A real photo from Fixtures/real/.
    public static func real(_ name: String) -> String {
        root.appendingPathComponent("real").appendingPathComponent(name).path
    }

    public static func bytes(_ path: String) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { preconditionFailure("cannot read \(path)") }
        return [UInt8](data)
    }
}

/// Everything a face test looks at, computed once for one photo.
public struct AnalysedPhoto: Sendable {
    public let image: RGBImage?
    public let faces: [DetectedFace]
    public let face: FaceGeometry?
    public let mask: PersonMask?
    public let findings: [Finding]

    public func finding(_ check: CheckID) -> Finding? { findings.first { $0.check == check } }

    /// The measured value of `key` in the finding of `check`.
    public func value(_ check: CheckID, _ key: String) -> Double? {
        finding(check)?.measurements.first { $0.key == key }?.value
    }

    public func status(_ check: CheckID) -> Status? { finding(check)?.status }
}

/// One face detector and one landmark model for the whole test run (the detector holds scratch
/// memory and Swift Testing runs tests in parallel): analyses are serialised by a lock.
public final class SharedAnalyser: @unchecked Sendable {
    public static let shared = SharedAnalyser()

    private let lock = NSLock()
    private let context = AnalysisContext(profile: .chsi2017, options: CheckOptions())
    private var cache: [String: AnalysedPhoto] = [:]

    /// Analyses a real fixture (cached by name: several tests read the same photo).
    public func real(_ name: String) -> AnalysedPhoto {
        analyse(path: Fixtures.real(name), bytes: Fixtures.bytes(Fixtures.real(name)), cacheKey: name)
    }

    /// Analyses a picture encoded as JPEG (quality 95) under the given name.
    public func picture(_ image: RGBImage, name: String) -> AnalysedPhoto {
        analyse(path: name + ".jpg", bytes: jpeg(image), cacheKey: nil)
    }

    static func evaluate(_ rule: any Rule, _ photo: PhotoAnalysis) -> Finding {
        do {
            return try rule.evaluate(photo)
        } catch {
            return .skip(type(of: rule).check, error.message)
        }
    }

    /// Runs `body` on a fresh analysis of the bytes and the findings of the face rules, under the
    /// lock (the analysis uses the shared detector).
    public func withAnalysis<T>(path: String, bytes: [UInt8], _ body: (PhotoAnalysis, [Finding]) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        let photo = PhotoAnalysis(path: path, bytes: bytes, context: context)
        return body(photo, Self.findings(photo, context.profile))
    }

    /// The encoded bytes of a picture (JPEG quality 95, 300 dpi).
    public func jpeg(_ image: RGBImage) -> [UInt8] {
        lock.withLock {
            guard let encoder = try? JPEGEncoder(), let bytes = try? encoder.encode(image, quality: 95, dpi: 300) else {
                preconditionFailure("JPEG encoding failed")
            }
            return bytes
        }
    }

    static func findings(_ photo: PhotoAnalysis, _ profile: Profile) -> [Finding] {
        profile.checks.compactMap { check -> Finding? in
            guard let rule = RuleRegistry.rule(for: check) else { return nil }
            return evaluate(rule, photo)
        }
    }

    public func analyse(path: String, bytes: [UInt8], cacheKey: String?) -> AnalysedPhoto {
        lock.lock()
        defer { lock.unlock() }
        if let cacheKey, let done = cache[cacheKey] { return done }
        let photo = PhotoAnalysis(path: path, bytes: bytes, context: context)
        let findings = Self.findings(photo, context.profile)
        let result = AnalysedPhoto(
            image: try? photo.image(), faces: (try? photo.faces()) ?? [], face: try? photo.face(),
            mask: try? photo.personMask(), findings: findings)
        if let cacheKey { cache[cacheKey] = result }
        return result
    }
}

/// Pictures made from a real photo by known geometric changes, so the expected measurements are
/// known by construction. Pixels that come from outside the source repeat its nearest edge pixel
/// (the backdrop stays plain).
public enum GeometryCases {
    /// The picture moved by (dx, dy) pixels, same size.
    public static func shifted(_ image: RGBImage, dx: Double, dy: Double) -> RGBImage {
        warp(image, width: image.width, height: image.height) { x, y in (x - dx, y - dy) }
    }

    /// The picture scaled by `factor` about (cx, cy), same size.
    public static func scaled(_ image: RGBImage, by factor: Double, about cx: Double, _ cy: Double) -> RGBImage {
        warp(image, width: image.width, height: image.height) { x, y in (cx + (x - cx) / factor, cy + (y - cy) / factor) }
    }

    /// The picture rotated by `degrees` (clockwise as displayed, y down) about (cx, cy), same size.
    public static func rotated(_ image: RGBImage, degrees: Double, about cx: Double, _ cy: Double) -> RGBImage {
        let a = degrees * .pi / 180, c = cos(a), s = sin(a)
        // Inverse map: rotate the output point back by −a.
        return warp(image, width: image.width, height: image.height) { x, y in
            let u = x - cx, v = y - cy
            return (cx + u * c + v * s, cy - u * s + v * c)
        }
    }

    /// Two pictures side by side, each resized to half the width of the result.
    public static func sideBySide(_ a: RGBImage, _ b: RGBImage) -> RGBImage {
        let halfW = a.width / 2, halfH = a.height / 2
        let left = a.resized(width: halfW, height: halfH), right = b.resized(width: halfW, height: halfH)
        var out = RGBImage(width: halfW * 2, height: halfH)
        for y in 0..<halfH {
            for x in 0..<halfW {
                let l = left.pixel(x, y), r = right.pixel(x, y)
                out.setPixel(x, y, (UInt8(l.x), UInt8(l.y), UInt8(l.z)))
                out.setPixel(x + halfW, y, (UInt8(r.x), UInt8(r.y), UInt8(r.z)))
            }
        }
        return out
    }

    /// Bilinear resampling through an inverse map from output to source pixel centres.
    public static func warp(_ image: RGBImage, width: Int, height: Int, _ inverse: (Double, Double) -> (Double, Double)) -> RGBImage {
        var out = RGBImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let (sx, sy) = inverse(Double(x), Double(y))
                let fx = max(0, min(Double(image.width - 1), sx)), fy = max(0, min(Double(image.height - 1), sy))
                let x0 = Int(fx), y0 = Int(fy)
                let x1 = min(image.width - 1, x0 + 1), y1 = min(image.height - 1, y0 + 1)
                let ax = Float(fx - Double(x0)), ay = Float(fy - Double(y0))
                let top = image.pixel(x0, y0) * (1 - ax) + image.pixel(x1, y0) * ax
                let bottom = image.pixel(x0, y1) * (1 - ax) + image.pixel(x1, y1) * ax
                let p = (top * (1 - ay) + bottom * ay).rounded(.toNearestOrEven)
                out.setPixel(x, y, (UInt8(p.x), UInt8(p.y), UInt8(p.z)))
            }
        }
        return out
    }
}
