/// One piece of what a check judged, as geometry on the displayed picture (pixels, origin top-left):
/// the band a value had to lie in, the value measured, or what the analysis found that the check
/// looked at. Findings carry them for the annotated picture only; no report prints them.
///
/// A mark has no colour of its own: the annotated picture colours it by its finding's status
/// (`found` marks keep a fixed colour, so the face's landmarks read the same on every photo).
public struct Mark: Sendable, Equatable {
    public enum Shape: Sendable, Equatable {
        /// The rows from `top` to `bottom`: where a height had to be (the head top, the eyes).
        case rows(top: Double, bottom: Double)
        /// The columns from `left` to `right`: where a horizontal position had to be.
        case columns(left: Double, right: Double)
        /// A straight line: a measured length or position, or a limit's end.
        case line(from: Point, to: Point)
        /// A rectangle (the face found).
        case box(PixelRect)
        /// Points (the face's landmarks).
        case dots([Point])
        /// An area of the picture (the person as told apart from the backdrop), drawn as its border.
        case area(Area)
    }

    /// What the shape stands for, which decides how it is drawn.
    public enum Role: String, Sendable, Equatable, CaseIterable {
        /// Where the value had to be: a band, a limit's end, the centre line.
        case limit
        /// The value measured.
        case measured
        /// A value estimated rather than measured (the head top from the face's proportions).
        case estimated
        /// What the analysis found and the check judged from (landmarks, the person's outline).
        case found
    }

    /// An area as runs of whole pixels, row by row: `runs` holds (y, first x, last x + 1) triples,
    /// in row order. Compact for a person mask (a few runs a row) where a pixel map is not.
    public struct Area: Sendable, Equatable {
        public var width: Int
        public var height: Int
        public var runs: [Int32]

        public init(width: Int, height: Int, runs: [Int32]) {
            self.width = width
            self.height = height
            self.runs = runs
        }

        /// The area of a row-major pixel map of `width` × `height` (`inside[y * width + x]`).
        public init(width: Int, height: Int, inside: [Bool]) {
            self.width = width
            self.height = height
            var runs: [Int32] = []
            guard inside.count == width * height else {
                self.runs = []
                return
            }
            for y in 0..<height {
                var x = 0
                while x < width {
                    guard inside[y * width + x] else {
                        x += 1
                        continue
                    }
                    let start = x
                    while x < width && inside[y * width + x] { x += 1 }
                    runs += [Int32(y), Int32(start), Int32(x)]
                }
            }
            self.runs = runs
        }

        /// The row-major pixel map back (`true` inside).
        public var pixels: [Bool] {
            var inside = [Bool](repeating: false, count: width * height)
            var i = 0
            while i + 2 < runs.count {
                let row = Int(runs[i]) * width
                for x in Int(runs[i + 1])..<Int(runs[i + 2]) { inside[row + x] = true }
                i += 3
            }
            return inside
        }
    }

    public var shape: Shape
    public var role: Role
    /// A few words drawn beside the shape ("head top 78 px"); ASCII, as the picture's font has no
    /// Chinese. Nil for none.
    public var label: String?

    public init(_ shape: Shape, _ role: Role, label: String? = nil) {
        self.shape = shape
        self.role = role
        self.label = label
    }

    /// A horizontal line across the picture at `y`, or from `x0` to `x1`.
    public static func horizontal(_ y: Double, from x0: Double, to x1: Double, _ role: Role, label: String? = nil) -> Mark {
        Mark(.line(from: Point(x: x0, y: y), to: Point(x: x1, y: y)), role, label: label)
    }

    /// A vertical line at `x` from `y0` to `y1`.
    public static func vertical(_ x: Double, from y0: Double, to y1: Double, _ role: Role, label: String? = nil) -> Mark {
        Mark(.line(from: Point(x: x, y: y0), to: Point(x: x, y: y1)), role, label: label)
    }

    /// The rows of a limit's pass band, its open ends at the picture's edges (0 and `height`); nil
    /// when the band is open at both ends.
    public static func rows(_ band: Limit.Band, height: Int) -> Mark? {
        guard band.min != nil || band.max != nil else { return nil }
        return Mark(.rows(top: band.min ?? 0, bottom: band.max ?? Double(height)), .limit)
    }
}
