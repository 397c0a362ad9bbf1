import CFaceReference
import CFaceShim
import Foundation
import PhotoCheckAnalysis
import PhotoCheckImage
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// Detection and landmarks on real photos, and the shim's failure paths.
@Suite struct FaceLocatorTests {
    let reference = SharedAnalyser.shared.real("frll-005-grey-480x640.jpg")

    @Test func findsOneFaceWithLandmarksOnAReferencePhoto() throws {
        #expect(reference.faces.count == 1)
        let face = try #require(reference.faces.first)
        #expect(face.score > 0.3)
        #expect(face.landmarks.count == 68)
        #expect(face.box.width > 150 && face.box.width < 300)
        #expect(face.outsideShare == 0)
        for p in face.landmarks {
            #expect(p.x > 0 && p.x < 480 && p.y > 0 && p.y < 640)
        }
        // iBUG order: the image-left eye (36–41) is left of the image-right eye (42–47), both
        // above the nose tip (30), which is above the chin (8).
        #expect(face.landmarks[39].x < face.landmarks[42].x)
        #expect(face.landmarks[36].y < face.landmarks[30].y && face.landmarks[30].y < face.landmarks[8].y)
    }

    @Test func geometryAgreesWithTheReferenceMeasurements() throws {
        // shared/reference/README.md lists eye line 270, face width 230, centre offset 0 for this
        // photo; dlib's eye centres sit a few pixels lower than the framing tool's.
        let g = try #require(reference.face)
        #expect(abs(g.eyeLineY - 270) <= 7)
        #expect(abs(g.faceWidth - 230) <= 10)
        #expect(abs(g.faceCentreX - 240) <= 4)
        #expect(abs(g.rollDegrees) < 1.5)
        #expect(abs(g.yawDegrees) < 5)
        #expect(g.leftPupil.x < g.rightPupil.x)
        #expect(!g.leftCheek.isEmpty && !g.rightCheek.isEmpty && !g.forehead.isEmpty && !g.mouth.isEmpty)
        #expect(g.leftCheek.maxX <= g.rightCheek.x)
        #expect(g.forehead.maxY <= Int(g.eyeLineY))
        #expect(g.faceOval.count >= 20)
    }

    @Test func secondReferencePhoto() throws {
        let g = try #require(SharedAnalyser.shared.real("frll-087-grey-480x640.jpg").face)
        #expect(abs(g.eyeLineY - 274) <= 7)
        #expect(abs(g.faceWidth - 232) <= 10)
    }

    @Test func twoPeopleAreTwoFacesAndNoSingleGeometry() throws {
        let a = try #require(reference.image)
        let b = try #require(SharedAnalyser.shared.real("frll-087-grey-480x640.jpg").image)
        let pair = SharedAnalyser.shared.picture(GeometryCases.sideBySide(a, b), name: "two-people")
        #expect(pair.faces.count == 2)
        #expect(pair.face == nil)
        #expect(pair.status("face.count") == .fail)
        #expect(pair.value("face.count", "face_count") == 2)
        #expect(pair.status("framing.eye_line") == .skip)
    }

    @Test func aFaceCutByTheEdgeIsNotACleanFace() throws {
        let image = try #require(reference.image)
        // Move the face so that its left third leaves the picture.
        let g = try #require(reference.face)
        let cut = SharedAnalyser.shared.picture(
            GeometryCases.shifted(image, dx: -(g.faceCentreX - g.faceWidth * 0.15), dy: 0), name: "cut")
        if let face = cut.faces.first {
            #expect(face.isCutOff)
            #expect(cut.status("face.count") == .fail)
            #expect((cut.value("face.count", "face_outside_pct") ?? 0) > 5)
        } else {
            #expect(cut.status("face.count") == .fail)
        }
        #expect(cut.face == nil)
    }

    @Test func theCompiledInFiltersAreDlibs() {
        // Regenerate with `make frontal-filters` when dlib's detector changes.
        #expect(pc_reference_filters_match_dlib() == 1)
    }

