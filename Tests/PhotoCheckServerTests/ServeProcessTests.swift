import Foundation
import PhotoCheckTestSupport
import Testing

/// `photocheck serve` as a process: its start-up lines, graceful SIGTERM, and the nginx
/// configuration in front of two instances.
@Suite(.serialized) struct ServeProcessTests {
    /// A running `photocheck serve` and the port it reported.
    final class Instance {
        let process = Process()
        let errors = Pipe()
        var port = 0
        var startup = ""

        init(_ arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: CLIRunner.executable)
            process.arguments = ["serve", "--port", "0", "--lang", "en"] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            // The start-up lines arrive on standard error once the server listens.
            var text = ""
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, !text.contains("who can reach it") || !text.hasSuffix("\n") {
                let chunk = errors.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            startup = text
            let match = text.firstMatch(of: /listening on http:\/\/[^ ]+:(\d+)\//)
            port = Int(match?.1 ?? "") ?? 0
        }

        func stop() -> Int32 {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    @Test func startUpSaysWhoCanReachIt() throws {
        let local = try Instance([])
        #expect(local.port > 0, "\(local.startup)")
        #expect(local.startup.contains("only this computer can reach it"))
        #expect(local.startup.contains("never stored or logged"))
        #expect(local.stop() == 0)
        let everyone = try Instance(["--host", "0.0.0.0"])
        #expect(everyone.startup.contains("listening on http://0.0.0.0:"))
        #expect(everyone.startup.contains("any computer that can reach this one"))
        #expect(everyone.stop() == 0)
    }

    /// SIGTERM while a photo is half uploaded: the server waits for that request, answers it, then
    /// exits with 0. The log line of the check has its size and verdict and not the file's name.
    @Test func sigtermLetsTheRequestInFlightFinish() throws {
        let server = try Instance([])
        try #require(server.port > 0)
        let photo = Fixtures.bytes(Fixtures.real("frll-005-blue-480x640.jpg"))
        let socket = try RawHTTP(port: server.port)
        let head =
            "POST /api/check?picture=0&filename=secret-name.jpg HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\nContent-Length: \(photo.count)\r\n\r\n"
        try socket.send(Array(head.utf8) + photo.prefix(photo.count / 2))
        Thread.sleep(forTimeInterval: 0.3)
        server.process.terminate()
        Thread.sleep(forTimeInterval: 0.3)
        #expect(server.process.isRunning, "the server quit with a request in flight")
        try socket.send(Array(photo.dropFirst(photo.count / 2)))
        let answer = try socket.receiveAll()
        #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(200))")
        #expect(answer.contains("\"verdict\":\"pass\""))
        #expect(server.stop() == 0)
        let log = String(decoding: server.errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("bytes=\(photo.count)"), "\(log)")
        #expect(log.contains("verdict=pass"))
        #expect(!log.contains("secret-name"))
    }

    /// Docs/nginx/photocheck.conf with Debian's nginx in front of two instances
    /// (Scripts/test-nginx.sh; needs `make setup`).
    @Test func nginxConfigurationServesTwoInstances() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [TestPaths.packageRoot.appendingPathComponent("Scripts/test-nginx.sh").path, CLIRunner.executable]
        process.currentDirectoryURL = TestPaths.packageRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(!text.contains("FAIL"))
        #expect(text.components(separatedBy: "\nok: ").count >= 10, "\(text)")
    }
}

/// A bare HTTP/1.1 client over a POSIX socket, to send a request in pieces.
final class RawHTTP {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
            guard sent > 0 else { throw POSIXError(.EPIPE) }
            offset += sent
        }
    }

    /// What arrives until it contains `marker` (or the connection closes, or 30 s pass).
    func receive(until marker: String) throws -> String {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !String(decoding: data, as: UTF8.self).contains(marker) {
            let got = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if got <= 0 { break }
            data += buffer[0..<got]
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Everything until the server closes the connection (or 30 s pass).
    func receiveAll() throws -> String {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let got = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if got <= 0 { break }
            data += buffer[0..<got]
        }
        return String(decoding: data, as: UTF8.self)
    }
}
