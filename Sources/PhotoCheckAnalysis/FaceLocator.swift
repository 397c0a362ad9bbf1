internal import CFaceShim
import Foundation
import PhotoCheckImage
import PhotoCheckModel

/// One face the detector found: its box, the detector's score and the 68 landmarks.
public struct DetectedFace: Sendable, Equatable {
    /// The detector's box, in displayed-image pixels (may reach past the picture's edge).
    public var box: PixelRect
    /// Detection confidence; faces below the profile's floor are never reported.
    public var score: Double
    /// 68 points in iBUG 300-W order (0–16 jaw from image left, 17–26 brows, 27–35 nose, 36–41
    /// image-left eye, 42–47 image-right eye, 48–67 mouth), displayed-image pixels.
    public var landmarks: [Point]
    /// Which of dlib's five sub-detectors fired: 0 frontal, 1 and 2 turned, 3 and 4 rotated.
    public var subDetector: Int
    /// Share of the face (box and jaw contour) that lies outside the picture, 0…1.
    public var outsideShare: Double

    public init(box: PixelRect, score: Double, landmarks: [Point], subDetector: Int = 0, outsideShare: Double = 0) {
        self.box = box
        self.score = score
        self.landmarks = landmarks
        self.subDetector = subDetector
        self.outsideShare = outsideShare
    }

    /// True when part of the face is cut off by the picture's edge.
    public var isCutOff: Bool { outsideShare > 0.05 }
}

/// Finds faces and their landmarks with dlib (HOG frontal detector, 68-point shape predictor).
///
/// Owns one detector handle and is not thread-safe: one per worker (`photo.context.service`). The
/// shape model is loaded once per process (and file) and shared read-only by every locator.
public final class FaceLocator {
    /// Where Debian's libdlib-data puts the 68-point model: `CheckOptions.landmarkModelPath`'s default.
    public static let defaultModelPath = "/usr/share/dlib/shape_predictor_68_face_landmarks.dat"

    /// The detector runs on a picture whose long side is at most this (an ID face stays 180+ px).
    public static let detectionLongSide = 640
    /// Pictures whose long side is below this are enlarged before detection (dlib's window is 80 px).
    public static let upsampleBelowLongSide = 400

    private let detector: OpaquePointer
    /// The shape model's file.
    private let modelPath: String
    /// Signalled once the shared shape model is loaded (or has failed to load).
    private let modelReady = DispatchSemaphore(value: 0)
    /// True once this locator has waited for the load (the semaphore is signalled only once).
    private var loadAwaited = false

    /// Builds the detector (at once: its filters are compiled in) while another thread loads the
    /// shared shape model at `modelPath` if it is not loaded yet: the first photo's detection runs
    /// during the load.
    public init(modelPath: String) throws(SkipReason) {
        self.modelPath = modelPath
        let ready = modelReady
        Thread.detachNewThread {
            _ = ShapeModel.shared(path: modelPath)
            ready.signal()
        }
        var error = [CChar](repeating: 0, count: shimMessageCapacity)
        guard let made = pc_detector_create(&error, error.count) else {
            // Let the load finish before the failure is reported (no thread outlives its use).
            modelReady.wait()
            throw SkipReason(
                zh: "人脸检测器无法创建(\(shimMessage(error)))",
                en: "the face detector could not be built (\(shimMessage(error)))")
        }
        detector = made
    }

    /// The shared shape model, waiting for the background load the first time.
    private func shapeModel() throws(SkipReason) -> ShapeModel {
        if !loadAwaited {
            modelReady.wait()
            loadAwaited = true
        }
        return try ShapeModel.shared(path: modelPath).get()
    }

    deinit {
        // A locator dropped before its first landmarks still waits for the load it started.
        if !loadAwaited { modelReady.wait() }
        pc_detector_destroy(detector)
    }

