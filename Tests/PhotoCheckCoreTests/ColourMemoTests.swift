import PhotoCheckImage
import Testing

/// The memo must give exactly what the function gives, and skip the function for a repeat.
@Suite struct ColourMemoTests {
    @Test func givesTheFunctionsValueForEveryColourAndRepeat() {
        var memo = ColourMemo(slots: 64, placeholder: Lab(L: 0, a: 0, b: 0))
        var state: UInt32 = 12_345
        func next() -> UInt8 {
            state = state &* 1_103_515_245 &+ 12_345
            return UInt8(truncatingIfNeeded: state >> 16)
        }
        // Few slots and many colours: collisions replace entries, and repeats must still be right.
        let colours = (0..<300).map { _ in (next(), next(), next()) }
        for (r, g, b) in colours + colours.reversed() + colours {
            #expect(memo.value(r, g, b, Colour.lab) == Colour.lab(r, g, b))
        }
    }

    @Test func aRepeatedColourIsComputedOnce() {
        var memo = ColourMemo(placeholder: 0)
        var calls = 0
        func sum(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
            calls += 1
            return Int(r) + Int(g) + Int(b)
        }
        for _ in 0..<10 { #expect(memo.value(10, 20, 30, sum) == 60) }
        #expect(memo.value(30, 20, 10, sum) == 60)
        #expect(calls == 2)
    }
}
