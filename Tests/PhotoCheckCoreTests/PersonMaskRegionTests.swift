import PhotoCheckAnalysis
import PhotoCheckModel
import Testing

/// Which non-backdrop regions become the person: those covering at least a tenth of the face
/// box's grid points, found by filling only the regions that reach the box.
@Suite struct PersonMaskRegionTests {
    /// A 40×30 picture: `true` is backdrop. Region A (a big block over the box), region B (a
    /// one-pixel column at x = 28 over `stripRows`), region C (far from the box).
    static func picture(stripRows: Range<Int> = 5..<25) -> (backdrop: [Bool], width: Int, height: Int) {
        let w = 40, h = 30
        var backdrop = [Bool](repeating: true, count: w * h)
        for y in 5..<25 { for x in 10..<26 { backdrop[y * w + x] = false } }  // A
        for y in stripRows { backdrop[y * w + 28] = false }  // B
        for y in 0..<4 { for x in 0..<4 { backdrop[y * w + x] = false } }  // C
        return (backdrop, w, h)
    }

    @Test func keepsTheRegionsHoldingTheBoxAndDropsTheRest() throws {
        let (backdrop, w, h) = Self.picture()
        // The box's grid (x = 12, 14, …, 28; y = 8, 10, …, 20): A holds 49 points, B 7 (12.5%).
        let box = PixelRect(x: 12, y: 8, width: 18, height: 14)
        let person = try #require(PersonMask.regionsHolding(box, outside: backdrop, width: w, height: h))
        #expect(person[15 * w + 15])  // A
        #expect(person[6 * w + 28])  // B, outside the box but in a region that reaches it
        #expect(!person[1 * w + 1])  // C
        #expect(!person[15 * w + 27])  // backdrop between A and B
        #expect(person.filter { $0 }.count == 16 * 20 + 20)
    }

    @Test func aRegionWithUnderATenthOfTheBoxIsDropped() throws {
        // B only over rows 5–8: of the grid (x = 10, 12, …, 28; y = 6, 8, …, 20) A holds 64
        // points and B 2 (3%): B goes.
        let (backdrop, w, h) = Self.picture(stripRows: 5..<9)
        let box = PixelRect(x: 10, y: 6, width: 20, height: 16)
        let person = try #require(PersonMask.regionsHolding(box, outside: backdrop, width: w, height: h))
        #expect(person[15 * w + 15])
        #expect(!person[6 * w + 28])
    }

    @Test func aBoxOverBackdropOnlyGivesNothing() {
        let (backdrop, w, h) = Self.picture()
        #expect(PersonMask.regionsHolding(PixelRect(x: 30, y: 5, width: 8, height: 8), outside: backdrop, width: w, height: h) == nil)
    }
}
