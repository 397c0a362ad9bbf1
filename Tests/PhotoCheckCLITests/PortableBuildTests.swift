import Foundation
import PhotoCheckAnalysis
import PhotoCheckTestSupport
import Testing

/// The default build runs on any x86-64 CPU: the face detector's vector code is chosen at run time,
/// not fixed by the CPU that compiled it. Checked by running the built binary under qemu's user-mode
/// emulation of a Nehalem (2008: SSE4.2, no AVX), where an instruction the CPU lacks kills the
/// process with SIGILL (exit 132).
@Suite struct PortableBuildTests {
    static let reference = TestPaths.packageRoot.appendingPathComponent("Fixtures/real/frll-005-blue-480x640.jpg").path
    static let qemu = ["/usr/bin/qemu-x86_64", "/usr/local/bin/qemu-x86_64"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test func theScanUsesTheWidestVectorsThisCPUHas() throws {
        let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let chosen = FaceLocator.scanInstructionSet
        #expect(["avx512", "avx2", "baseline"].contains(chosen))
        #if arch(x86_64)
            if flags.contains(" avx2 ") && flags.contains(" fma ") {
                #expect(chosen != "baseline", "this CPU has AVX2 and FMA, yet the scan runs without them")
            }
        #endif
    }

    @Test func theBinaryRunsOnACPUWithoutAVX() throws {
        #if arch(x86_64) && os(Linux)
            guard let qemu = Self.qemu else {
                // make setup installs qemu-user; CI must not pass by skipping this.
                #expect(ProcessInfo.processInfo.environment["CI"] == nil, "qemu-x86_64 missing: run make setup")
                return
            }
            let arguments = ["--format", "json", "--graduation-date", "2026-12-01", Self.reference]
            let native = try Self.run(CLIRunner.executable, arguments)
            let emulated = try Self.run(qemu, ["-cpu", "Nehalem", CLIRunner.executable] + arguments)
            #expect(emulated.status != 132, "SIGILL: the binary uses an instruction a Nehalem lacks")
            #expect(emulated.status == native.status)
            // Both find the same face and give the same report, byte for byte.
            #expect(emulated.stdout == native.stdout)
            #expect(native.stdout.contains("\"face.count\""))
        #endif
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