    /// Faces scoring above `scoreFloor` in a picture, best score first, with landmarks placed on
    /// the full-resolution grey picture.
    public func locate(in image: RGBImage, gray: GrayImage, scoreFloor: Double) throws(SkipReason) -> [DetectedFace] {
        let longSide = max(image.width, image.height)
        guard longSide > 0 else { return [] }
        var scale = 1.0
        if longSide > Self.detectionLongSide {
            scale = Double(Self.detectionLongSide) / Double(longSide)
        } else if longSide < Self.upsampleBelowLongSide {
            scale = min(4, Double(Self.upsampleBelowLongSide) / Double(longSide))
        }
        var boxes = try detect(image, gray: gray, scale: scale, floor: scoreFloor)
        // A small face in a large picture (full-length shots) vanishes on the reduced picture:
        // look again at twice the scale before saying there is none.
        while boxes.isEmpty && scale < 1 {
            scale = min(1, scale * 2)
            boxes = try detect(image, gray: gray, scale: scale, floor: scoreFloor)
        }
        // A face found small on a reduced picture has a coarse box, and the landmarks follow the
        // box: detect again on the face's neighbourhood at a scale where it is about 200 px wide.
        if scale < 1 {
            boxes = try boxes.map { found throws(SkipReason) in
                try refine(found, in: image, foundAt: scale, floor: scoreFloor)
            }
        }
        var faces: [DetectedFace] = []
        for found in boxes {
            let points = try landmarks(gray, in: found.box)
            faces.append(
                DetectedFace(
                    box: found.box, score: found.score, landmarks: points, subDetector: found.subDetector,
                    outsideShare: Self.outsideShare(box: found.box, jaw: Array(points.prefix(17)), width: image.width, height: image.height)))
        }
        return faces
    }

    /// One detection: box, score and which sub-detector fired.
    package struct Box {
        package var box: PixelRect
        package var score: Double
        package var subDetector: Int
    }

    private func detect(_ image: RGBImage, gray: GrayImage, scale: Double, floor: Double) throws(SkipReason) -> [Box] {
        let target: GrayImage
        if scale == 1 {
            target = gray
        } else {
            let w = max(1, Int((Double(image.width) * scale).rounded()))
            let h = max(1, Int((Double(image.height) * scale).rounded()))
            target = image.resized(width: w, height: h).gray()
        }
        let sx = Double(image.width) / Double(target.width), sy = Double(image.height) / Double(target.height)
        return try scan(target, floor: floor).map { found in
            let x0 = Double(found.box.x) * sx, y0 = Double(found.box.y) * sy
            let x1 = Double(found.box.maxX) * sx, y1 = Double(found.box.maxY) * sy
            return Box(
                box: PixelRect(x: Int(x0.rounded()), y: Int(y0.rounded()), width: Int((x1 - x0).rounded()), height: Int((y1 - y0).rounded())),
                score: found.score, subDetector: found.subDetector)
        }
    }

    /// The faces the detector's one-pass scan finds on `gray`, in its pixels, best first.
    package func scan(_ gray: GrayImage, floor: Double) throws(SkipReason) -> [Box] {
        try Self.detections(in: gray, floor: floor) { pixels, boxes, capacity, error in
            pc_detector_detect(
                detector, pixels, Int32(gray.width), Int32(gray.height), Int32(gray.width), floor, boxes, capacity,
                error, shimMessageCapacity)
        }
    }

    /// The instruction set the detector's scan runs with on this CPU ("avx512", "avx2" or
    /// "baseline"), chosen at run time so that one build runs on any x86-64 or arm64 machine.
    public static var scanInstructionSet: String { String(cString: pc_detector_instruction_set()) }

