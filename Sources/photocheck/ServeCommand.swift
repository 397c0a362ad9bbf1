import ArgumentParser
import Foundation
import PhotoCheckCore
import PhotoCheckServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: UI.text(
            "Serve a web page (and a JSON API) where students check their photo; photos stay in memory and are never stored.",
            "启动一个网页(及 JSON 接口),学生在网页上检查照片;照片只在内存中处理,从不保存。"))

    @Option(
        name: .long,
        help: UI.help(
            "Address to listen on. 0.0.0.0 lets every computer that can reach this one in.", "监听的地址。0.0.0.0 表示任何能连到本机的电脑都能访问。",
            valueName: "address"))
    var host = "127.0.0.1"

    @Option(name: .long, help: UI.help("TCP port (0: any free port).", "TCP 端口(0:任选一个空闲端口)。"))
    var port = 8080

    @Option(name: .customLong("max-body-mb"), help: UI.help("Largest upload accepted, in MB.", "接受的最大上传大小(MB)。", valueName: "mb"))
    var maxBodyMB: Double = 10

    @Option(
        name: .long,
        help: UI.help(
            "Requests admitted at once (more get 503 with Retry-After; default: the number of cores).",
            "同时接纳的请求数(超出的返回 503 和 Retry-After;默认:CPU 核数)。",
            valueName: "n"))
    var queue: Int?

    @Option(
        name: .long, help: UI.help("Seconds a request may take, upload and check.", "每个请求(上传加检查)最多用时的秒数。", valueName: "seconds"))
    var timeout: Double = 30

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(UI.text("--port must be 0 to 65535", "--port 应在 0 到 65535 之间")) }
        guard maxBodyMB > 0, maxBodyMB <= 1024 else {
            throw ValidationError(UI.text("--max-body-mb must be more than 0 and at most 1024", "--max-body-mb 应大于 0 且不超过 1024"))
        }
        if let queue, queue < 1 { throw ValidationError(UI.text("--queue must be at least 1", "--queue 至少为 1")) }
        guard timeout > 0 else { throw ValidationError(UI.text("--timeout must be more than 0", "--timeout 应大于 0")) }
        guard !host.isEmpty else { throw ValidationError(UI.text("--host must not be empty", "--host 不能为空")) }
    }

    func run() throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let configuration = ServeConfiguration(
            host: host, port: port, maxBodyBytes: Int(maxBodyMB * 1024 * 1024), queue: queue, workers: min(cores, queue ?? cores),
            timeoutSeconds: timeout, profile: try common.loadProfile(), language: common.language,
            landmarkModelPath: LandmarkModel.path())
        let server = PhotoServer(configuration: configuration)
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run()
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            ReportRun.complain(UI.text("cannot serve on \(host):\(port): ", "无法在 \(host):\(port) 上提供服务:") + String(describing: error))
            throw ExitCode(2)
        }
    }
}

/// How the server's task ended, read by the main thread once it has.
private final class Outcome: @unchecked Sendable {
    var error: Error?
}
