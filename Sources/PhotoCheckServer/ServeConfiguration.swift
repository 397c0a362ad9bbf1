import Foundation
import PhotoCheckCore

/// How `photocheck serve` runs: where it listens and the limits a public server needs.
public struct ServeConfiguration: Sendable {
    /// The address to listen on; 127.0.0.1 (this computer only) unless asked.
    public var host: String
    /// The TCP port (0: any free port, reported on start-up).
    public var port: Int
    /// Uploads larger than this are refused with 413, before the body is read when it states its
    /// length, else as soon as the streamed count passes it.
    public var maxBodyBytes: Int
    /// Requests admitted at once (reading, waiting for a worker or being checked); one more gets 503.
    public var queue: Int
    /// Checks run at the same time (at most `queue`; default the number of cores).
    public var workers: Int
    /// Seconds a request may take from its arrival to its answer (upload and check).
    public var timeoutSeconds: Double
    /// The Retry-After a busy server asks for, in seconds.
    public var retryAfterSeconds: Int
    public var profile: Profile
    /// Language of the server's own start-up lines (the API answers in both).
    public var language: Language
    /// The face landmark model file the checks load (`CheckOptions.landmarkModelPath`).
    public var landmarkModelPath: String

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 10 * 1024 * 1024, queue: Int? = nil, workers: Int? = nil,
        timeoutSeconds: Double = 30, retryAfterSeconds: Int = 1, profile: Profile = .chsi2017, language: Language = .en,
        landmarkModelPath: String = FaceLocator.defaultModelPath
    ) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.queue = max(1, queue ?? cores)
        self.workers = max(1, min(workers ?? cores, self.queue))
        self.timeoutSeconds = timeoutSeconds
        self.retryAfterSeconds = retryAfterSeconds
        self.profile = profile
        self.language = language
        self.landmarkModelPath = landmarkModelPath
    }

    /// Who can reach the server at `host`, for the start-up line.
    public func reach(port: Int) -> String {
        let zh = language == .zh
        switch host {
        case "127.0.0.1", "localhost", "::1":
            return zh
                ? "只有本机能访问(要让同一网络的其他电脑访问,用 --host 0.0.0.0)"
                : "only this computer can reach it (use --host 0.0.0.0 to let other computers on the network in)"
        case "0.0.0.0", "::":
            return zh
                ? "所有网络接口:任何能连到本机的电脑都能访问端口 \(port),包括同一网络里的所有人"
                : "all network interfaces: any computer that can reach this one can use port \(port), everyone on the same network included"
        default:
            return zh ? "能连到地址 \(host) 的电脑都能访问" : "computers that can reach the address \(host) can use it"
        }
    }
}