    /// Runs one of the shim's detect calls on `gray` and converts its boxes (inclusive corners).
    private static func detections(
        in gray: GrayImage, floor: Double,
        _ call: (UnsafePointer<UInt8>?, UnsafeMutablePointer<pc_face_box>, Int32, UnsafeMutablePointer<CChar>) -> Int32
    ) throws(SkipReason) -> [Box] {
        let capacity: Int32 = 32
        var boxes = [pc_face_box](repeating: pc_face_box(), count: Int(capacity))
        var error = [CChar](repeating: 0, count: shimMessageCapacity)
        let count = gray.pixels.withUnsafeBufferPointer { src in
            boxes.withUnsafeMutableBufferPointer { out in
                error.withUnsafeMutableBufferPointer { message in
                    call(src.baseAddress, out.baseAddress!, capacity, message.baseAddress!)
                }
            }
        }
        guard count >= 0 else {
            throw SkipReason(
                zh: "人脸检测失败(\(shimMessage(error)))", en: "face detection failed (\(shimMessage(error)))")
        }
        return boxes.prefix(Int(min(count, capacity))).map { b in
            Box(
                box: PixelRect(x: Int(b.left), y: Int(b.top), width: Int(b.right - b.left + 1), height: Int(b.bottom - b.top + 1)),
                score: b.score, subDetector: Int(b.sub_detector))
        }
    }

    /// Target face width for the second look at a small face.
    static let refineFaceWidth = 200.0

    private func refine(_ found: Box, in image: RGBImage, foundAt scale: Double, floor: Double) throws(SkipReason) -> Box {
        let factor = min(1, Self.refineFaceWidth / Double(max(1, found.box.width)))
        // Only worth it when the face is much larger at full resolution than it was when found.
        guard factor > 1.3 * scale else { return found }
        let margin = found.box.width
        let region = PixelRect(
            x: found.box.x - margin, y: found.box.y - margin, width: found.box.width + 2 * margin,
            height: found.box.height + 2 * margin
        ).clipped(to: image.bounds)
        guard region.width > 0, region.height > 0 else { return found }
        let crop = image.cropped(to: region)
        let again = try detect(crop, gray: crop.gray(), scale: factor, floor: floor)
        func centreOf(_ r: PixelRect) -> Point {
            Point(x: Double(r.x) + Double(r.width) / 2, y: Double(r.y) + Double(r.height) / 2)
        }
        let centre = centreOf(found.box)
        var best: Box?
        var bestDistance = Double.infinity
        for candidate in again {
            var moved = candidate
            moved.box.x += region.x
            moved.box.y += region.y
            let distance = centreOf(moved.box).distance(to: centre)
            if distance < bestDistance {
                best = moved
                bestDistance = distance
            }
        }
        guard let best else { return found }
        return bestDistance < 0.5 * Double(found.box.width) ? best : found
    }

    private func landmarks(_ gray: GrayImage, in box: PixelRect) throws(SkipReason) -> [Point] {
        try shapeModel().landmarks(gray, in: box)
    }

    /// How much of the face lies outside the picture: the larger of the box's share outside and the
    /// jaw contour's share of points outside.
    static func outsideShare(box: PixelRect, jaw: [Point], width: Int, height: Int) -> Double {
        let inside = box.clipped(to: PixelRect(x: 0, y: 0, width: width, height: height))
        let boxArea = Double(max(1, box.width * box.height))
        let boxShare = 1 - Double(max(0, inside.width) * max(0, inside.height)) / boxArea
        let outsidePoints = jaw.filter { $0.x < 0 || $0.y < 0 || $0.x >= Double(width) || $0.y >= Double(height) }.count
        let jawShare = jaw.isEmpty ? 0 : Double(outsidePoints) / Double(jaw.count)
        return max(boxShare, jawShare)
    }
}

