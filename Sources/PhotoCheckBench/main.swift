// photocheck-bench: how fast photocheck checks a folder, measured in one run.
//
//   photocheck-bench [--binary PATH] [--photos N] [--fixtures DIR] [--keep]
//
// Makes a folder of N (default 400) 480×640 JPEGs under the temporary folder by copying the
// reference photos in Fixtures/real/ (frll-*-480x640.jpg), then prints:
//   - decode-only photos/s (read + TurboJPEG decode, one thread, in this process);
//   - checks-only photos/s with 1 and 2 workers, in this process, no report rendered;
//   - full-check photos/s of the release binary over the folder with --jobs 1 and --jobs 2
//     (wall time of the whole process, and the same without the one-photo start-up time);
//   - the peak memory (RSS) of those runs and of an HTML report of the folder;
//   - the wall time of `photocheck one.jpg`, start-up included (median of 5);
//   - CPU time a photo, which other load on the machine changes far less than wall time;
//   - fix photos/s (in process, one worker: plan, resample, encode, re-check; nothing written)
//     over the folder and over 20 phone-size photos (3000×4000, made with ImageMagick from the
//     FRLL photos of --shared, default ../shared/photos), beside check's rate on the same photos.
// Not a test: numbers depend on the machine. `make bench` builds release and runs it.

import Foundation
import PhotoCheckCore

#if canImport(Glibc)
    import Glibc
#endif

/// The landmark model the in-process runs load: the one `photocheck` would load (its
/// `PHOTOCHECK_LANDMARK_MODEL`, else Debian's libdlib-data file).
let landmarkModelPath = ProcessInfo.processInfo.environment["PHOTOCHECK_LANDMARK_MODEL"] ?? FaceLocator.defaultModelPath

struct Options {
    var binary = ".build/release/photocheck"
    var photos = 400
    var fixtures = "Fixtures/real"
    var shared = "../shared/photos"
    var keep = false

    init(_ arguments: [String]) {
        var it = arguments.makeIterator()
        while let arg = it.next() {
            switch arg {
            case "--binary": binary = it.next() ?? binary
            case "--photos": photos = it.next().flatMap(Int.init) ?? photos
            case "--fixtures": fixtures = it.next() ?? fixtures
            case "--shared": shared = it.next() ?? shared
            case "--keep": keep = true
            default:
                FileHandle.standardError.write(
                    Data("usage: photocheck-bench [--binary PATH] [--photos N] [--fixtures DIR] [--shared DIR] [--keep]\n".utf8))
                exit(2)
            }
        }
    }
}

/// Wall time and peak resident memory of one child process.
struct ChildRun {
    var seconds: Double
    /// User + system CPU time: unlike wall time, barely changed by other load on the machine.
    var cpuSeconds: Double
    var peakRSSMB: Double
    var status: Int32
}

