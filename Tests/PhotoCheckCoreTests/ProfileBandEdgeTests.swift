import Foundation
import PhotoCheckAnalysis
import PhotoCheckDecoding
import PhotoCheckImage
import PhotoCheckModel
import PhotoCheckRules
import PhotoCheckTestSupport
import Testing

/// Each built-in profile at the edges of its own bands: a photo of the profile's frame whose face,
/// head top, file size, resolution, quality, size or backdrop sits just inside a band passes, and
/// just outside gets the profile's status for it (warn or fail). The face is the reference photo's
/// 68 landmarks moved, scaled and turned by known amounts and given to the analysis (no detector
/// runs), so each measured value is known by construction.
@Suite struct ProfileBandEdgeTests {
    static let reference = SharedAnalyser.shared.real("frll-005-blue-480x640.jpg")

    static let profiles: [String] = Profile.builtInNames

    // MARK: Building photos

    /// The reference landmarks with the eye line at `eyeY`, the face `width` wide, its axis at
    /// `centreX`, the pupil line at `roll` degrees, and the nose moved sideways by `nose` px.
    static func face(eyeY: Double, width: Double, centreX: Double, roll: Double? = nil, nose: Double = 0) throws -> DetectedFace {
        let base = try #require(reference.faces.first)
        let g = FaceGeometry(face: base, imageWidth: 480, imageHeight: 640)
        let pivot = Point.midpoint(g.leftPupil, g.rightPupil)
        let s = width / g.faceWidth
        let turn = ((roll ?? g.rollDegrees) - g.rollDegrees) * .pi / 180
        let c = cos(turn), sn = sin(turn)
        let target = Point(x: centreX - s * (g.faceCentreX - pivot.x), y: eyeY)
        func move(_ p: Point) -> Point {
            let x = s * (p.x - pivot.x), y = s * (p.y - pivot.y)
            return Point(x: target.x + x * c - y * sn, y: target.y + x * sn + y * c)
        }
        var landmarks = base.landmarks.map(move)
        for i in 27...35 { landmarks[i].x += nose }
        let corner = move(Point(x: Double(base.box.x), y: Double(base.box.y)))
        let box = PixelRect(
            x: Int(corner.x), y: Int(corner.y), width: Int(Double(base.box.width) * s), height: Int(Double(base.box.height) * s))
        return DetectedFace(box: box, score: 2, landmarks: landmarks)
    }

    /// The reference picture resized to the profile's frame, as a JPEG, with `face` as its only face
    /// and the person outline's top at `headTop`.
    static func photo(_ profile: Profile, face: DetectedFace, headTop: Int? = nil) throws -> PhotoAnalysis {
        let image = try #require(reference.image).resized(width: profile.width, height: profile.height)
        let context = AnalysisContext(profile: profile, options: CheckOptions())
        let photo = PhotoAnalysis(path: "edge.jpg", bytes: SharedAnalyser.shared.jpeg(image), context: context)
        photo.preset(FacesKey.self, .success([face]))
        let geometry = try photo.face()
        var mask = PersonMask(image: try photo.image(), face: geometry)
        #expect(mask.isReliable, "\(profile.name): the reference backdrop is plain")
        if let headTop { mask.headTopY = headTop }
        photo.preset(PersonMaskKey.self, .success(mask))
        return photo
    }

    /// A face placed in the middle of every band the profile has.
    static func typical(_ profile: Profile) -> (eyeY: Double, width: Double, centreX: Double, headTop: Int) {
        let h = Double(profile.height), w = Double(profile.width)
        func middle(_ key: String, _ fallback: Double) -> Double {
            guard let band = profile.passBand(key) else { return fallback }
            return ((band.min ?? 0) + (band.max ?? 2 * (band.min ?? fallback))) / 2
        }
        let eye = middle("framing.eye_line", 0.42 * h)
        let width = profile.passBand("framing.face_width").map { (($0.min ?? 0) + ($0.max ?? 0)) / 2 } ?? 0.4 * w
        let top = Int(middle("framing.head_top", 0.1 * h).rounded())
        return (eye, width, w / 2, top)
    }

    static func status(_ check: CheckID, _ photo: PhotoAnalysis) -> Status {
        guard let rule = RuleRegistry.rule(for: check) else { return .skip }
        do {
            return try rule.evaluate(photo).status
        } catch {
            return .skip
        }
    }

    /// What the profile's limit gives a value just outside its pass band.
    static func beyond(_ profile: Profile, _ key: String, _ value: Double) throws -> Status {
        let limit = try #require(profile.limits[key])
        #expect(!limit.pass.contains(value), "\(profile.name) \(key): \(value) should be outside the pass band")
        return limit.warn?.contains(value) == true ? .warn : limit.beyond
    }

