import Foundation
import PhotoCheckImage
import Testing

/// Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes,
/// supplementary test data, and mathematical observations", Table 1: L1 a1 b1 L2 a2 b2 ΔE00.
private let sharmaPairs: [(Double, Double, Double, Double, Double, Double, Double)] = [
    (50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425),
    (50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615),
    (50.0000, 2.8361, -74.0200, 50.0000, 0.0000, -82.7485, 3.4412),
    (50.0000, -1.3802, -84.2814, 50.0000, 0.0000, -82.7485, 1.0000),
    (50.0000, -1.1848, -84.8006, 50.0000, 0.0000, -82.7485, 1.0000),
    (50.0000, -0.9009, -85.5211, 50.0000, 0.0000, -82.7485, 1.0000),
    (50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669),
    (50.0000, -1.0000, 2.0000, 50.0000, 0.0000, 0.0000, 2.3669),
    (50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0009, 7.1792),
    (50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0010, 7.1792),
    (50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0011, 7.2195),
    (50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0012, 7.2195),
    (50.0000, -0.0010, 2.4900, 50.0000, 0.0009, -2.4900, 4.8045),
    (50.0000, -0.0010, 2.4900, 50.0000, 0.0010, -2.4900, 4.8045),
    (50.0000, -0.0010, 2.4900, 50.0000, 0.0011, -2.4900, 4.7461),
    (50.0000, 2.5000, 0.0000, 50.0000, 0.0000, -2.5000, 4.3065),
    (50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492),
    (50.0000, 2.5000, 0.0000, 61.0000, -5.0000, 29.0000, 22.8977),
    (50.0000, 2.5000, 0.0000, 56.0000, -27.0000, -3.0000, 31.9030),
    (50.0000, 2.5000, 0.0000, 58.0000, 24.0000, 15.0000, 19.4535),
    (50.0000, 2.5000, 0.0000, 50.0000, 3.1736, 0.5854, 1.0000),
    (50.0000, 2.5000, 0.0000, 50.0000, 3.2972, 0.0000, 1.0000),
    (50.0000, 2.5000, 0.0000, 50.0000, 1.8634, 0.5757, 1.0000),
    (50.0000, 2.5000, 0.0000, 50.0000, 3.2592, 0.3350, 1.0000),
    (60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644),
    (63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.2630),
    (61.2901, 3.7196, -5.3901, 61.4292, 2.2480, -4.9620, 1.8731),
    (35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645),
    (22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373),
    (36.4612, 47.8580, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146),
    (90.8027, -2.0831, 1.4410, 91.1528, -1.6435, 0.0447, 1.4441),
    (90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381),
    (6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377),
    (2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082),
]

@Test func deltaE2000MatchesAllThirtyFourPublishedPairs() {
    #expect(sharmaPairs.count == 34)
    for (i, p) in sharmaPairs.enumerated() {
        let x = Lab(L: p.0, a: p.1, b: p.2), y = Lab(L: p.3, a: p.4, b: p.5)
        let forward = Colour.deltaE2000(x, y), backward = Colour.deltaE2000(y, x)
        #expect(abs(forward - p.6) < 0.000_05, "pair \(i + 1): \(forward) ≠ \(p.6)")
        #expect(abs(backward - p.6) < 0.000_05, "pair \(i + 1) reversed: \(backward) ≠ \(p.6)")
    }
}

/// The capped difference answers every comparison with the cap as the exact one does, on the
/// published pairs and on 400 000 pairs of colours near each other (where the upper bound decides),
/// far apart (the lower bound), around the cap (neither: the exact value) and saturated blues.
@Test(arguments: [1.0, 2.5, 10, 12, 30])
func cappedDeltaE2000ComparesWithTheCapAsTheExactOneDoes(_ cap: Double) {
    var generator = SystemRandomNumberGenerator()
    var pairs = sharmaPairs.map { (Lab(L: $0.0, a: $0.1, b: $0.2), Lab(L: $0.3, a: $0.4, b: $0.5)) }
    for i in 0..<200_000 {
        let x = Lab(
            L: .random(in: 0...100, using: &generator), a: .random(in: -90...90, using: &generator), b: .random(in: -90...90, using: &generator))
        let reach = [0.5, 3, 10, 40, 150][i % 5]
        let y = Lab(
            L: x.L + .random(in: -reach...reach, using: &generator), a: x.a + .random(in: -reach...reach, using: &generator),
            b: x.b + .random(in: -reach...reach, using: &generator))
        pairs.append((x, y))
        // Saturated blues (hue near 275°), where the rotation term is largest: the upper bound's
        // factor of 2 is needed there.
        let hue = Double.random(in: 255...295, using: &generator) * .pi / 180, chroma = Double.random(in: 30...100, using: &generator)
        let blue = Lab(L: .random(in: 20...70, using: &generator), a: chroma * cos(hue), b: chroma * sin(hue))
        let turn = hue + .random(in: -0.3...0.3, using: &generator), step = chroma + .random(in: -reach...reach, using: &generator) / 4
        pairs.append((blue, Lab(L: blue.L + .random(in: -1...1, using: &generator), a: step * cos(turn), b: step * sin(turn))))
    }
    var bounded = 0, mismatches = 0
    for (x, y) in pairs {
        let exact = Colour.deltaE2000(x, y), capped = Colour.deltaE2000(x, y, cappedAt: cap)
        if capped != exact {
            bounded += 1
            // A bound on the far side of the exact value, on the same side of the cap.
            let holds = (capped > exact && capped < cap) || (capped < exact && capped > cap)
            if !holds { mismatches += 1 }
        }
        if (capped < cap, capped <= cap, capped >= cap, capped > cap) != (exact < cap, exact <= cap, exact >= cap, exact > cap) {
            mismatches += 1
        }
    }
    #expect(mismatches == 0)
    // The bounds do their work: many pairs are decided without the exact value (40–90% here).
    #expect(bounded > pairs.count / 4, "\(bounded) of \(pairs.count) decided by a bound")
}

@Test func srgbWhiteBlackAndGreyMapToTheGreyAxis() {
    let white = Colour.lab(255, 255, 255)
    #expect(abs(white.L - 100) < 0.01 && abs(white.a) < 0.01 && abs(white.b) < 0.01)
    let black = Colour.lab(0, 0, 0)
    #expect(abs(black.L) < 1e-9)
    let grey = Colour.lab(119, 119, 119)
    #expect(abs(grey.L - 50.0) < 0.3 && grey.chroma < 0.01)
}

@Test func referenceBlueHasPublishedLab() {
    // RGB(100,197,255): L* 75.98, a* −11.85, b* −37.06 (computed with the IEC 61966-2-1 matrix).
    let blue = Colour.lab(100, 197, 255)
    #expect(abs(blue.L - 75.98) < 0.05)
    #expect(abs(blue.a - -11.85) < 0.05)
    #expect(abs(blue.b - -37.06) < 0.05)
    #expect(blue.hueDegrees > 240 && blue.hueDegrees < 265)
}

@Test func labRoundTripsThroughSRGB() {
    for rgb: (UInt8, UInt8, UInt8) in [(100, 197, 255), (12, 200, 34), (250, 3, 128), (90, 90, 91), (1, 2, 3)] {
        let back = Colour.srgb(fromLab: Colour.lab(rgb.0, rgb.1, rgb.2))
        #expect(back == rgb, "\(rgb) → \(back)")
    }
    #expect(abs(Colour.encoded(Colour.linear(128)) - 128) < 1e-9)
}