/// Runs `binary arguments` with standard output and error sent to /dev/null, and measures it.
func spawn(_ binary: String, _ arguments: [String]) -> ChildRun {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([binary] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = Date()
    let rc = posix_spawn(&pid, binary, &actions, nil, argv, environ)
    guard rc == 0 else {
        FileHandle.standardError.write(Data("cannot run \(binary): \(String(cString: strerror(rc)))\n".utf8))
        exit(2)
    }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let seconds = Date().timeIntervalSince(start)
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return ChildRun(seconds: seconds, cpuSeconds: cpu, peakRSSMB: Double(usage.ru_maxrss) / 1024, status: exitStatus)
}

func format(_ value: Double, _ digits: Int = 1) -> String {
    String(format: "%.\(digits)f", value)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let fm = FileManager.default

guard fm.isExecutableFile(atPath: options.binary) else {
    print("no photocheck binary at \(options.binary): build it first (make bench does)")
    exit(2)
}
let references = ((try? fm.contentsOfDirectory(atPath: options.fixtures)) ?? [])
    .filter { $0.hasPrefix("frll-") && $0.hasSuffix("-480x640.jpg") }.sorted()
    .map { options.fixtures + "/" + $0 }
guard !references.isEmpty else {
    print("no reference photos (frll-*-480x640.jpg) in \(options.fixtures)")
    exit(2)
}

// The folder: N copies, cycling through the reference photos.
let folder = NSTemporaryDirectory() + "/photocheck-bench-\(getpid())"
try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { if !options.keep { try? fm.removeItem(atPath: folder) } }
var paths: [String] = []
for i in 0..<options.photos {
    let path = folder + "/" + String(format: "2026%06d.jpg", i)
    try fm.copyItem(atPath: references[i % references.count], toPath: path)
    paths.append(path)
}
print("photocheck bench: \(options.photos) photos of 480×640 (copies of \(references.count) reference photos) in \(folder)")
print("binary: \(options.binary); \(ProcessInfo.processInfo.activeProcessorCount) cores")

// Decode only: read and decode every photo on one thread.
let decoder = try JPEGDecoder()
_ = try decoder.decode(Array(fm.contents(atPath: paths[0])!))
let decodeStart = Date()
for path in paths {
    let bytes = [UInt8](fm.contents(atPath: path)!)
    _ = try decoder.decode(bytes)
}
let decodeSeconds = Date().timeIntervalSince(decodeStart)
print(
    "decode only (1 thread):      \(format(Double(paths.count) / decodeSeconds, 0)) photos/s  (\(format(decodeSeconds * 1000 / Double(paths.count), 2)) ms a photo)"
)

// Checks only, in this process (no report rendered): what the workers alone can do.
for jobs in [1, 2] {
    let start = Date()
    var count = 0
    BatchRunner(profile: .chsi2017, options: CheckOptions(landmarkModelPath: landmarkModelPath), jobs: jobs).run(paths) { _ in count += 1 }
    let seconds = Date().timeIntervalSince(start)
    print("checks only --jobs \(jobs) (in process, no report): \(format(Double(count) / seconds)) photos/s")
}

// One photo, start-up included: the median of five runs after one warm-up.
_ = spawn(options.binary, [references[0]])
let singles = (0..<5).map { _ in spawn(options.binary, [references[0]]) }
let single = singles.map(\.seconds).sorted()[2]
let singleCPU = singles.map(\.cpuSeconds).sorted()[2]
print(
    "one photo (photocheck me.jpg): \(format(single * 1000, 0)) ms wall, start-up included (\(format(singleCPU * 1000, 0)) ms CPU); peak RSS \(format(singles.map(\.peakRSSMB).max()!, 0)) MB"
)

// The full check over the folder.
var peak = singles.map(\.peakRSSMB).max()!
for jobs in [1, 2] {
    let run = spawn(options.binary, [folder, "--format", "jsonl", "--no-progress", "--jobs", String(jobs)])
    peak = max(peak, run.peakRSSMB)
    let rate = Double(paths.count) / run.seconds
    let steady = Double(paths.count) / max(0.001, run.seconds - single)
    let cpuPerPhoto = max(0.000001, run.cpuSeconds - singleCPU) / Double(paths.count)
    print(
        "full check --jobs \(jobs):         \(format(rate)) photos/s  (\(format(run.seconds, 2)) s in all; \(format(steady)) photos/s without start-up; exit \(run.status); peak RSS \(format(run.peakRSSMB, 0)) MB)"
    )
    print(
        "    CPU \(format(cpuPerPhoto * 1000, 1)) ms a photo after start-up: at most \(format(Double(jobs) / cpuPerPhoto)) photos/s on \(jobs) idle core(s)"
    )
}
let html = spawn(
    options.binary, [folder, "--format", "html", "--no-progress", "--jobs", "2", "--output", folder + "/../photocheck-bench-\(getpid()).html"])
try? fm.removeItem(atPath: folder + "/../photocheck-bench-\(getpid()).html")
peak = max(peak, html.peakRSSMB)
print("html report --jobs 2:         \(format(Double(paths.count) / html.seconds)) photos/s  (thumbnails; peak RSS \(format(html.peakRSSMB, 0)) MB)")
var load = [Double](repeating: 0, count: 3)
_ = getloadavg(&load, 3)
print("load average now: \(format(load[0], 2)) (wall-time rates are only comparable on an idle machine)")
print("peak memory (RSS) of all runs: \(format(peak, 0)) MB  (target < 300 MB)")

// Fix: plan, resample, encode and re-check, one worker, in this process (nothing written).
func fixRate(_ paths: [String]) -> (rate: Double, fixed: Int) {
    let start = Date()
    var fixed = 0
    BatchFixer(profile: .chsi2017, options: FixOptions(check: CheckOptions(landmarkModelPath: landmarkModelPath)), jobs: 1).run(
        paths, prepare: { $0.fixedBytes != nil }
    ) { if $0 { fixed += 1 } }
    return (Double(paths.count) / Date().timeIntervalSince(start), fixed)
}
func checkRate(_ paths: [String]) -> Double {
    var options = CheckOptions(landmarkModelPath: landmarkModelPath)
    options.decodeAtLeast = .twice(.chsi2017, largestFactor: 0.5)
    let start = Date()
    BatchRunner(profile: .chsi2017, options: options, jobs: 1).run(paths) { _ in }
    return Double(paths.count) / Date().timeIntervalSince(start)
}
let fixFolder = fixRate(paths)
print("fix --jobs 1 (in process, 480×640): \(format(fixFolder.rate)) photos/s  (\(fixFolder.fixed) of \(paths.count) fixed)")

// Phone-size photos: the FRLL studio photos cut to 3:4 and enlarged to 3000×4000.
let convert = ["/usr/bin/convert", "/usr/local/bin/convert"].first { fm.isExecutableFile(atPath: $0) }
let sources = ((try? fm.contentsOfDirectory(atPath: options.shared)) ?? []).filter { $0.hasPrefix("frll-") && $0.hasSuffix(".jpg") }.sorted()
if let convert, !sources.isEmpty {
    let phoneFolder = folder + "-phone"
    try fm.createDirectory(atPath: phoneFolder, withIntermediateDirectories: true)
    defer { if !options.keep { try? fm.removeItem(atPath: phoneFolder) } }
    var phones: [String] = []
    for i in 0..<20 {
        let path = phoneFolder + String(format: "/phone-%02d.jpg", i)
        let source = options.shared + "/" + sources[i % sources.count]
        // A different 3:4 window of the square photo for each copy, then 3000×4000 at quality 92.
        let x = (i / sources.count) * 60
        _ = spawn(
            convert, [source, "-crop", "1012x1350+\(100 + x)+0", "+repage", "-filter", "Lanczos", "-resize", "3000x4000!", "-quality", "92", path])
        if fm.fileExists(atPath: path) { phones.append(path) }
    }
    let phoneFix = fixRate(phones)
    let phoneCheck = checkRate(phones)
    print(
        "phone photos (\(phones.count) of 3000×4000): fix --jobs 1 \(format(phoneFix.rate, 2)) photos/s (\(format(1000 / phoneFix.rate, 0)) ms a photo, goal < 300 ms; \(phoneFix.fixed) fixed); check --jobs 1 \(format(phoneCheck, 2)) photos/s"
    )
    let one = spawn(options.binary, ["fix", "--dry-run", phones[0]])
    let oneFix = spawn(options.binary, ["fix", "--out-dir", phoneFolder + "/out", phones[0]])
    print(
        "one phone photo (photocheck fix): \(format(oneFix.seconds * 1000, 0)) ms wall, start-up included, peak RSS \(format(oneFix.peakRSSMB, 0)) MB (dry run \(format(one.seconds * 1000, 0)) ms)"
    )
} else {
    print("phone photos: skipped (needs ImageMagick's convert and FRLL photos in \(options.shared))")
}
