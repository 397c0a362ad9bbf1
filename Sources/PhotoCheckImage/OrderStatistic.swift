extension Array where Element: Comparable {
    /// The element `sorted()[k]` would give, found without sorting the whole array (quickselect,
    /// linear time on average): medians and percentiles of tens of thousands of samples a photo.
    package func orderStatistic(_ k: Int) -> Element {
        precondition(k >= 0 && k < count, "order statistic out of range")
        var values = self
        return values.withUnsafeMutableBufferPointer { v in
            var lo = 0, hi = v.count - 1
            while lo < hi {
                // Median of three as the pivot keeps sorted and constant runs linear.
                let mid = lo + (hi - lo) / 2
                if v[mid] < v[lo] { v.swapAt(mid, lo) }
                if v[hi] < v[lo] { v.swapAt(hi, lo) }
                if v[hi] < v[mid] { v.swapAt(hi, mid) }
                let pivot = v[mid]
                var i = lo, j = hi
                while i <= j {
                    while v[i] < pivot { i += 1 }
                    while pivot < v[j] { j -= 1 }
                    if i <= j {
                        v.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if k <= j {
                    hi = j
                } else if k >= i {
                    lo = i
                } else {
                    return v[k]
                }
            }
            return v[k]
        }
    }
}

extension Array where Element == Float {
    /// Sorts ascending, as `sort()` does. For values ≥ 0 (no NaN) the IEEE bit patterns order
    /// like the values, so three 11-bit counting passes sort them in linear time: the skin
    /// texture sorts thousands of residuals a region. Anything else (a negative value, −0, NaN)
    /// falls back to `sort()`.
    package mutating func sortNonNegative() {
        guard count > 64, allSatisfy({ $0.bitPattern <= Float.infinity.bitPattern }) else {
            sort()
            return
        }
        var keys = map { $0.bitPattern }
        var scratch = [UInt32](repeating: 0, count: count)
        var counts = [Int](repeating: 0, count: 2049)
        keys.withUnsafeMutableBufferPointer { keys in
            scratch.withUnsafeMutableBufferPointer { scratch in
                counts.withUnsafeMutableBufferPointer { counts in
                    Self.countingPass(from: keys, into: scratch, shift: 0, counts: counts)
                    Self.countingPass(from: scratch, into: keys, shift: 11, counts: counts)
                    Self.countingPass(from: keys, into: scratch, shift: 22, counts: counts)
                }
            }
        }
        for i in indices { self[i] = Float(bitPattern: scratch[i]) }
    }

    /// One stable counting-sort pass on 11 bits of the keys.
    private static func countingPass(
        from source: UnsafeMutableBufferPointer<UInt32>, into target: UnsafeMutableBufferPointer<UInt32>, shift: UInt32,
        counts: UnsafeMutableBufferPointer<Int>
    ) {
        for i in counts.indices { counts[i] = 0 }
        for key in source { counts[Int((key >> shift) & 0x7FF) + 1] += 1 }
        for i in 1..<counts.count { counts[i] += counts[i - 1] }
        for key in source {
            let bucket = Int((key >> shift) & 0x7FF)
            target[counts[bucket]] = key
            counts[bucket] += 1
        }
    }
}