    /// Just inside passes and just outside gets the profile's status, at each closed end of `key`'s band.
    static func edges(
        _ profile: Profile, _ key: String, step: Double, _ status: (Double) throws -> Status, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let band = try #require(profile.passBand(key), sourceLocation: sourceLocation)
        for (bound, inward) in [(band.min, step), (band.max, -step)] {
            // A lower bound of 0 is the frame's top or left edge, not a band's end (GA 461's eye line).
            guard let bound, bound > 0 || inward < 0 else { continue }
            let inside = bound + inward, outside = bound - inward
            #expect(try status(inside) == .pass, "\(profile.name) \(key) \(inside)", sourceLocation: sourceLocation)
            let want = try beyond(profile, key, outside)
            #expect(want != .pass)
            #expect(try status(outside) == want, "\(profile.name) \(key) \(outside)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Geometry

    @Test(arguments: profiles)
    func eyeLine(_ name: String) throws {
        let profile = try Profile.builtIn(named: name)
        guard profile.checks.contains("framing.eye_line") else { return }
        let t = Self.typical(profile)
        try Self.edges(profile, "framing.eye_line", step: 0.5) { y in
            Self.status(
                "framing.eye_line", try Self.photo(profile, face: try Self.face(eyeY: y, width: t.width, centreX: t.centreX), headTop: t.headTop))
        }
    }

    @Test(arguments: profiles)
    func faceWidth(_ name: String) throws {
        let profile = try Profile.builtIn(named: name)
        guard profile.checks.contains("framing.face_width") else { return }
        let t = Self.typical(profile)
        try Self.edges(profile, "framing.face_width", step: 0.5) { width in
            Self.status("framing.face_width", try Self.photo(profile, face: try Self.face(eyeY: t.eyeY, width: width, centreX: t.centreX)))
        }
    }

    @Test(arguments: profiles)
    func centring(_ name: String) throws {
        let profile = try Profile.builtIn(named: name)
        let t = Self.typical(profile)
        let limit = try #require(profile.limits["framing.centring"])
        for offset in [limit.pass.max, limit.warn?.max].compactMap({ $0 }) {
            let inside = try Self.photo(profile, face: try Self.face(eyeY: t.eyeY, width: t.width, centreX: t.centreX + offset - 0.5))
            let outside = try Self.photo(profile, face: try Self.face(eyeY: t.eyeY, width: t.width, centreX: t.centreX + offset + 0.5))
            let inStatus = limit.status(for: offset - 0.5), outStatus = limit.status(for: offset + 0.5)
            #expect(inStatus != outStatus)
            #expect(Self.status("framing.centring", inside) == inStatus, "\(name) \(offset)")
            #expect(Self.status("framing.centring", outside) == outStatus, "\(name) \(offset)")
        }
    }

    @Test(arguments: profiles)
    func headTop(_ name: String) throws {
        let profile = try Profile.builtIn(named: name)
        guard profile.checks.contains("framing.head_top"), let band = profile.passBand("framing.head_top") else { return }
        let t = Self.typical(profile)
        let face = try Self.face(eyeY: t.eyeY, width: t.width, centreX: t.centreX)
        for (bound, up) in [(band.min, true), (band.max, false)] {
            guard let bound else { continue }
            // The outline's top is a whole row: the nearest rows on either side of the bound.
            let inside = Int(up ? bound.rounded(.up) : bound.rounded(.down))
            let outside = up ? Int(bound.rounded(.up)) - 1 : Int(bound.rounded(.down)) + 1
            #expect(Self.status("framing.head_top", try Self.photo(profile, face: face, headTop: inside)) == .pass, "\(name) \(inside)")
            #expect(
                Self.status("framing.head_top", try Self.photo(profile, face: face, headTop: outside))
                    == (try Self.beyond(profile, "framing.head_top", Double(outside))), "\(name) \(outside)")
        }
    }

    @Test(arguments: profiles)
    func headHeight(_ name: String) throws {
        let profile = try Profile.builtIn(named: name)
        guard profile.checks.contains("framing.head_height") else { return }
        let t = Self.typical(profile)
        let top = Int(0.1 * Double(profile.height))
        let probe = try Self.face(eyeY: t.eyeY, width: t.width, centreX: t.centreX)
        let chinBelowEyes = FaceGeometry(face: probe, imageWidth: profile.width, imageHeight: profile.height).chinY - t.eyeY
        try Self.edges(profile, "framing.head_height", step: 0.3) { pct in
            let chin = Double(top) + pct / 100 * Double(profile.height)
            let face = try Self.face(eyeY: chin - chinBelowEyes, width: t.width, centreX: t.centreX)
            return Self.status("framing.head_height", try Self.photo(profile, face: face, headTop: top))
        }
    }

    @Test(arguments: profiles)
    func roll(_ name: String) throws {
        let profile = try Profile.builtIn(named: name)
        let t = Self.typical(profile)
        try Self.edges(profile, "pose.roll", step: 0.2) { degrees in
            Self.status("pose.roll", try Self.photo(profile, face: try Self.face(eyeY: t.eyeY, width: t.width, centreX: t.centreX, roll: degrees)))
        }
        if let warn = profile.limits["pose.roll"]?.warn?.max {
            let beyond = try Self.photo(profile, face: try Self.face(eyeY: t.eyeY, width: t.width, centreX: t.centreX, roll: warn + 0.2))
            #expect(Self.status("pose.roll", beyond) == .fail)
        }
    }

    @Test(arguments: profiles)
    func yaw(_ name: String) throws {
        let profile = try Profile.builtIn(named: name)
        let t = Self.typical(profile)
        /// The nose shift that gives `degrees` of yaw (the estimate grows with the shift).
        func face(yaw degrees: Double) throws -> DetectedFace {
            var lo = 0.0, hi = t.width / 2
            for _ in 0..<50 {
                let mid = (lo + hi) / 2
                let g = FaceGeometry(
                    face: try Self.face(eyeY: t.eyeY, width: t.width, centreX: t.centreX, roll: 0, nose: mid), imageWidth: profile.width,
                    imageHeight: profile.height)
                if abs(g.yawDegrees) < degrees { lo = mid } else { hi = mid }
            }
            return try Self.face(eyeY: t.eyeY, width: t.width, centreX: t.centreX, roll: 0, nose: (lo + hi) / 2)
        }
        let limit = try #require(profile.limits["pose.yaw"])
        for edge in [limit.pass.max, limit.warn?.max].compactMap({ $0 }) {
            let inside = limit.status(for: edge - 0.3), outside = limit.status(for: edge + 0.3)
            #expect(inside != outside)
            #expect(Self.status("pose.yaw", try Self.photo(profile, face: try face(yaw: edge - 0.3))) == inside, "\(name) \(edge)")
            #expect(Self.status("pose.yaw", try Self.photo(profile, face: try face(yaw: edge + 0.3))) == outside, "\(name) \(edge)")
        }
    }

    // MARK: File

    static func analysis(_ profile: Profile, bytes: [UInt8], path: String = "edge.jpg") -> PhotoAnalysis {
        PhotoAnalysis(path: path, bytes: bytes, context: AnalysisContext(profile: profile, options: CheckOptions()))
    }

    static func jpeg(width: Int, height: Int, quality: Int = 90, dpi: Int? = 300) throws -> [UInt8] {
        var image = RGBImage(width: width, height: height)
        for y in 0..<height { for x in 0..<width { image.setPixel(x, y, (UInt8(x % 256), UInt8(y % 256), 128)) } }
        return try JPEGEncoder().encode(image, quality: quality, dpi: dpi)
    }

    @Test(arguments: profiles)
    func fileSize(_ name: String) throws {
        let profile = try Profile.builtIn(named: name)
        guard profile.checks.contains("file.size") else {
            #expect(profile.fileSizeKB == nil)
            return
        }
        try Self.edges(profile, "file.size", step: 0.5) { kb in
            Self.status("file.size", Self.analysis(profile, bytes: [UInt8](repeating: 0, count: Int(kb * 1024))))
        }
        #expect(profile.fileSizeKB == profile.limits["file.size"].map { ($0.pass.min ?? 0)...($0.pass.max ?? 65536) })
    }

    @Test(arguments: profiles)
    func resolution(_ name: String) throws {
        let profile = try Profile.builtIn(named: name)
        guard profile.checks.contains("file.dpi") else {
            #expect(profile.dpi == nil)
            return
        }
        let dpi = try #require(profile.dpi)
        #expect(Self.status("file.dpi", Self.analysis(profile, bytes: try Self.jpeg(width: 32, height: 32, dpi: dpi))) == .pass)
        let off = try Self.beyond(profile, "file.dpi", Double(dpi + 1))
        #expect(Self.status("file.dpi", Self.analysis(profile, bytes: try Self.jpeg(width: 32, height: 32, dpi: dpi + 1))) == off)
        #expect(Self.status("file.dpi", Self.analysis(profile, bytes: try Self.jpeg(width: 32, height: 32, dpi: dpi - 1))) == off)
    }

    @Test(arguments: profiles)
    func quality(_ name: String) throws {
        let profile = try Profile.builtIn(named: name)
        let least = try #require(profile.limits["file.quality"]?.pass.min)
        let q = Int(least)
        #expect(Self.status("file.quality", Self.analysis(profile, bytes: try Self.jpeg(width: 64, height: 64, quality: q))) == .pass)
        #expect(
            Self.status("file.quality", Self.analysis(profile, bytes: try Self.jpeg(width: 64, height: 64, quality: q - 1)))
                == (try Self.beyond(profile, "file.quality", Double(q - 1))))
    }

