import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// One batch over the whole hostile corpus (Fixtures/hostile, plus what is made at run time: a
/// FIFO, symbolic link loops, an unreadable file, names that are not UTF-8, a folder named x.jpg, a
/// 50 MB trailer, 20 MB of XMP), with the reference photos between the bad files: no crash, no
/// hang, every file in the report, each reference photo's report the same as when it is checked
/// alone, peak memory bounded, and the documented exit code.
@Suite(.serialized) struct HostileCorpusTests {
    /// A hang guard, not a speed limit: the whole batch takes seconds.
    static let timeout = 120.0
    /// Peak resident memory of the whole batch. The largest inputs are read whole (70 MB with the
    /// trailer) and decoded pictures are small; a leak per file or an allocation sized from a
    /// lying header goes far past this.
    /// Under `make sanitize` AddressSanitizer's shadow memory and quarantine add about 2× to every
    /// process (PHOTOCHECK_SANITIZED=1 is set there), so the bound is raised by that factor.
    static let memoryLimit = 1_000 * 1024 * 1024 * (ProcessInfo.processInfo.environment["PHOTOCHECK_SANITIZED"] == "1" ? 3 : 1)

    /// A photo's report without its path, as canonical JSON.
    static func canonical(_ photo: [String: Any]) throws -> String {
        var photo = photo
        photo["path"] = nil
        return String(decoding: try JSONSerialization.data(withJSONObject: photo, options: [.sortedKeys]), as: UTF8.self)
    }

    /// The reference photo's report when it is the only photo of a run.
    static func alone(_ path: String) throws -> String {
        let run = try GuardedRun.run([path, "--format", "json"])
        let photos = try reportedPhotos(run.stdout)
        try #require(photos.count == 1)
        return try canonical(photos[0])
    }

    /// One batch's inputs and what the binary made of them.
    struct Batch {
        var corpus: HostileCorpus
        var run: GuardedRun.Result
        var goodPlacements: [String: String]  // placed copy -> reference copy
        var directNames: [[UInt8]]
        var photos: [[String: Any]]
        var byPath: [String: [String: Any]]
    }