/// The 68-point shape model: loaded once per process, then read-only and shared by every thread.
package final class ShapeModel: @unchecked Sendable {
    let handle: OpaquePointer

    /// Owns `handle` (a `pc_shape_model` from the shim's C interface) and frees it in `deinit`.
    package init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        pc_shape_model_destroy(handle)
    }

    /// The process-wide model read from `path`: loaded (or failed) once per file, by the first
    /// caller, while any other caller waits for it.
    package static func shared(path: String) -> Result<ShapeModel, SkipReason> {
        loaded.lock.lock()
        defer { loaded.lock.unlock() }
        if let model = loaded.models[path] { return model }
        let model = load(path: path)
        loaded.models[path] = model
        return model
    }

    /// The models loaded so far, by file.
    private static let loaded = Loaded()

    private final class Loaded: @unchecked Sendable {
        let lock = NSLock()
        var models: [String: Result<ShapeModel, SkipReason>] = [:]
    }

    /// Reads the model at `path`.
    package static func load(path: String) -> Result<ShapeModel, SkipReason> {
        guard FileManager.default.isReadableFile(atPath: path) else {
            return .failure(
                SkipReason(
                    zh: "缺少人脸特征点模型 \(path):请安装 Debian 软件包 libdlib-data(apt-get install libdlib-data 或 make setup)",
                    en:
                        "the face landmark model \(path) is missing: install the Debian package libdlib-data (apt-get install libdlib-data, or make setup)"
                ))
        }
        var error = [CChar](repeating: 0, count: shimMessageCapacity)
        guard let handle = pc_shape_model_load(path, &error, error.count) else {
            return .failure(
                SkipReason(
                    zh: "人脸特征点模型 \(path) 无法读取(\(shimMessage(error))),请重新安装 libdlib-data",
                    en: "the face landmark model \(path) could not be read (\(shimMessage(error))); reinstall libdlib-data"))
        }
        guard pc_shape_model_parts(handle) == 68 else {
            pc_shape_model_destroy(handle)
            return .failure(
                SkipReason(
                    zh: "\(path) 不是 68 点人脸特征点模型", en: "\(path) is not a 68-point face landmark model"))
        }
        return .success(ShapeModel(handle: handle))
    }

    /// The 68 landmarks of the face in `box` (image pixels).
    package func landmarks(_ gray: GrayImage, in box: PixelRect) throws(SkipReason) -> [Point] {
        var xy = [Double](repeating: 0, count: 136)
        var error = [CChar](repeating: 0, count: shimMessageCapacity)
        let parts = gray.pixels.withUnsafeBufferPointer { src in
            pc_shape_model_fit(
                handle, src.baseAddress, Int32(gray.width), Int32(gray.height), Int32(gray.width),
                Int32(box.x), Int32(box.y), Int32(box.maxX - 1), Int32(box.maxY - 1), &xy, 68, &error, error.count)
        }
        guard parts == 68 else {
            throw SkipReason(
                zh: "面部特征点定位失败(\(parts < 0 ? shimMessage(error) : "模型给出 \(parts) 个点,需要 68 个"))",
                en: "landmarks could not be placed (\(parts < 0 ? shimMessage(error) : "the model gives \(parts) points, 68 needed"))")
        }
        return (0..<68).map { Point(x: xy[2 * $0], y: xy[2 * $0 + 1]) }
    }
}

/// This worker's face locator (built on first use; the failure is kept so every check can say why).
enum FaceLocatorService: ServiceKey {
    static func make(_ context: AnalysisContext) -> Result<FaceLocator, SkipReason> {
        Result { () throws(SkipReason) in try FaceLocator(modelPath: context.options.landmarkModelPath) }
    }
}

/// Every face above the score floor, largest first.
package enum FacesKey: AnalysisKey {
    package static func compute(_ photo: PhotoAnalysis) -> Result<[DetectedFace], SkipReason> {
        Result { () throws(SkipReason) in
            let image = try photo.image()
            let gray = try photo.grayImage()
            let locator = try photo.context.service(FaceLocatorService.self).get()
            let floor = photo.profile.parameter("face.score_floor", default: 0.3)
            let faces = try locator.locate(in: image, gray: gray, scoreFloor: floor)
            return faces.sorted { $0.box.width * $0.box.height > $1.box.width * $1.box.height }
        }
    }
}

extension PhotoAnalysis {
    /// Every frontal face scoring above the profile's floor (`face.score_floor`), largest first.
    public func faces() throws(SkipReason) -> [DetectedFace] {
        try self[FacesKey.self].get()
    }
}

/// Room for the shim's error message.
let shimMessageCapacity = 512

/// The NUL-terminated message the shim wrote into `buffer`.
func shimMessage(_ buffer: [CChar]) -> String {
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
}
