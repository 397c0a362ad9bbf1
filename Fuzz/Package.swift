// swift-tools-version:6.0
// libFuzzer targets over PhotoCheckCore, built apart from the main package (`make fuzz`):
// every module is compiled with -sanitize=fuzzer,address, and libFuzzer supplies `main`.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which depends on where the repository is
// cloned, so it is read here rather than written down.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "photocheck-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: root.path)],
    targets: [
        .executableTarget(
            name: "PhotoCheckFuzz",
            dependencies: [.product(name: "PhotoCheckCore", package: root.lastPathComponent)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ],
    swiftLanguageModes: [.v6]
)
