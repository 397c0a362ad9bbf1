extension Array where Element: Comparable {
    /// The element `sorted()[k]` would give, found without sorting the whole array (quickselect,
    /// linear time on average): medians and percentiles of tens of thousands of samples a photo.
    func orderStatistic(_ k: Int) -> Element {
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
