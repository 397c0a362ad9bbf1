/// Remembers a pure function of an 8-bit sRGB colour for the colours seen most recently: a photo's
/// backdrop, skin and clothes repeat the same few thousand colours, and the CIELAB conversion
/// (three cube roots) and colour differences behind each are the costly part of the colour
/// statistics. Direct-mapped by a hash of the colour; a slot holds the last colour that fell in it.
/// Results are exactly the function's. One per loop: not shared between threads.
package struct ColourMemo<Value> {
    private var keys: [UInt32]
    private var values: [Value]
    private let shift: UInt32

    /// `slots` is rounded up to a power of two.
    package init(slots: Int = 8192, placeholder: Value) {
        var bits: UInt32 = 1
        while 1 << bits < slots { bits += 1 }
        keys = [UInt32](repeating: .max, count: 1 << bits)
        values = [Value](repeating: placeholder, count: 1 << bits)
        shift = 32 - bits
    }

    /// `compute(r, g, b)`, from the memo when this colour was the last one in its slot.
    @inline(__always)
    package mutating func value(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ compute: (UInt8, UInt8, UInt8) -> Value) -> Value {
        let key = UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
        // Fibonacci hashing: neighbouring colours land far apart.
        let slot = Int((key &* 2_654_435_769) >> shift)
        if keys[slot] == key { return values[slot] }
        let computed = compute(r, g, b)
        keys[slot] = key
        values[slot] = computed
        return computed
    }
}