    @Test(arguments: profiles)
    func dimensions(_ name: String) throws {
        let profile = try Profile.builtIn(named: name)
        let w = profile.width, h = profile.height
        func status(_ width: Int, _ height: Int) throws -> Status {
            Self.status("file.dimensions", Self.analysis(profile, bytes: try Self.jpeg(width: width, height: height)))
        }
        #expect(try status(w, h) == .pass)
        #expect(try status(w - 1, h) == .fail)
        #expect(try status(w, h - 1) == .fail)
        switch profile.sizeMatch {
        case .exact:
            #expect(try status(w, h + 1) == .fail)
            #expect(try status(2 * w, 2 * h) == .fail)
        case .atLeast:
            #expect(try status(2 * w, 2 * h) == .pass)
            #expect(try status(w + 1, h + 1) == .pass, "1% aspect tolerance")
            #expect(try status(w, h + h / 20) == .fail, "5% off the aspect")
        }
    }

    /// The backdrop just inside and just outside the colour-difference limit of each reference.
    @Test(arguments: profiles)
    func backgroundColour(_ name: String) throws {
        let profile = try Profile.builtIn(named: name)
        let limit = try #require(profile.limits["background.colour"]?.pass.max)
        for reference in profile.backgrounds {
            let lab = Colour.lab(UInt8(reference.red), UInt8(reference.green), UInt8(reference.blue))
            /// The colour `distance` away from the reference, towards red (away from every reference).
            func shifted(_ distance: Double) -> Lab {
                var lo = 0.0, hi = 100.0
                for _ in 0..<60 {
                    let mid = (lo + hi) / 2
                    if Colour.deltaE2000(Lab(L: lab.L, a: lab.a + mid, b: lab.b), lab) < distance { lo = mid } else { hi = mid }
                }
                return Lab(L: lab.L, a: lab.a + (lo + hi) / 2, b: lab.b)
            }
            func status(_ distance: Double) throws -> Status {
                let t = Self.typical(profile)
                let photo = try Self.photo(profile, face: try Self.face(eyeY: t.eyeY, width: t.width, centreX: t.centreX))
                photo.preset(
                    BackgroundStatisticsKey.self,
                    .success(
                        BackgroundStatistics(
                            sampleCount: 10000, share: 0.5, median: shifted(distance), gradientLightness: 2, outlierShare: 0, spread: 1,
                            shadowDeltaLightness: 0)))
                return Self.status("background.colour", photo)
            }
            #expect(try status(limit - 0.2) == .pass, "\(name) \(reference.rgbText)")
            #expect(try status(limit + 0.2) == (try Self.beyond(profile, "background.colour", limit + 0.2)), "\(name) \(reference.rgbText)")
        }
    }