    /// Runs one batch: the hostile files in the generator's order with a reference photo after
    /// every eighth (cycling through the ten; truncations come first, so header failures precede
    /// most of them), the odd things given one by one, and the folder of odd things to be walked.
    static func batch(jobs: Int) throws -> Batch {
        let corpus = try HostileCorpus()
        #expect(corpus.hostile.count > 150)
        #expect(corpus.good.count == 10)
        var arguments: [[UInt8]] = []
        var goodPlacements: [String: String] = [:]
        for (i, bad) in corpus.hostile.enumerated() {
            arguments.append(Array(bad.utf8))
            if i % 8 == 0 {
                let reference = corpus.good[(i / 8) % corpus.good.count]
                let placed = corpus.root.appendingPathComponent("good-\(i).jpg").path
                try FileManager.default.copyItem(atPath: reference, toPath: placed)
                arguments.append(Array(placed.utf8))
                goodPlacements[placed] = reference
            }
        }
        // Not the link to its own folder, which would walk the folder again.
        let directNames = corpus.directEntries.filter { $0 != Array("loop-dir".utf8) }
        for name in directNames { arguments.append(Array(corpus.direct.path.utf8) + [UInt8(ascii: "/")] + name) }
        arguments.append(Array(corpus.direct.appendingPathComponent("x.jpg").path.utf8))
        arguments.append(Array(corpus.odd.path.utf8))
        arguments += [Array("--format".utf8), Array("json".utf8), Array("--jobs".utf8), Array(String(jobs).utf8)]

        let run = try GuardedRun.run(arguments, timeout: Self.timeout)
        #expect(!run.timedOut, "the batch did not finish in \(Int(Self.timeout)) s and was killed")
        #expect(run.signal == nil, "the batch died of signal \(run.signal ?? 0): \(run.stderr.suffix(2000))")
        // 2: some paths cannot be read (the symbolic link loops, the FIFOs).
        #expect(run.status == 2, "exit code \(run.status.map(String.init) ?? "-"), stderr: \(run.stderr.suffix(2000))")
        #expect(run.maxRSSBytes < Self.memoryLimit, "peak memory \(run.maxRSSBytes / 1_048_576) MB")
        let photos = try reportedPhotos(run.stdout)
        let byPath = Dictionary(photos.map { ($0["path"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        return Batch(corpus: corpus, run: run, goodPlacements: goodPlacements, directNames: directNames, photos: photos, byPath: byPath)
    }

    @Test(arguments: [1, 2])
    func oneBatchOverTheHostileCorpusKeepsEveryGoodPhotosResult(jobs: Int) throws {
        let batch = try Self.batch(jobs: jobs)
        defer { batch.corpus.remove() }
        let (corpus, photos, byPath, goodPlacements) = (batch.corpus, batch.photos, batch.byPath, batch.goodPlacements)
        let paths = photos.compactMap { $0["path"] as? String }
        #expect(paths.count == photos.count)
        #expect(Set(paths).count == paths.count, "some paths are reported twice")

        // Every committed file, every placed photo and every odd thing given by name is in the report.
        for path in corpus.hostile + Array(goodPlacements.keys) {
            #expect(byPath[path] != nil, "\(path) is missing from the report")
        }
        for name in batch.directNames {
            guard let text = String(validating: name, as: UTF8.self) else { continue }
            #expect(byPath[corpus.direct.appendingPathComponent(text).path] != nil, "direct/\(text) is missing from the report")
        }
        for folder in [corpus.direct, corpus.odd] {
            #expect(byPath[folder.appendingPathComponent("x.jpg/inside.jpg").path] != nil, "\(folder.lastPathComponent)/x.jpg/inside.jpg is missing")
        }
        for name in ["trailer-50mb.jpg", "xmp-20mb.jpg"] {
            #expect(byPath[corpus.odd.appendingPathComponent(name).path] != nil, "odd/\(name) is missing from the report")
        }
        // Given by name, a FIFO and a link loop are errors of their own (and do not block the batch).
        for name in ["fifo.jpg", "loop-a.jpg"] {
            #expect(byPath[corpus.direct.appendingPathComponent(name).path]?["verdict"] as? String == "error", "direct/\(name)")
        }
        // The unreadable file: as root it is readable (root ignores the mode), so it is checked
        // like the photo it holds; otherwise it is an error of its own.
        let referenceAlone = try Self.alone(corpus.good[0])
        for folder in [corpus.direct, corpus.odd] {
            let report = try #require(byPath[folder.appendingPathComponent("unreadable.jpg").path])
            if corpus.unreadableIsReadable {
                #expect(try Self.canonical(report) == referenceAlone)
            } else {
                #expect(report["verdict"] as? String == "error")
            }
        }

        // Each reference photo's report equals its report alone, wherever it stood in the batch.
        var aloneReports: [String: String] = [:]
        for reference in Set(goodPlacements.values) { aloneReports[reference] = try Self.alone(reference) }
        var differing: [String] = []
        for (placed, reference) in goodPlacements.sorted(by: { $0.key < $1.key }) {
            guard let photo = byPath[placed] else { continue }
            if try Self.canonical(photo) != aloneReports[reference] {
                let fileJPEG = (photo["findings"] as? [[String: Any]])?.first { $0["check"] as? String == "file.jpeg" }
                let message = (fileJPEG?["message"] as? [String: String])?["en"] ?? ""
                differing.append("\((placed as NSString).lastPathComponent) (\(message))")
            }
        }
        #expect(
            differing.isEmpty,
            "\(differing.count) of \(goodPlacements.count) reference photos got another report than alone: \(differing.prefix(5))")
    }
}
