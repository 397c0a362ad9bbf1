/// Rules that need the face, its landmarks and the person mask.
enum FaceRules {
    static let all: [any Rule] = []
}
