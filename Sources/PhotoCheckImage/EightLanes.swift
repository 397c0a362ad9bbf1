/// Eight floats at a time for the few hot pixel loops the compiler does not vectorise on its own.
/// Each lane computes exactly what the scalar loop beside it would, so results do not change.
extension UnsafePointer where Pointee == Float {
    /// The eight floats from `self + offset` (any alignment).
    @inline(__always)
    package func eightLanes(at offset: Int) -> SIMD8<Float> {
        UnsafeRawPointer(self + offset).loadUnaligned(as: SIMD8<Float>.self)
    }
}

extension UnsafeMutablePointer where Pointee == Float {
    /// Writes eight floats from `self + offset` on (any alignment).
    @inline(__always)
    package func storeEightLanes(_ lanes: SIMD8<Float>, at offset: Int) {
        UnsafeMutableRawPointer(self + offset).storeBytes(of: lanes, as: SIMD8<Float>.self)
    }
}