    // MARK: What the documents say, in numbers

    @Test func theDocumentsNumbersAreThere() throws {
        let ga461 = try Profile.builtIn(named: "ga461")
        #expect(ga461.sizeText == "358×441" && ga461.dpi == 350)
        #expect(ga461.limits["framing.face_width"]?.pass == Limit.Band(min: 193, max: 221))
        #expect(ga461.limits["framing.head_top"]?.pass == Limit.Band(min: 7, max: 21))
        #expect(ga461.limits["framing.eye_line"]?.pass.max == Double(441 - 207))
        #expect(ga461.backgrounds.map(\.rgbText) == ["RGB(255,255,255)"])
        let icao = try Profile.builtIn(named: "icao")
        #expect(icao.limits["framing.head_height"]?.pass == Limit.Band(min: 70, max: 80))
        #expect(icao.limits["framing.eye_line"]?.pass == Limit.Band(min: 159.3, max: 265.5))
        #expect(icao.limits["pose.yaw"]?.pass.max == 5 && icao.limits["pose.roll"]?.pass.max == 8)
        let cet = try Profile.builtIn(named: "cet")
        #expect(cet.sizeMatch == .atLeast && cet.aspectText == "3:4" && cet.fileSizeKB == 20...200)
        // chsi-2017's centring (24/48 px of 480) carried to CET's 144 px frame.
        #expect(cet.limits["framing.centring"] == Limit.atMost(7.2, warnMax: 14.4))
        let gaokao = try Profile.builtIn(named: "gaokao")
        #expect(gaokao.backgrounds.map(\.name.en) == ["light blue", "white", "light grey"])
        var same = gaokao.limits
        same["background.colour"] = Profile.chsi2017.limits["background.colour"]
        #expect(same == Profile.chsi2017.limits, "gaokao keeps CHSI's geometry")
    }
}