    @Test func theOnePassScanFindsWhatDlibsOwnScanFinds() throws {
        // Every real photo in the fixtures at the size the detector sees (long side ≤ 640), with a
        // floor far below the profile's so that weak candidates (and their suppression) are compared too.
        let locator = try FaceLocator(modelPath: FaceLocator.defaultModelPath)
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("real").path)
            .filter { $0.hasSuffix(".jpg") }.sorted()
        #expect(names.count >= 15)
        var compared = 0
        for name in names {
            let image = try #require(SharedAnalyser.shared.real(name).image)
            let scale = min(1, Double(FaceLocator.detectionLongSide) / Double(max(image.width, image.height)))
            let sized = scale < 1 ? image.resized(width: Int(Double(image.width) * scale), height: Int(Double(image.height) * scale)) : image
            let gray = sized.gray()
            let onePass = try locator.scan(gray, floor: -1.0)
            let reference = try Self.dlibScan(gray, floor: -1.0)
            #expect(onePass.map(\.box) == reference.map(\.box), "\(name)")
            #expect(onePass.map(\.subDetector) == reference.map(\.subDetector), "\(name)")
            for (a, b) in zip(onePass, reference) {
                #expect(abs(a.score - b.score) < 1e-3, "\(name): \(a.score) vs \(b.score)")
            }
            compared += reference.count
        }
        #expect(compared >= names.count)
    }

    /// The boxes dlib's own filter-by-filter scan finds on `gray`, in its pixels, best first: the
    /// reference the detector's one-pass scan is compared with.
    static func dlibScan(_ gray: GrayImage, floor: Double) throws -> [(box: PixelRect, score: Double, subDetector: Int)] {
        let capacity: Int32 = 32
        var boxes = [pc_face_box](repeating: pc_face_box(), count: Int(capacity))
        var error = [CChar](repeating: 0, count: 512)
        let count = gray.pixels.withUnsafeBufferPointer { src in
            pc_reference_detect(
                src.baseAddress, Int32(gray.width), Int32(gray.height), Int32(gray.width), floor, &boxes, capacity, &error, error.count)
        }
        try #require(count >= 0, "\(Self.message(error))")
        return boxes.prefix(Int(min(count, capacity))).map { b in
            (
                PixelRect(x: Int(b.left), y: Int(b.top), width: Int(b.right - b.left + 1), height: Int(b.bottom - b.top + 1)), b.score,
                Int(b.sub_detector)
            )
        }
    }

    /// The NUL-terminated message a shim function wrote into `buffer`.
    static func message(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test func ourModelReaderPlacesDlibsLandmarks() throws {
        // The same file read by our reader and by dlib's deserialize: every landmark identical, on
        // each fixture face and on boxes of no face, one of them reaching past the picture.
        let path = ProcessInfo.processInfo.environment["PHOTOCHECK_LANDMARK_MODEL"] ?? FaceLocator.defaultModelPath
        let ours = try ShapeModel.load(path: path).get()
        var error = [CChar](repeating: 0, count: 512)
        let dlibs = ShapeModel(handle: try #require(pc_reference_shape_model_load(path, &error, error.count), "\(Self.message(error))"))
        var compared = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("real").path)
        where name.hasSuffix(".jpg") {
            let photo = SharedAnalyser.shared.real(name)
            let gray = try #require(photo.image).gray()
            let boxes =
                photo.faces.map(\.box) + [
                    PixelRect(x: 10, y: 10, width: 190, height: 210), PixelRect(x: -50, y: -40, width: 150, height: 160),
                ]
            for box in boxes {
                #expect(try ours.landmarks(gray, in: box) == dlibs.landmarks(gray, in: box), "\(name) \(box)")
                compared += 1
            }
        }
        #expect(compared >= 40)
    }

    @Test func aMissingModelNamesTheDebianPackage() {
        guard case .failure(let reason) = ShapeModel.load(path: "/nonexistent/shape_predictor.dat") else {
            Issue.record("a missing model loaded")
            return
        }
        #expect(reason.message.en.contains("libdlib-data"))
        #expect(reason.message.zh.contains("libdlib-data"))
    }

    @Test func aFileThatIsNotAModelIsAnErrorNotACrash() {
        // The shim turns dlib's serialization exception into an error message.
        let path = Fixtures.real("frll-005-grey-480x640.jpg")
        guard case .failure(let reason) = ShapeModel.load(path: path) else {
            Issue.record("a JPEG loaded as a model")
            return
        }
        #expect(reason.message.en.contains("could not be read"))
    }

    /// A locator loads the landmark model on another thread while it builds its detector; one
    /// dropped before it ever placed landmarks must wait for that load and go, not hang or crash.
    @Test(.timeLimit(.minutes(1))) func locatorsDroppedBeforeTheirFirstLandmarksGoCleanly() throws {
        _ = try FaceLocator(modelPath: FaceLocator.defaultModelPath)
        let locator = try FaceLocator(modelPath: FaceLocator.defaultModelPath)
        let blank = RGBImage(width: 240, height: 320, fill: (128, 128, 128))
        #expect(try locator.locate(in: blank, gray: blank.gray(), scoreFloor: 0.3).isEmpty)
    }

    @Test func aPictureWithoutAFaceFindsNone() {
        let blank = SharedAnalyser.shared.picture(RGBImage(width: 480, height: 640, fill: (100, 197, 255)), name: "blank")
        #expect(blank.faces.isEmpty)
        #expect(blank.status("face.count") == .fail)
        #expect(blank.value("face.count", "face_count") == 0)
        #expect(blank.status("framing.head_top") == .skip)
    }
}
